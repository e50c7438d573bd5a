import type { Queryable } from '../db.js';

export const NEED_STAGES = [
  'draft', 'submitted', 'translated', 'matched', 'intro_requested',
  'meeting_scheduled', 'met', 'agreement', 'closed', 'withdrawn',
] as const;
export type NeedStage = (typeof NEED_STAGES)[number];

export interface NeedRecord {
  id: number;
  workspaceId: string;
  ownerPersonId?: number;
  ownerName?: string;
  orgId?: number;
  orgName?: string;
  brokerPersonId?: number;
  brokerName?: string;
  text: string;
  language: string;
  status: NeedStage;
  confidential: boolean;
  brief: unknown;
  constraints: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
  stageChangedAt: Date;
}

interface NeedRow {
  id: string | number;
  workspace_id: string;
  owner_person_id: string | number | null;
  owner_name: string | null;
  org_id: string | number | null;
  org_name: string | null;
  broker_person_id: string | number | null;
  broker_name: string | null;
  text: string;
  language: string;
  status: NeedStage;
  confidential: boolean;
  brief: unknown;
  constraints: Record<string, string> | string;
  created_at: Date | string;
  updated_at: Date | string;
  stage_changed_at: Date | string;
}

const optNum = (v: string | number | null) => (v === null ? undefined : Number(v));
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

const toNeed = (r: NeedRow): NeedRecord => ({
  id: Number(r.id),
  workspaceId: r.workspace_id,
  ownerPersonId: optNum(r.owner_person_id),
  ownerName: r.owner_name ?? undefined,
  orgId: optNum(r.org_id),
  orgName: r.org_name ?? undefined,
  brokerPersonId: optNum(r.broker_person_id),
  brokerName: r.broker_name ?? undefined,
  text: r.text,
  language: r.language,
  status: r.status,
  confidential: r.confidential,
  brief: r.brief === null ? undefined : json(r.brief),
  constraints: json(r.constraints),
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
  stageChangedAt: new Date(r.stage_changed_at),
});

const SELECT_NEED = `
  SELECT n.id, n.workspace_id, n.owner_person_id, o.display_name AS owner_name, n.org_id, g.name AS org_name,
         n.broker_person_id, b.display_name AS broker_name, n.text, n.language, n.status, n.confidential,
         n.brief, n.constraints, n.created_at, n.updated_at, n.stage_changed_at
    FROM needs n
    LEFT JOIN people o ON o.id = n.owner_person_id
    LEFT JOIN people b ON b.id = n.broker_person_id
    LEFT JOIN orgs g ON g.id = n.org_id`;

export async function insertDraftNeed(
  db: Queryable,
  v: { workspaceId: string; ownerPersonId: number; orgId?: number; text: string; language: string; constraints: Record<string, string>; confidential: boolean },
): Promise<number> {
  const res = await db.query<{ id: string | number }>(
    `INSERT INTO needs (workspace_id, owner_person_id, org_id, text, language, constraints, confidential)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7) RETURNING id`,
    [v.workspaceId, v.ownerPersonId, v.orgId ?? null, v.text, v.language, JSON.stringify(v.constraints), v.confidential],
  );
  return Number(res.rows[0]!.id);
}

/** One need of this workspace (never another's), or undefined. */
export async function findNeed(db: Queryable, workspaceId: string, id: number): Promise<NeedRecord | undefined> {
  const res = await db.query<NeedRow>(`${SELECT_NEED} WHERE n.workspace_id = $1 AND n.id = $2`, [workspaceId, id]);
  return res.rows[0] && toNeed(res.rows[0]);
}

/** Merges answers into the need's constraints; only while it is a draft. True when written. */
export async function mergeDraftAnswers(db: Queryable, id: number, answers: Record<string, string>, confidential?: boolean): Promise<boolean> {
  const res = await db.query(
    `UPDATE needs SET constraints = constraints || $2::jsonb, confidential = COALESCE($3, confidential), updated_at = now()
      WHERE id = $1 AND status = 'draft'`,
    [id, JSON.stringify(answers), confidential ?? null],
  );
  return res.rowCount === 1;
}

export async function replaceDraftText(db: Queryable, id: number, text: string, language: string): Promise<boolean> {
  const res = await db.query(
    `UPDATE needs SET text = $2, language = $3, brief = NULL, updated_at = now() WHERE id = $1 AND status = 'draft'`,
    [id, text, language],
  );
  return res.rowCount === 1;
}

