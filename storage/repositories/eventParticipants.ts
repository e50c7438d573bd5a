import { z } from 'zod';
import type { Queryable } from '../db.js';

export interface EventParticipantRecord {
  id: number;
  eventId: number;
  personId: number;
  displayName: string;
  outcomeId?: number;
  outcomeTitle?: string;
  /** Presence windows in slot indexes, `to` exclusive. */
  presence: { from: number; to: number }[];
  break?: { from: number; to: number; slots: number };
  maxMeetings?: number;
}

interface ParticipantRow {
  id: string | number;
  event_id: string | number;
  person_id: string | number;
  display_name: string;
  outcome_id: string | number | null;
  outcome_title: string | null;
  presence: unknown;
  break_from: number | null;
  break_to: number | null;
  break_slots: number | null;
  max_meetings: number | null;
}

const SELECT = `SELECT ep.id, ep.event_id, ep.person_id, p.display_name, ep.outcome_id, o.title AS outcome_title,
                       ep.presence, ep.break_from, ep.break_to, ep.break_slots, ep.max_meetings
                  FROM event_participants ep JOIN people p ON p.id = ep.person_id LEFT JOIN outcomes o ON o.id = ep.outcome_id`;

/** The stored presence windows, checked on the way out: rows outlive releases. */
const presenceSchema = z.array(z.object({ from: z.number().int().min(0), to: z.number().int().min(1) })).min(1);

const toParticipant = (r: ParticipantRow): EventParticipantRecord => ({
  id: Number(r.id),
  eventId: Number(r.event_id),
  personId: Number(r.person_id),
  displayName: r.display_name,
  outcomeId: r.outcome_id === null ? undefined : Number(r.outcome_id),
  outcomeTitle: r.outcome_title ?? undefined,
  presence: presenceSchema.parse(typeof r.presence === 'string' ? JSON.parse(r.presence) : r.presence),
  break: r.break_from === null ? undefined : { from: Number(r.break_from), to: Number(r.break_to), slots: Number(r.break_slots) },
  maxMeetings: r.max_meetings === null ? undefined : Number(r.max_meetings),
});

export type ParticipantChoices = Pick<EventParticipantRecord, 'presence' | 'break' | 'maxMeetings' | 'outcomeId'>;

/** Registers the person for the event, or updates their presence and choices if they already are. */
export async function upsertParticipant(db: Queryable, eventId: number, personId: number, c: ParticipantChoices): Promise<{ id: number; updated: boolean }> {
  const res = await db.query<{ id: string | number; updated: boolean }>(
    `INSERT INTO event_participants (event_id, person_id, outcome_id, presence, break_from, break_to, break_slots, max_meetings)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)
     ON CONFLICT (event_id, person_id) DO UPDATE SET
       outcome_id = COALESCE(EXCLUDED.outcome_id, event_participants.outcome_id),
       presence = EXCLUDED.presence, break_from = EXCLUDED.break_from,
       break_to = EXCLUDED.break_to, break_slots = EXCLUDED.break_slots, max_meetings = EXCLUDED.max_meetings
     RETURNING id, (xmax::text <> '0') AS updated`,
    [eventId, personId, c.outcomeId ?? null, JSON.stringify(c.presence), c.break?.from ?? null, c.break?.to ?? null, c.break?.slots ?? null, c.maxMeetings ?? null],
  );
  return { id: Number(res.rows[0]!.id), updated: res.rows[0]!.updated };
}

export async function findParticipantOfPerson(db: Queryable, eventId: number, personId: number): Promise<EventParticipantRecord | undefined> {
  const res = await db.query<ParticipantRow>(`${SELECT} WHERE ep.event_id = $1 AND ep.person_id = $2`, [eventId, personId]);
  return res.rows[0] && toParticipant(res.rows[0]);
}

/** Who stands for this outcome's team at the event, if anyone. */
export async function findParticipantForOutcome(db: Queryable, eventId: number, outcomeId: number): Promise<EventParticipantRecord | undefined> {
  const res = await db.query<ParticipantRow>(`${SELECT} WHERE ep.event_id = $1 AND ep.outcome_id = $2`, [eventId, outcomeId]);
  return res.rows[0] && toParticipant(res.rows[0]);
}

export async function listParticipants(db: Queryable, eventId: number): Promise<EventParticipantRecord[]> {
  const res = await db.query<ParticipantRow>(`${SELECT} WHERE ep.event_id = $1 ORDER BY ep.id`, [eventId]);
  return res.rows.map(toParticipant);
}
