import type { Queryable } from '../db.js';

export type IntroSide = 'enterprise' | 'researcher';
export type IntroStatus = 'pending' | 'accepted' | 'declined' | 'stale';

export interface IntroParty {
  side: IntroSide;
  personId?: number;
  displayName?: string;
  answer?: 'accepted' | 'declined';
  reason?: string;
}

export interface Intro {
  id: number;
  workspaceId: string;
  needId: number;
  outcomeId: number;
  outcomeTitle: string;
  brokerPersonId?: number;
  status: IntroStatus;
  nudgedAt?: Date;
  createdAt: Date;
  parties: IntroParty[];
}

interface IntroRow {
  id: string | number; workspace_id: string; need_id: string | number; outcome_id: string | number; title: string;
  broker_person_id: string | number | null; status: IntroStatus; nudged_at: Date | string | null; created_at: Date | string;
}

const SELECT_INTRO = `
  SELECT i.id, i.workspace_id, i.need_id, i.outcome_id, o.title, i.broker_person_id, i.status, i.nudged_at, i.created_at
    FROM intros i JOIN outcomes o ON o.id = i.outcome_id`;

async function withParties(db: Queryable, rows: IntroRow[]): Promise<Intro[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => Number(r.id));
  const res = await db.query<{
    intro_id: string | number; side: IntroSide; person_id: string | number | null; display_name: string | null;
    answer: 'accepted' | 'declined' | null; reason: string | null;
  }>(
    `SELECT ip.intro_id, ip.side, ip.person_id, p.display_name, ip.answer, ip.reason
       FROM intro_parties ip LEFT JOIN people p ON p.id = ip.person_id
      WHERE ip.intro_id = ANY($1::bigint[]) ORDER BY ip.side`,
    [ids],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    workspaceId: r.workspace_id,
    needId: Number(r.need_id),
    outcomeId: Number(r.outcome_id),
    outcomeTitle: r.title,
    brokerPersonId: r.broker_person_id === null ? undefined : Number(r.broker_person_id),
    status: r.status,
    nudgedAt: r.nudged_at === null ? undefined : new Date(r.nudged_at),
    createdAt: new Date(r.created_at),
    parties: res.rows.filter((p) => Number(p.intro_id) === Number(r.id)).map((p) => ({
      side: p.side,
      personId: p.person_id === null ? undefined : Number(p.person_id),
      displayName: p.display_name ?? undefined,
      answer: p.answer ?? undefined,
      reason: p.reason ?? undefined,
    })),
  }));
}

/** A new pending introduction, or undefined when one is already open for this need and outcome. */
export async function insertIntro(
  db: Queryable,
  v: { workspaceId: string; needId: number; outcomeId: number; brokerPersonId: number; enterprisePersonId: number; researcherPersonId: number },
): Promise<number | undefined> {
  const res = await db.query<{ id: string | number }>(
    `INSERT INTO intros (workspace_id, need_id, outcome_id, broker_person_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (need_id, outcome_id) WHERE status IN ('pending', 'accepted') DO NOTHING RETURNING id`,
    [v.workspaceId, v.needId, v.outcomeId, v.brokerPersonId],
  );
  const id = res.rows[0] && Number(res.rows[0].id);
  if (id === undefined) return undefined;
  await db.query(
    `INSERT INTO intro_parties (intro_id, side, person_id) VALUES ($1, 'enterprise', $2), ($1, 'researcher', $3)`,
    [id, v.enterprisePersonId, v.researcherPersonId],
  );
  return id;
}

export async function findIntro(db: Queryable, workspaceId: string, id: number): Promise<Intro | undefined> {
  const res = await db.query<IntroRow>(`${SELECT_INTRO} WHERE i.workspace_id = $1 AND i.id = $2`, [workspaceId, id]);
  return (await withParties(db, res.rows))[0];
}

/** The intro by id alone, for jobs (which carry no workspace). */
export async function findIntroById(db: Queryable, id: number): Promise<Intro | undefined> {
  const res = await db.query<IntroRow>(`${SELECT_INTRO} WHERE i.id = $1`, [id]);
  return (await withParties(db, res.rows))[0];
}

