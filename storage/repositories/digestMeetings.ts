import type { Queryable } from '../db.js';

/**
 * What digests read of the meetings capability's tables (migration 009): meetings, their
 * feedback and the introductions still waiting for an answer. Never names or comments: a
 * digest channel may be read by people who must not see who is behind a confidential need.
 */

export interface DigestMeetingRow {
  id: number;
  needId: number;
  status: 'booked' | 'held' | 'missed' | 'cancelled';
  startsAt: Date;
  participants: number;
}

/** Meetings (not cancelled) starting in [from, to), earliest first. */
export async function meetingsStartingBetween(db: Queryable, workspaceId: string, from: Date, to: Date, limit: number): Promise<DigestMeetingRow[]> {
  const res = await db.query<{ id: string | number; need_id: string | number; status: DigestMeetingRow['status']; starts_at: Date | string; participants: string | number }>(
    `SELECT m.id, m.need_id, m.status, m.starts_at,
            (SELECT count(*) FROM meeting_participants p WHERE p.meeting_id = m.id) AS participants
       FROM meetings m
      WHERE m.workspace_id = $1 AND m.status IN ('booked', 'held', 'missed') AND m.starts_at >= $2 AND m.starts_at < $3
      ORDER BY m.starts_at, m.id LIMIT $4`,
    [workspaceId, from.toISOString(), to.toISOString(), limit],
  );
  return res.rows.map((r) => ({ id: Number(r.id), needId: Number(r.need_id), status: r.status, startsAt: new Date(r.starts_at), participants: Number(r.participants) }));
}

export interface DigestFeedbackRow {
  meetingId: number;
  needId: number;
  role: 'broker' | 'enterprise' | 'researcher';
  happened: boolean;
  usefulness?: number;
  nextStep: string;
}

/** Feedback answered in [from, to). */
export async function feedbackAnsweredBetween(db: Queryable, workspaceId: string, from: Date, to: Date, limit: number): Promise<DigestFeedbackRow[]> {
  const res = await db.query<{ meeting_id: string | number; need_id: string | number; role: DigestFeedbackRow['role']; happened: boolean; usefulness: number | null; next_step: string }>(
    `SELECT f.meeting_id, m.need_id, f.role, f.happened, f.usefulness, f.next_step
       FROM meeting_feedback f JOIN meetings m ON m.id = f.meeting_id
      WHERE m.workspace_id = $1 AND f.answered_at >= $2 AND f.answered_at < $3
      ORDER BY f.answered_at, f.meeting_id LIMIT $4`,
    [workspaceId, from.toISOString(), to.toISOString(), limit],
  );
  return res.rows.map((r) => ({
    meetingId: Number(r.meeting_id), needId: Number(r.need_id), role: r.role, happened: r.happened,
    usefulness: r.usefulness ?? undefined, nextStep: r.next_step,
  }));
}

export interface DigestIntroRow {
  id: number;
  needId: number;
  waitingFor: ('enterprise' | 'researcher')[];
  since: Date;
}

/** Introductions asked before `before` and still unanswered by a side, oldest first. */
export async function introsWaitingAt(db: Queryable, workspaceId: string, before: Date, limit: number): Promise<DigestIntroRow[]> {
  const res = await db.query<{ id: string | number; need_id: string | number; waiting: string[] | string; created_at: Date | string }>(
    `SELECT i.id, i.need_id, i.created_at,
            array(SELECT p.side FROM intro_parties p WHERE p.intro_id = i.id AND p.answer IS NULL ORDER BY p.side) AS waiting
       FROM intros i
      WHERE i.workspace_id = $1 AND i.status IN ('pending', 'stale') AND i.created_at < $2
      ORDER BY i.created_at, i.id LIMIT $3`,
    [workspaceId, before.toISOString(), limit],
  );
  return res.rows.map((r) => ({
    id: Number(r.id),
    needId: Number(r.need_id),
    waitingFor: (typeof r.waiting === 'string' ? r.waiting.replace(/[{}]/g, '').split(',').filter(Boolean) : r.waiting) as DigestIntroRow['waitingFor'],
    since: new Date(r.created_at),
  }));
}
