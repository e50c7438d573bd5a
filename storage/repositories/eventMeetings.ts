import type { Queryable } from '../db.js';

export interface EventMeetingRecord {
  requestId: number;
  slot: number;
  table: number;
}

export async function listEventMeetings(db: Queryable, eventId: number): Promise<EventMeetingRecord[]> {
  const res = await db.query<{ request_id: string | number; slot: number; table_no: number }>(
    'SELECT request_id, slot, table_no FROM event_meetings WHERE event_id = $1 ORDER BY slot, table_no',
    [eventId],
  );
  return res.rows.map((r) => ({ requestId: Number(r.request_id), slot: Number(r.slot), table: Number(r.table_no) }));
}

/** Replaces the event's schedule with `meetings` (call inside the transaction that locked the event). */
export async function replaceEventMeetings(db: Queryable, eventId: number, meetings: EventMeetingRecord[]): Promise<void> {
  await db.query('DELETE FROM event_meetings WHERE event_id = $1', [eventId]);
  if (meetings.length === 0) return;
  await db.query(
    `INSERT INTO event_meetings (request_id, event_id, slot, table_no)
     SELECT r, $1, s, t FROM unnest($2::bigint[], $3::int[], $4::int[]) AS m(r, s, t)`,
    [eventId, meetings.map((m) => m.requestId), meetings.map((m) => m.slot), meetings.map((m) => m.table)],
  );
}
