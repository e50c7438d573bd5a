import type { Queryable } from '../db.js';

export type MeetingStatus = 'proposing' | 'booked' | 'cancelled' | 'held' | 'missed';
export type MeetingRole = 'broker' | 'enterprise' | 'researcher';

export interface MeetingParticipant {
  personId: number;
  displayName: string;
  role: MeetingRole;
  email?: string;
  timeZone?: string;
}

export interface Meeting {
  id: number;
  workspaceId: string;
  introId: number;
  needId: number;
  organizerPersonId?: number;
  status: MeetingStatus;
  startsAt?: Date;
  endsAt?: Date;
  durationMinutes: number;
  icsUid: string;
  sequence: number;
  invited: boolean;
  location: string;
  participants: MeetingParticipant[];
}

export interface Slot {
  id: number;
  meetingId: number;
  round: number;
  start: Date;
  end: Date;
}

interface MeetingRow {
  id: string | number; workspace_id: string; intro_id: string | number; need_id: string | number;
  organizer_person_id: string | number | null; status: MeetingStatus; starts_at: Date | string | null; ends_at: Date | string | null;
  duration_minutes: number; ics_uid: string; sequence: number; invited: boolean; location: string;
}

const optDate = (v: Date | string | null) => (v === null ? undefined : new Date(v));

async function toMeeting(db: Queryable, r: MeetingRow): Promise<Meeting> {
  const res = await db.query<{ person_id: string | number; display_name: string; role: MeetingRole; email: string | null; time_zone: string | null }>(
    `SELECT mp.person_id, p.display_name, mp.role, p.email, p.time_zone
       FROM meeting_participants mp JOIN people p ON p.id = mp.person_id
      WHERE mp.meeting_id = $1
      ORDER BY CASE mp.role WHEN 'enterprise' THEN 1 WHEN 'researcher' THEN 2 ELSE 3 END`,
    [r.id],
  );
  return {
    id: Number(r.id),
    workspaceId: r.workspace_id,
    introId: Number(r.intro_id),
    needId: Number(r.need_id),
    organizerPersonId: r.organizer_person_id === null ? undefined : Number(r.organizer_person_id),
    status: r.status,
    startsAt: optDate(r.starts_at),
    endsAt: optDate(r.ends_at),
    durationMinutes: r.duration_minutes,
    icsUid: r.ics_uid,
    sequence: r.sequence,
    invited: r.invited,
    location: r.location,
    participants: res.rows.map((p) => ({
      personId: Number(p.person_id), displayName: p.display_name, role: p.role, email: p.email ?? undefined, timeZone: p.time_zone ?? undefined,
    })),
  };
}

export async function insertMeeting(
  db: Queryable,
  v: { workspaceId: string; introId: number; needId: number; organizerPersonId?: number; durationMinutes: number; icsUid: string; location: string; participants: { personId: number; role: MeetingRole }[] },
): Promise<number | undefined> {
  const res = await db.query<{ id: string | number }>(
    `INSERT INTO meetings (workspace_id, intro_id, need_id, organizer_person_id, duration_minutes, ics_uid, location)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (intro_id) WHERE status IN ('proposing', 'booked') DO NOTHING RETURNING id`,
    [v.workspaceId, v.introId, v.needId, v.organizerPersonId ?? null, v.durationMinutes, v.icsUid, v.location],
  );
  const id = res.rows[0] && Number(res.rows[0].id);
  if (id === undefined) return undefined;
  for (const p of v.participants) {
    await db.query('INSERT INTO meeting_participants (meeting_id, person_id, role) VALUES ($1, $2, $3)', [id, p.personId, p.role]);
  }
  return id;
}

