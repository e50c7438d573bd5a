import type { Queryable } from '../db.js';

/** A person's working hours in their own time zone; minutes after local midnight, ISO weekdays. */
export interface WorkingHours {
  startMinute: number;
  endMinute: number;
  weekdays: number[];
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { startMinute: 9 * 60, endMinute: 17 * 60, weekdays: [1, 2, 3, 4, 5] };

export interface Interval {
  start: Date;
  end: Date;
}

/** What scheduling needs to know about one person. */
export interface SchedulePerson {
  personId: number;
  displayName: string;
  timeZone?: string;
  hours: WorkingHours;
  timeZoneAskedAt?: Date;
}

export async function loadSchedulePerson(db: Queryable, personId: number): Promise<SchedulePerson | undefined> {
  const res = await db.query<{
    id: string | number; display_name: string; time_zone: string | null; start_minute: number | null;
    end_minute: number | null; weekdays: number[] | null; time_zone_asked_at: Date | string | null;
  }>(
    `SELECT p.id, p.display_name, p.time_zone, h.start_minute, h.end_minute, h.weekdays, h.time_zone_asked_at
       FROM people p LEFT JOIN working_hours h ON h.person_id = p.id WHERE p.id = $1`,
    [personId],
  );
  const r = res.rows[0];
  if (!r) return undefined;
  return {
    personId: Number(r.id),
    displayName: r.display_name,
    timeZone: r.time_zone ?? undefined,
    hours: r.start_minute === null ? DEFAULT_WORKING_HOURS : { startMinute: r.start_minute, endMinute: r.end_minute!, weekdays: r.weekdays! },
    timeZoneAskedAt: r.time_zone_asked_at === null ? undefined : new Date(r.time_zone_asked_at),
  };
}

export async function setTimeZone(db: Queryable, personId: number, zone: string): Promise<void> {
  await db.query('UPDATE people SET time_zone = $2 WHERE id = $1', [personId, zone]);
}

/** Records that the person was asked for their time zone; false when they had been asked before. */
export async function markTimeZoneAsked(db: Queryable, personId: number, at: Date): Promise<boolean> {
  const res = await db.query(
    `INSERT INTO working_hours (person_id, start_minute, end_minute, weekdays, time_zone_asked_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (person_id) DO UPDATE SET time_zone_asked_at = EXCLUDED.time_zone_asked_at
       WHERE working_hours.time_zone_asked_at IS NULL`,
    [personId, DEFAULT_WORKING_HOURS.startMinute, DEFAULT_WORKING_HOURS.endMinute, DEFAULT_WORKING_HOURS.weekdays, at.toISOString()],
  );
  return res.rowCount === 1;
}

export async function setWorkingHours(db: Queryable, personId: number, hours: WorkingHours): Promise<void> {
  await db.query(
    `INSERT INTO working_hours (person_id, start_minute, end_minute, weekdays) VALUES ($1, $2, $3, $4)
     ON CONFLICT (person_id) DO UPDATE SET start_minute = EXCLUDED.start_minute, end_minute = EXCLUDED.end_minute, weekdays = EXCLUDED.weekdays`,
    [personId, hours.startMinute, hours.endMinute, hours.weekdays],
  );
}

export async function addAvailability(db: Queryable, personId: number, windows: readonly Interval[]): Promise<void> {
  for (const w of windows) {
    await db.query(`INSERT INTO availability_windows (person_id, during) VALUES ($1, tstzrange($2, $3, '[)'))`, [personId, w.start.toISOString(), w.end.toISOString()]);
  }
}

export async function clearAvailability(db: Queryable, personId: number): Promise<number> {
  const res = await db.query('DELETE FROM availability_windows WHERE person_id = $1', [personId]);
  return res.rowCount;
}

/** Availability windows that end after `from`, in time order. */
export async function listAvailability(db: Queryable, personId: number, from: Date): Promise<Interval[]> {
  const res = await db.query<{ s: Date | string; e: Date | string }>(
    `SELECT lower(during) AS s, upper(during) AS e FROM availability_windows
      WHERE person_id = $1 AND upper(during) > $2 ORDER BY lower(during)`,
    [personId, from.toISOString()],
  );
  return res.rows.map((r) => ({ start: new Date(r.s), end: new Date(r.e) }));
}

/** Booked time of a person that ends after `from`. */
export async function listBusy(db: Queryable, personId: number, from: Date): Promise<Interval[]> {
  const res = await db.query<{ s: Date | string; e: Date | string }>(
    `SELECT lower(during) AS s, upper(during) AS e FROM busy_intervals
      WHERE person_id = $1 AND upper(during) > $2 ORDER BY lower(during)`,
    [personId, from.toISOString()],
  );
  return res.rows.map((r) => ({ start: new Date(r.s), end: new Date(r.e) }));
}
