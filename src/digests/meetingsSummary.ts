import type { Queryable } from '../../storage/db.js';
import {
  feedbackAnsweredBetween, introsWaitingAt, meetingsStartingBetween,
  type DigestFeedbackRow, type DigestIntroRow, type DigestMeetingRow,
} from '../../storage/repositories/digestMeetings.js';

/** The meetings part of a digest, from the meetings capability's tables (no names: see digestMeetings). */
export interface MeetingsSummary {
  /** Meetings that were due in the period (held, missed, or booked and not yet marked). */
  held: DigestMeetingRow[];
  /** Meetings booked in the week after the period. */
  upcoming: DigestMeetingRow[];
  feedback: DigestFeedbackRow[];
  introsWaiting: DigestIntroRow[];
}

const WEEK_MS = 7 * 86_400_000;
const MAX_ROWS = 200;

export async function readMeetingsSummary(db: Queryable, workspaceId: string, from: Date, to: Date): Promise<MeetingsSummary> {
  const [held, upcoming, feedback, introsWaiting] = await Promise.all([
    meetingsStartingBetween(db, workspaceId, from, to, MAX_ROWS),
    meetingsStartingBetween(db, workspaceId, to, new Date(to.getTime() + WEEK_MS), MAX_ROWS),
    feedbackAnsweredBetween(db, workspaceId, from, to, MAX_ROWS),
    introsWaitingAt(db, workspaceId, to, MAX_ROWS),
  ]);
  return { held, upcoming: upcoming.filter((m) => m.status === 'booked'), feedback, introsWaiting };
}

export function meetingsEmpty(m: MeetingsSummary): boolean {
  return m.held.length === 0 && m.upcoming.length === 0 && m.feedback.length === 0 && m.introsWaiting.length === 0;
}