export async function findMeeting(db: Queryable, workspaceId: string, id: number): Promise<Meeting | undefined> {
  const res = await db.query<MeetingRow>('SELECT * FROM meetings WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
  return res.rows[0] && toMeeting(db, res.rows[0]);
}

/** The meeting by id alone, for jobs (which carry no workspace). */
export async function findMeetingById(db: Queryable, id: number): Promise<Meeting | undefined> {
  const res = await db.query<MeetingRow>('SELECT * FROM meetings WHERE id = $1', [id]);
  return res.rows[0] && toMeeting(db, res.rows[0]);
}

/** Locks the meeting row for the rest of the transaction and returns it as it is now. */
export async function lockMeeting(db: Queryable, id: number): Promise<Meeting | undefined> {
  const res = await db.query<MeetingRow>('SELECT * FROM meetings WHERE id = $1 FOR UPDATE', [id]);
  return res.rows[0] && toMeeting(db, res.rows[0]);
}

/** Meetings this person takes part in, with one of these statuses, soonest first. */
export async function listMeetingsOfPerson(db: Queryable, personId: number, statuses: readonly MeetingStatus[]): Promise<Meeting[]> {
  const res = await db.query<MeetingRow>(
    `SELECT m.* FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.id
      WHERE mp.person_id = $1 AND m.status = ANY($2::text[]) ORDER BY m.starts_at NULLS LAST, m.id LIMIT 50`,
    [personId, statuses],
  );
  return Promise.all(res.rows.map((r) => toMeeting(db, r)));
}

/** Stores a new round of proposed slots (the previous rounds' buttons become stale). */
export async function insertSlotRound(db: Queryable, meetingId: number, slots: readonly { start: Date; end: Date }[]): Promise<Slot[]> {
  const round = await db.query<{ next: number }>('SELECT COALESCE(max(round), 0) + 1 AS next FROM meeting_slots WHERE meeting_id = $1', [meetingId]);
  const next = Number(round.rows[0]!.next);
  const out: Slot[] = [];
  for (const s of slots) {
    const res = await db.query<{ id: string | number }>(
      'INSERT INTO meeting_slots (meeting_id, round, starts_at, ends_at) VALUES ($1, $2, $3, $4) RETURNING id',
      [meetingId, next, s.start.toISOString(), s.end.toISOString()],
    );
    out.push({ id: Number(res.rows[0]!.id), meetingId, round: next, start: s.start, end: s.end });
  }
  return out;
}

const toSlot = (r: { id: string | number; meeting_id: string | number; round: number; starts_at: Date | string; ends_at: Date | string }): Slot => ({
  id: Number(r.id), meetingId: Number(r.meeting_id), round: r.round, start: new Date(r.starts_at), end: new Date(r.ends_at),
});

export async function findSlot(db: Queryable, slotId: number): Promise<Slot | undefined> {
  const res = await db.query<{ id: string | number; meeting_id: string | number; round: number; starts_at: Date | string; ends_at: Date | string }>(
    'SELECT id, meeting_id, round, starts_at, ends_at FROM meeting_slots WHERE id = $1',
    [slotId],
  );
  return res.rows[0] && toSlot(res.rows[0]);
}

/** The slots of the meeting's latest round, each with who picked it. */
export async function currentSlots(db: Queryable, meetingId: number): Promise<(Slot & { pickedBy: number[] })[]> {
  const res = await db.query<{ id: string | number; meeting_id: string | number; round: number; starts_at: Date | string; ends_at: Date | string; picked_by: (string | number)[] | null }>(
    `SELECT s.id, s.meeting_id, s.round, s.starts_at, s.ends_at,
            array_remove(array_agg(sp.person_id ORDER BY sp.person_id), NULL) AS picked_by
       FROM meeting_slots s LEFT JOIN slot_picks sp ON sp.slot_id = s.id
      WHERE s.meeting_id = $1 AND s.round = (SELECT max(round) FROM meeting_slots WHERE meeting_id = $1)
      GROUP BY s.id ORDER BY s.starts_at`,
    [meetingId],
  );
  return res.rows.map((r) => ({ ...toSlot(r), pickedBy: (r.picked_by ?? []).map(Number) }));
}

export async function currentRound(db: Queryable, meetingId: number): Promise<number> {
  const res = await db.query<{ round: number | null }>('SELECT max(round) AS round FROM meeting_slots WHERE meeting_id = $1', [meetingId]);
  return Number(res.rows[0]?.round ?? 0);
}

/** Records a pick and returns everyone who has picked this slot so far. */
export async function pickSlot(db: Queryable, slotId: number, personId: number): Promise<number[]> {
  await db.query('INSERT INTO slot_picks (slot_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [slotId, personId]);
  const res = await db.query<{ person_id: string | number }>('SELECT person_id FROM slot_picks WHERE slot_id = $1', [slotId]);
  return res.rows.map((r) => Number(r.person_id));
}

/**
 * Books the meeting at this time and marks every participant busy. The exclusion constraint on
 * busy_intervals raises (SQLSTATE 23P01) when one of them is already booked then: the caller's
 * transaction rolls back and nothing is booked.
 */
export async function bookMeetingAt(db: Queryable, meetingId: number, start: Date, end: Date): Promise<boolean> {
  const res = await db.query(
    `UPDATE meetings SET status = 'booked', starts_at = $2, ends_at = $3, updated_at = now() WHERE id = $1 AND status = 'proposing'`,
    [meetingId, start.toISOString(), end.toISOString()],
  );
  if (res.rowCount !== 1) return false;
  await db.query(
    `INSERT INTO busy_intervals (person_id, meeting_id, during)
     SELECT person_id, meeting_id, tstzrange($2, $3, '[)') FROM meeting_participants WHERE meeting_id = $1`,
    [meetingId, start.toISOString(), end.toISOString()],
  );
  return true;
}

/**
 * Back to proposing (reschedule): the time is freed and the next invite carries a higher
 * SEQUENCE. starts_at keeps the last invited time, for a CANCEL should it come to that.
 */
export async function reopenMeeting(db: Queryable, meetingId: number): Promise<boolean> {
  const res = await db.query(
    `UPDATE meetings SET status = 'proposing', sequence = sequence + 1, updated_at = now()
      WHERE id = $1 AND status = 'booked'`,
    [meetingId],
  );
  if (res.rowCount !== 1) return false;
  await db.query('DELETE FROM busy_intervals WHERE meeting_id = $1', [meetingId]);
  return true;
}

/** Cancels a live meeting; the SEQUENCE goes up for the CANCEL message. False when it was not live. */
export async function cancelMeetingRow(db: Queryable, meetingId: number): Promise<boolean> {
  const res = await db.query(
    `UPDATE meetings SET status = 'cancelled', sequence = sequence + CASE WHEN invited THEN 1 ELSE 0 END, updated_at = now()
      WHERE id = $1 AND status IN ('proposing', 'booked')`,
    [meetingId],
  );
  if (res.rowCount !== 1) return false;
  await db.query('DELETE FROM busy_intervals WHERE meeting_id = $1', [meetingId]);
  return true;
}

export async function markInvited(db: Queryable, meetingId: number): Promise<void> {
  await db.query('UPDATE meetings SET invited = true WHERE id = $1', [meetingId]);
}

/** After the meeting: held (someone says it happened) or missed. Only from booked or missed. */
export async function setMeetingHappened(db: Queryable, meetingId: number, happened: boolean): Promise<boolean> {
  const res = await db.query(
    happened
      ? `UPDATE meetings SET status = 'held', updated_at = now() WHERE id = $1 AND status IN ('booked', 'missed')`
      : `UPDATE meetings SET status = 'missed', updated_at = now() WHERE id = $1 AND status = 'booked'`,
    [meetingId],
  );
  return res.rowCount === 1;
}

export async function recordMeetingJob(db: Queryable, meetingId: number, jobName: string, jobId: string): Promise<void> {
  await db.query('INSERT INTO meeting_jobs (meeting_id, job_name, job_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [meetingId, jobName, jobId]);
}

/** Removes and returns the meeting's queued jobs (to cancel them). */
export async function takeMeetingJobs(db: Queryable, meetingId: number): Promise<{ jobName: string; jobId: string }[]> {
  const res = await db.query<{ job_name: string; job_id: string }>('DELETE FROM meeting_jobs WHERE meeting_id = $1 RETURNING job_name, job_id', [meetingId]);
  return res.rows.map((r) => ({ jobName: r.job_name, jobId: r.job_id }));
}

/**
 * Claims a queued job of a meeting by taking its record: true for the first run only, so a
 * retried job (or one whose meeting was moved or cancelled meanwhile) does nothing.
 */
export async function claimMeetingJob(db: Queryable, meetingId: number, jobName: string): Promise<boolean> {
  const res = await db.query('DELETE FROM meeting_jobs WHERE meeting_id = $1 AND job_name = $2', [meetingId, jobName]);
  return res.rowCount > 0;
}

/** Claims one reminder before it is sent: true only for the first claimant. */
export async function claimReminder(db: Queryable, meetingId: number, startsAt: Date, leadMinutes: number): Promise<boolean> {
  const res = await db.query(
    `INSERT INTO meeting_reminders_sent (meeting_id, starts_at, lead_minutes) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [meetingId, startsAt.toISOString(), leadMinutes],
  );
  return res.rowCount === 1;
}

export async function countRemindersSent(db: Queryable, meetingId: number): Promise<number> {
  const res = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM meeting_reminders_sent WHERE meeting_id = $1', [meetingId]);
  return Number(res.rows[0]!.n);
}
