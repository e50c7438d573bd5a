import type { Queryable } from '../db.js';
import type { MeetingRole } from './meetings.js';

export const NEXT_STEPS = ['none', 'another_meeting', 'proposal', 'pilot_test', 'contract'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

export interface Feedback {
  meetingId: number;
  personId: number;
  role: MeetingRole;
  happened: boolean;
  usefulness?: number;
  nextStep: NextStep;
  comment: string;
}

/** Saves one person's feedback on a meeting; false when they had already answered. */
export async function saveFeedback(db: Queryable, f: Feedback): Promise<boolean> {
  const res = await db.query(
    `INSERT INTO meeting_feedback (meeting_id, person_id, role, happened, usefulness, next_step, comment)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (meeting_id, person_id) DO NOTHING`,
    [f.meetingId, f.personId, f.role, f.happened, f.usefulness ?? null, f.nextStep, f.comment],
  );
  return res.rowCount === 1;
}

export async function listFeedback(db: Queryable, meetingId: number): Promise<Feedback[]> {
  const res = await db.query<{ meeting_id: string | number; person_id: string | number; role: MeetingRole; happened: boolean; usefulness: number | null; next_step: NextStep; comment: string }>(
    'SELECT meeting_id, person_id, role, happened, usefulness, next_step, comment FROM meeting_feedback WHERE meeting_id = $1 ORDER BY answered_at',
    [meetingId],
  );
  return res.rows.map((r) => ({
    meetingId: Number(r.meeting_id), personId: Number(r.person_id), role: r.role, happened: r.happened,
    usefulness: r.usefulness ?? undefined, nextStep: r.next_step, comment: r.comment,
  }));
}
