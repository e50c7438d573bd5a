import type { Queryable } from '../db.js';

export interface EventRecord {
  id: number;
  workspaceId: string;
  name: string;
  organiserPersonId?: number;
  timeZone: string;
  startsAt: Date;
  slotMinutes: 15 | 20 | 30;
  slots: number;
  tables: number;
  deadline: Date;
  status: 'open' | 'scheduled';
  scheduleVersion: number;
}

interface EventRow {
  id: string | number;
  workspace_id: string;
  name: string;
  organiser_person_id: string | number | null;
  time_zone: string;
  starts_at: Date | string;
  slot_minutes: number;
  slots: number;
  tables: number;
  deadline: Date | string;
  status: EventRecord['status'];
  schedule_version: number;
}

const COLUMNS = 'id, workspace_id, name, organiser_person_id, time_zone, starts_at, slot_minutes, slots, tables, deadline, status, schedule_version';

const toEvent = (r: EventRow): EventRecord => ({
  id: Number(r.id),
  workspaceId: r.workspace_id,
  name: r.name,
  organiserPersonId: r.organiser_person_id === null ? undefined : Number(r.organiser_person_id),
  timeZone: r.time_zone,
  startsAt: new Date(r.starts_at),
  slotMinutes: Number(r.slot_minutes) as EventRecord['slotMinutes'],
  slots: Number(r.slots),
  tables: Number(r.tables),
  deadline: new Date(r.deadline),
  status: r.status,
  scheduleVersion: Number(r.schedule_version),
});

export type NewEvent = Omit<EventRecord, 'id' | 'status' | 'scheduleVersion'>;

export async function insertEvent(db: Queryable, e: NewEvent): Promise<EventRecord> {
  const res = await db.query<EventRow>(
    `INSERT INTO events (workspace_id, name, organiser_person_id, time_zone, starts_at, slot_minutes, slots, tables, deadline)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
    [e.workspaceId, e.name, e.organiserPersonId ?? null, e.timeZone, e.startsAt, e.slotMinutes, e.slots, e.tables, e.deadline],
  );
  return toEvent(res.rows[0]!);
}

export async function findEvent(db: Queryable, workspaceId: string, id: number): Promise<EventRecord | undefined> {
  const res = await db.query<EventRow>(`SELECT ${COLUMNS} FROM events WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
  return res.rows[0] && toEvent(res.rows[0]);
}

/** Any workspace's event by id: for jobs and follow-ups that already hold a trusted id. */
export async function findEventById(db: Queryable, id: number): Promise<EventRecord | undefined> {
  const res = await db.query<EventRow>(`SELECT ${COLUMNS} FROM events WHERE id = $1`, [id]);
  return res.rows[0] && toEvent(res.rows[0]);
}

/** The event, locked for the rest of the transaction: one scheduling of an event at a time. */
export async function lockEvent(db: Queryable, id: number): Promise<EventRecord | undefined> {
  const res = await db.query<EventRow>(`SELECT ${COLUMNS} FROM events WHERE id = $1 FOR UPDATE`, [id]);
  return res.rows[0] && toEvent(res.rows[0]);
}

/** Events of the workspace that have not ended yet, soonest first. */
export async function listUpcomingEvents(db: Queryable, workspaceId: string, now: Date): Promise<EventRecord[]> {
  const res = await db.query<EventRow>(
    `SELECT ${COLUMNS} FROM events
      WHERE workspace_id = $1 AND starts_at + make_interval(mins => slots * slot_minutes) > $2
      ORDER BY starts_at, id LIMIT 20`,
    [workspaceId, now],
  );
  return res.rows.map(toEvent);
}

/** Records a (re)scheduling; the new schedule version. */
export async function markEventScheduled(db: Queryable, id: number): Promise<number> {
  const res = await db.query<{ schedule_version: number }>(
    `UPDATE events SET status = 'scheduled', schedule_version = schedule_version + 1 WHERE id = $1 RETURNING schedule_version`,
    [id],
  );
  return Number(res.rows[0]!.schedule_version);
}
