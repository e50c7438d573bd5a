import type { Queryable } from '../db.js';

export type EventRequestStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';

export interface EventRequestRecord {
  id: number;
  eventId: number;
  requesterId: number;
  targetId: number;
  status: EventRequestStatus;
  mutual: boolean;
  priority: number;
}

interface RequestRow {
  id: string | number;
  event_id: string | number;
  requester_id: string | number;
  target_id: string | number;
  status: EventRequestStatus;
  mutual: boolean;
  priority: number;
}

const COLUMNS = 'id, event_id, requester_id, target_id, status, mutual, priority';

const toRequest = (r: RequestRow): EventRequestRecord => ({
  id: Number(r.id),
  eventId: Number(r.event_id),
  requesterId: Number(r.requester_id),
  targetId: Number(r.target_id),
  status: r.status,
  mutual: r.mutual,
  priority: Number(r.priority),
});

/** The request between two participants, whichever of them asked. */
export async function findRequestBetween(db: Queryable, eventId: number, x: number, y: number): Promise<EventRequestRecord | undefined> {
  const res = await db.query<RequestRow>(
    `SELECT ${COLUMNS} FROM event_requests
      WHERE event_id = $1 AND LEAST(requester_id, target_id) = LEAST($2::bigint, $3::bigint)
        AND GREATEST(requester_id, target_id) = GREATEST($2::bigint, $3::bigint)`,
    [eventId, x, y],
  );
  return res.rows[0] && toRequest(res.rows[0]);
}

/** A new pending request; undefined when the pair already has one (a race lost to the other side). */
export async function insertRequest(db: Queryable, eventId: number, requesterId: number, targetId: number): Promise<EventRequestRecord | undefined> {
  const res = await db.query<RequestRow>(
    `INSERT INTO event_requests (event_id, requester_id, target_id) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
    [eventId, requesterId, targetId],
  );
  return res.rows[0] && toRequest(res.rows[0]);
}

/** A request back to someone who asked first: accepted, and mutual. Only from 'pending' or 'accepted'. */
export async function makeMutual(db: Queryable, id: number): Promise<EventRequestRecord | undefined> {
  const res = await db.query<RequestRow>(
    `UPDATE event_requests SET status = 'accepted', mutual = true, decided_at = now()
      WHERE id = $1 AND status IN ('pending', 'accepted') RETURNING ${COLUMNS}`,
    [id],
  );
  return res.rows[0] && toRequest(res.rows[0]);
}

export async function findRequest(db: Queryable, eventId: number, id: number): Promise<EventRequestRecord | undefined> {
  const res = await db.query<RequestRow>(`SELECT ${COLUMNS} FROM event_requests WHERE event_id = $1 AND id = $2`, [eventId, id]);
  return res.rows[0] && toRequest(res.rows[0]);
}

export async function findRequestById(db: Queryable, id: number): Promise<EventRequestRecord | undefined> {
  const res = await db.query<RequestRow>(`SELECT ${COLUMNS} FROM event_requests WHERE id = $1`, [id]);
  return res.rows[0] && toRequest(res.rows[0]);
}

/**
 * Moves a request from one of `from` to `to`; false when it was no longer in one of those
 * (answered twice, withdrawn meanwhile): a conditional update decides races.
 */
export async function setRequestStatus(db: Queryable, id: number, from: EventRequestStatus[], to: EventRequestStatus): Promise<boolean> {
  const res = await db.query(
    `UPDATE event_requests SET status = $3, decided_at = now() WHERE id = $1 AND status = ANY($2::text[])`,
    [id, from, to],
  );
  return res.rowCount > 0;
}

export async function setRequestPriority(db: Queryable, id: number, priority: number): Promise<void> {
  await db.query('UPDATE event_requests SET priority = $2 WHERE id = $1', [id, priority]);
}

/** Every request of the event, whatever its status, oldest first. */
export async function listRequests(db: Queryable, eventId: number): Promise<EventRequestRecord[]> {
  const res = await db.query<RequestRow>(`SELECT ${COLUMNS} FROM event_requests WHERE event_id = $1 ORDER BY id`, [eventId]);
  return res.rows.map(toRequest);
}
