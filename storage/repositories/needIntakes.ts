import type { Queryable } from '../db.js';

export interface IntakeState {
  personId: number;
  needId: number;
  /** The field asked last; undefined once everything is answered (review before submitting). */
  awaiting?: string;
  updatedAt: Date;
}

export async function findIntake(db: Queryable, personId: number): Promise<IntakeState | undefined> {
  const res = await db.query<{ person_id: string | number; need_id: string | number; awaiting: string | null; updated_at: Date | string }>(
    'SELECT person_id, need_id, awaiting, updated_at FROM need_intakes WHERE person_id = $1',
    [personId],
  );
  const r = res.rows[0];
  return r && { personId: Number(r.person_id), needId: Number(r.need_id), awaiting: r.awaiting ?? undefined, updatedAt: new Date(r.updated_at) };
}

/** Starts an intake unless one is already running for this person; true when this call started it. */
export async function startIntake(db: Queryable, personId: number, needId: number, awaiting: string | undefined): Promise<boolean> {
  const res = await db.query(
    'INSERT INTO need_intakes (person_id, need_id, awaiting) VALUES ($1, $2, $3) ON CONFLICT (person_id) DO NOTHING',
    [personId, needId, awaiting ?? null],
  );
  return res.rowCount === 1;
}

export async function setAwaiting(db: Queryable, personId: number, needId: number, awaiting: string | undefined): Promise<void> {
  await db.query('UPDATE need_intakes SET awaiting = $3, updated_at = now() WHERE person_id = $1 AND need_id = $2', [
    personId, needId, awaiting ?? null,
  ]);
}

export async function endIntake(db: Queryable, needId: number): Promise<void> {
  await db.query('DELETE FROM need_intakes WHERE need_id = $1', [needId]);
}