export async function setNeedBrief(db: Queryable, id: number, brief: unknown): Promise<void> {
  await db.query('UPDATE needs SET brief = $2::jsonb, updated_at = now() WHERE id = $1', [id, JSON.stringify(brief)]);
}

/**
 * Moves a need from one stage to another, only if it is still in `from` (a conditional update:
 * of two people changing the same need at once, one wins and the other sees false).
 */
export async function moveStage(db: Queryable, workspaceId: string, id: number, from: NeedStage, to: NeedStage): Promise<boolean> {
  const res = await db.query(
    `UPDATE needs SET status = $4, stage_changed_at = now(), updated_at = now()
      WHERE workspace_id = $1 AND id = $2 AND status = $3`,
    [workspaceId, id, from, to],
  );
  return res.rowCount === 1;
}

/** Takes a need for a broker unless another broker has it. Returns true when the broker now holds it. */
export async function claimNeed(db: Queryable, workspaceId: string, id: number, brokerId: number): Promise<boolean> {
  const res = await db.query(
    `UPDATE needs SET broker_person_id = $3, updated_at = now()
      WHERE workspace_id = $1 AND id = $2 AND broker_person_id IS NULL`,
    [workspaceId, id, brokerId],
  );
  return res.rowCount === 1;
}

export interface NeedFilter {
  status?: NeedStage;
  brokerPersonId?: number;
  unassigned?: boolean;
  /** Only needs this person owns or their organisation's (enterprise contacts). */
  visibleTo?: { personId: number; orgId?: number };
  includeDrafts?: boolean;
  limit?: number;
}

export async function listNeeds(db: Queryable, workspaceId: string, f: NeedFilter = {}): Promise<NeedRecord[]> {
  const where = ['n.workspace_id = $1'];
  const params: unknown[] = [workspaceId];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.status) add((p) => `n.status = ${p}`, f.status);
  else if (!f.includeDrafts) where.push(`n.status NOT IN ('draft', 'closed', 'withdrawn')`);
  if (f.brokerPersonId !== undefined) add((p) => `n.broker_person_id = ${p}`, f.brokerPersonId);
  if (f.unassigned) where.push('n.broker_person_id IS NULL');
  if (f.visibleTo) {
    add((p) => `(n.owner_person_id = ${p}`, f.visibleTo.personId);
    params.push(f.visibleTo.orgId ?? null);
    where[where.length - 1] += ` OR (n.org_id IS NOT NULL AND n.org_id = $${params.length}))`;
  }
  params.push(f.limit ?? 50);
  const res = await db.query<NeedRow>(`${SELECT_NEED} WHERE ${where.join(' AND ')} ORDER BY n.created_at, n.id LIMIT $${params.length}`, params);
  return res.rows.map(toNeed);
}

export async function countNeedsByStage(db: Queryable, workspaceId: string): Promise<Map<NeedStage, number>> {
  const res = await db.query<{ status: NeedStage; n: string }>(
    'SELECT status, count(*) AS n FROM needs WHERE workspace_id = $1 GROUP BY status',
    [workspaceId],
  );
  return new Map(res.rows.map((r) => [r.status, Number(r.n)]));
}

/** Needs in an active stage that have not moved for at least `days` days, oldest first. */
export async function findStaleNeeds(db: Queryable, workspaceId: string, days: number, now: Date): Promise<NeedRecord[]> {
  const res = await db.query<NeedRow>(
    `${SELECT_NEED}
      WHERE n.workspace_id = $1 AND n.status NOT IN ('draft', 'closed', 'withdrawn')
        AND n.stage_changed_at <= $2::timestamptz - make_interval(days => $3)
      ORDER BY n.stage_changed_at, n.id LIMIT 50`,
    [workspaceId, now.toISOString(), days],
  );
  return res.rows.map(toNeed);
}

/**
 * For /forget-me: needs this person wrote keep their stage, dates and non-identifying answers
 * (statistics) but lose the text, the brief, the company name and the link to the person.
 */
export async function anonymiseNeedsOwnedBy(db: Queryable, personId: number): Promise<number[]> {
  const res = await db.query<{ id: string | number }>(
    `UPDATE needs SET text = '', brief = NULL, constraints = constraints - 'company' - 'tried_detail',
            owner_person_id = NULL, updated_at = now()
      WHERE owner_person_id = $1 RETURNING id`,
    [personId],
  );
  return res.rows.map((r) => Number(r.id));
}