/** Both sides' answers as they are now (read inside the transaction that holds the intro's lock). */
export async function introAnswers(db: Queryable, id: number): Promise<Partial<Record<IntroSide, 'accepted' | 'declined'>>> {
  const res = await db.query<{ side: IntroSide; answer: 'accepted' | 'declined' | null }>('SELECT side, answer FROM intro_parties WHERE intro_id = $1', [id]);
  return Object.fromEntries(res.rows.filter((r) => r.answer !== null).map((r) => [r.side, r.answer]));
}

/** Locks the intro row for the rest of the transaction (two answers arriving together). */
export async function lockIntro(db: Queryable, id: number): Promise<void> {
  await db.query('SELECT id FROM intros WHERE id = $1 FOR UPDATE', [id]);
}

/** Records one side's answer while the intro is pending and that side has not answered. */
export async function answerIntro(db: Queryable, id: number, side: IntroSide, answer: 'accepted' | 'declined', reason: string | undefined, at: Date): Promise<boolean> {
  const res = await db.query(
    `UPDATE intro_parties SET answer = $3, reason = $4, answered_at = $5
      WHERE intro_id = $1 AND side = $2 AND answer IS NULL
        AND EXISTS (SELECT 1 FROM intros WHERE id = $1 AND status IN ('pending', 'stale'))`,
    [id, side, answer, reason ?? null, at.toISOString()],
  );
  return res.rowCount === 1;
}

/** Adds or replaces the reason of a decline already given. */
export async function setDeclineReason(db: Queryable, id: number, side: IntroSide, reason: string): Promise<boolean> {
  const res = await db.query(`UPDATE intro_parties SET reason = $3 WHERE intro_id = $1 AND side = $2 AND answer = 'declined'`, [id, side, reason]);
  return res.rowCount === 1;
}

export async function setIntroStatus(db: Queryable, id: number, from: readonly IntroStatus[], to: IntroStatus, at: Date): Promise<boolean> {
  const res = await db.query(
    `UPDATE intros SET status = $3, decided_at = $4 WHERE id = $1 AND status = ANY($2::text[])`,
    [id, from, to, at.toISOString()],
  );
  return res.rowCount === 1;
}

/** Marks the one nudge; false when it was already nudged or is no longer pending. */
export async function markNudged(db: Queryable, id: number, at: Date): Promise<boolean> {
  const res = await db.query(`UPDATE intros SET nudged_at = $2 WHERE id = $1 AND status = 'pending' AND nudged_at IS NULL`, [id, at.toISOString()]);
  return res.rowCount === 1;
}

/** Intros a broker requested, newest first. */
export async function listIntrosOfBroker(db: Queryable, workspaceId: string, brokerId: number, limit = 20): Promise<Intro[]> {
  const res = await db.query<IntroRow>(
    `${SELECT_INTRO} WHERE i.workspace_id = $1 AND i.broker_person_id = $2 ORDER BY i.created_at DESC, i.id DESC LIMIT $3`,
    [workspaceId, brokerId, limit],
  );
  return withParties(db, res.rows);
}

/** Intros waiting for this person's answer. */
export async function listIntrosAwaiting(db: Queryable, workspaceId: string, personId: number): Promise<Intro[]> {
  const res = await db.query<IntroRow>(
    `${SELECT_INTRO} JOIN intro_parties ip ON ip.intro_id = i.id
      WHERE i.workspace_id = $1 AND ip.person_id = $2 AND ip.answer IS NULL AND i.status IN ('pending', 'stale')
      ORDER BY i.created_at, i.id`,
    [workspaceId, personId],
  );
  return withParties(db, res.rows);
}

/** The person who answers for an outcome's team in this workspace. */
export async function findOutcomeContact(db: Queryable, workspaceId: string, outcomeId: number): Promise<number | undefined> {
  const res = await db.query<{ person_id: string | number }>(
    'SELECT person_id FROM outcome_contacts WHERE workspace_id = $1 AND outcome_id = $2',
    [workspaceId, outcomeId],
  );
  return res.rows[0] && Number(res.rows[0].person_id);
}

export async function setOutcomeContact(db: Queryable, workspaceId: string, outcomeId: number, personId: number, setBy: number): Promise<void> {
  await db.query(
    `INSERT INTO outcome_contacts (workspace_id, outcome_id, person_id, set_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (workspace_id, outcome_id) DO UPDATE SET person_id = EXCLUDED.person_id, set_by = EXCLUDED.set_by, set_at = now()`,
    [workspaceId, outcomeId, personId, setBy],
  );
}
