import type { Queryable } from '../db.js';
import type { IntroSide } from './intros.js';
import type { MeetingRole } from './meetings.js';
import type { NextStep } from './meetingFeedback.js';

/**
 * Read-only views of meetings for digests: counts and names, never need text or company names,
 * so they are safe to post in a channel.
 */
export interface DigestMeeting {
  id: number;
  needId: number;
  introId: number;
  status: 'booked' | 'held' | 'missed' | 'cancelled';
  startsAt: Date;
  endsAt: Date;
  participants: { personId: number; displayName: string; role: MeetingRole }[];
}

export interface DigestFeedback {
  meetingId: number;
  needId: number;
  personId: number;
  displayName: string;
  role: MeetingRole;
  happened: boolean;
  usefulness?: number;
  nextStep: NextStep;
  answeredAt: Date;
}

export interface WaitingIntro {
  id: number;
  needId: number;
  outcomeId: number;
  outcomeTitle: string;
  status: 'pending' | 'stale';
  createdAt: Date;
  nudgedAt?: Date;
  waitingFor: IntroSide[];
}

/** Meetings whose start lies in [from, to): booked ones are upcoming, held/missed ones past. */
export async function listMeetingsBetween(db: Queryable, workspaceId: string, from: Date, to: Date): Promise<DigestMeeting[]> {
  const res = await db.query<{
    id: string | number; need_id: string | number; intro_id: string | number; status: DigestMeeting['status'];
    starts_at: Date | string; ends_at: Date | string; participants: { personId: number; displayName: string; role: MeetingRole }[] | string;
  }>(
    `SELECT m.id, m.need_id, m.intro_id, m.status, m.starts_at, m.ends_at,
            COALESCE(json_agg(json_build_object('personId', mp.person_id, 'displayName', p.display_name, 'role', mp.role)
                     ORDER BY mp.role) FILTER (WHERE mp.person_id IS NOT NULL), '[]') AS participants
       FROM meetings m
       LEFT JOIN meeting_participants mp ON mp.meeting_id = m.id
       LEFT JOIN people p ON p.id = mp.person_id
      WHERE m.workspace_id = $1 AND m.status <> 'proposing' AND m.starts_at >= $2 AND m.starts_at < $3
      GROUP BY m.id ORDER BY m.starts_at, m.id`,
    [workspaceId, from.toISOString(), to.toISOString()],
  );
  return res.rows.map((r) => ({
    id: Number(r.id), needId: Number(r.need_id), introId: Number(r.intro_id), status: r.status,
    startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at),
    participants: (typeof r.participants === 'string' ? JSON.parse(r.participants) as DigestMeeting['participants'] : r.participants)
      .map((p) => ({ ...p, personId: Number(p.personId) })),
  }));
}

/** Feedback answered in [from, to), without the free text. */
export async function listFeedbackBetween(db: Queryable, workspaceId: string, from: Date, to: Date): Promise<DigestFeedback[]> {
  const res = await db.query<{
    meeting_id: string | number; need_id: string | number; person_id: string | number; display_name: string; role: MeetingRole;
    happened: boolean; usefulness: number | null; next_step: NextStep; answered_at: Date | string;
  }>(
    `SELECT f.meeting_id, m.need_id, f.person_id, p.display_name, f.role, f.happened, f.usefulness, f.next_step, f.answered_at
       FROM meeting_feedback f JOIN meetings m ON m.id = f.meeting_id JOIN people p ON p.id = f.person_id
      WHERE m.workspace_id = $1 AND f.answered_at >= $2 AND f.answered_at < $3
      ORDER BY f.answered_at`,
    [workspaceId, from.toISOString(), to.toISOString()],
  );
  return res.rows.map((r) => ({
    meetingId: Number(r.meeting_id), needId: Number(r.need_id), personId: Number(r.person_id), displayName: r.display_name, role: r.role,
    happened: r.happened, usefulness: r.usefulness ?? undefined, nextStep: r.next_step, answeredAt: new Date(r.answered_at),
  }));
}

/** Introductions still waiting for an answer (pending, or stale after the one nudge), oldest first. */
export async function listWaitingIntros(db: Queryable, workspaceId: string): Promise<WaitingIntro[]> {
  const res = await db.query<{
    id: string | number; need_id: string | number; outcome_id: string | number; title: string; status: 'pending' | 'stale';
    created_at: Date | string; nudged_at: Date | string | null; waiting_for: IntroSide[] | null;
  }>(
    `SELECT i.id, i.need_id, i.outcome_id, o.title, i.status, i.created_at, i.nudged_at,
            array_agg(ip.side ORDER BY ip.side) FILTER (WHERE ip.answer IS NULL) AS waiting_for
       FROM intros i JOIN outcomes o ON o.id = i.outcome_id JOIN intro_parties ip ON ip.intro_id = i.id
      WHERE i.workspace_id = $1 AND i.status IN ('pending', 'stale')
      GROUP BY i.id, o.title ORDER BY i.created_at, i.id`,
    [workspaceId],
  );
  return res.rows.map((r) => ({
    id: Number(r.id), needId: Number(r.need_id), outcomeId: Number(r.outcome_id), outcomeTitle: r.title, status: r.status,
    createdAt: new Date(r.created_at), nudgedAt: r.nudged_at === null ? undefined : new Date(r.nudged_at), waitingFor: r.waiting_for ?? [],
  }));
}
