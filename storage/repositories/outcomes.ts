import type { Queryable } from '../db.js';

/** The columns an import writes (the core's validated Outcome fits this shape). */
export interface OutcomeValues {
  sourceId: string;
  kind: string;
  title: string;
  abstract: string;
  institution?: string;
  disciplines: string[];
  keywords: string[];
  year?: number;
  trl?: number;
  ipStatus?: string;
  region?: string;
  contact?: string;
  url?: string;
  language: string;
}

export interface StoredOutcome extends OutcomeValues {
  id: number;
  contentHash: string;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = [
  ['source_id', 'text'],
  ['kind', 'text'],
  ['title', 'text'],
  ['abstract', 'text'],
  ['institution', 'text'],
  ['disciplines', 'text[]'],
  ['keywords', 'text[]'],
  ['year', 'integer'],
  ['trl', 'smallint'],
  ['ip_status', 'text'],
  ['region', 'text'],
  ['contact', 'text'],
  ['url', 'text'],
  ['language', 'text'],
  ['content_hash', 'text'],
] as const;

const NAMES = COLUMNS.map(([c]) => c).join(', ');
// The batch travels as one jsonb parameter (fewer parameters to bind than a VALUES list, and
// measurably faster on PGlite). Rows whose hash is unchanged are left alone and not returned;
// xmax = 0 marks a row this statement inserted rather than updated.
const UPSERT_SQL = `
  INSERT INTO outcomes AS o (${NAMES})
  SELECT ${NAMES} FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')})
  ON CONFLICT (source_id) DO UPDATE SET
    ${COLUMNS.filter(([c]) => c !== 'source_id').map(([c]) => `${c} = EXCLUDED.${c}`).join(', ')},
    updated_at = now()
  WHERE o.content_hash IS DISTINCT FROM EXCLUDED.content_hash
  RETURNING id, source_id, (xmax = 0) AS inserted`;

/**
 * Inserts new outcomes and updates those whose content hash changed, in one statement.
 * Returns only the rows written; a row absent from the result was already up to date.
 * Source ids must be distinct within one call (Postgres refuses to update a row twice).
 */
export async function upsertOutcomes(
  tx: Queryable,
  rows: readonly (OutcomeValues & { contentHash: string })[],
): Promise<{ id: number; sourceId: string; inserted: boolean }[]> {
  if (rows.length === 0) return [];
  const batch = rows.map((r) => ({
    source_id: r.sourceId,
    kind: r.kind,
    title: r.title,
    abstract: r.abstract,
    institution: r.institution ?? null,
    disciplines: r.disciplines,
    keywords: r.keywords,
    year: r.year ?? null,
    trl: r.trl ?? null,
    ip_status: r.ipStatus ?? null,
    region: r.region ?? null,
    contact: r.contact ?? null,
    url: r.url ?? null,
    language: r.language,
    content_hash: r.contentHash,
  }));
  const res = await tx.query<{ id: string | number; source_id: string; inserted: boolean }>(UPSERT_SQL, [JSON.stringify(batch)]);
  return res.rows.map((r) => ({ id: Number(r.id), sourceId: r.source_id, inserted: r.inserted }));
}

/** The descriptive columns of an outcome row, as SELECTed by the repositories that read them. */
export interface OutcomeColumns {
  source_id: string;
  kind: string;
  title: string;
  abstract: string;
  institution: string | null;
  disciplines: string[];
  keywords: string[];
  year: number | null;
  trl: number | null;
  ip_status: string | null;
  region: string | null;
  url: string | null;
  language: string;
}

interface OutcomeRow extends OutcomeColumns {
  id: string | number;
  contact: string | null;
  content_hash: string;
  created_at: Date;
  updated_at: Date;
}

const toOutcome = (r: OutcomeRow): StoredOutcome => ({
  id: Number(r.id),
  sourceId: r.source_id,
  kind: r.kind,
  title: r.title,
  abstract: r.abstract,
  institution: r.institution ?? undefined,
  disciplines: r.disciplines,
  keywords: r.keywords,
  year: r.year ?? undefined,
  trl: r.trl ?? undefined,
  ipStatus: r.ip_status ?? undefined,
  region: r.region ?? undefined,
  contact: r.contact ?? undefined,
  url: r.url ?? undefined,
  language: r.language,
  contentHash: r.content_hash,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** One outcome by its source id, or by its numeric id when `key` is all digits and no source id matches. */
export async function findOutcome(db: Queryable, key: string): Promise<StoredOutcome | undefined> {
  const bySource = await db.query<OutcomeRow>('SELECT * FROM outcomes WHERE source_id = $1', [key]);
  if (bySource.rows[0]) return toOutcome(bySource.rows[0]);
  return /^\d{1,18}$/.test(key) ? findOutcomeById(db, Number(key)) : undefined;
}

export async function findOutcomeById(db: Queryable, id: number): Promise<StoredOutcome | undefined> {
  const res = await db.query<OutcomeRow>('SELECT * FROM outcomes WHERE id = $1', [id]);
  return res.rows[0] && toOutcome(res.rows[0]);
}

export async function countOutcomes(db: Queryable): Promise<number> {
  const res = await db.query<{ n: string }>('SELECT count(*) AS n FROM outcomes');
  return Number(res.rows[0]!.n);
}

/** Cheaper than a count on a large table: is there at least one outcome? */
export async function hasOutcomes(db: Queryable): Promise<boolean> {
  const res = await db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM outcomes) AS any');
  return res.rows[0]!.any;
}
