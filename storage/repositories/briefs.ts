import type { Queryable } from '../db.js';

/** A research brief as stored: one row per version of a need's brief (migration 004). */
export interface StoredBrief<B = unknown> {
  needId: number;
  version: number;
  brief: B;
  translator: string;
  createdAt: Date;
}

interface BriefRow {
  need_id: string | number;
  version: number;
  brief: unknown;
  translator: string;
  created_at: Date | string;
}

const toStored = <B>(r: BriefRow): StoredBrief<B> => ({
  needId: Number(r.need_id),
  version: Number(r.version),
  brief: (typeof r.brief === 'string' ? JSON.parse(r.brief) : r.brief) as B,
  translator: r.translator,
  createdAt: new Date(r.created_at),
});

/**
 * Saves a new version of a need's brief (1, 2, 3…); concurrent saves for one need are
 * serialised by a row lock on the need. (needs.brief, the needs capability's summary, is theirs.)
 */
export async function saveBrief<B>(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  needId: number,
  brief: B,
  translator: string,
): Promise<StoredBrief<B>> {
  return db.transaction(async (tx) => {
    const need = await tx.query('SELECT id FROM needs WHERE id = $1 FOR UPDATE', [needId]);
    if (need.rowCount === 0) throw new Error(`need ${needId} does not exist`);
    const json = JSON.stringify(brief);
    const res = await tx.query<BriefRow>(
      `INSERT INTO need_briefs (need_id, version, brief, translator)
       VALUES ($1, COALESCE((SELECT max(version) FROM need_briefs WHERE need_id = $1), 0) + 1, $2::jsonb, $3)
       RETURNING need_id, version, brief, translator, created_at`,
      [needId, json, translator],
    );
    return toStored<B>(res.rows[0]!);
  });
}

/** The latest version of a need's brief, or undefined when it has none. */
export async function loadLatestBrief<B>(db: Queryable, needId: number): Promise<StoredBrief<B> | undefined> {
  const res = await db.query<BriefRow>(
    `SELECT need_id, version, brief, translator, created_at FROM need_briefs
      WHERE need_id = $1 ORDER BY version DESC LIMIT 1`,
    [needId],
  );
  return res.rows[0] && toStored<B>(res.rows[0]);
}

/** Every version of a need's brief, oldest first. */
export async function listBriefVersions<B>(db: Queryable, needId: number): Promise<StoredBrief<B>[]> {
  const res = await db.query<BriefRow>(
    'SELECT need_id, version, brief, translator, created_at FROM need_briefs WHERE need_id = $1 ORDER BY version',
    [needId],
  );
  return res.rows.map((r) => toStored<B>(r));
}

/**
 * Corpus statistics for the offline translator: how many indexed outcomes contain each search
 * token and how many are indexed.
 */
export async function outcomeTermStats(db: Queryable, tokens: readonly string[]): Promise<{ total: number; df: Map<string, number> }> {
  // One round trip: a translation asks this for new tokens a few times, on a pool its other reads share.
  const res = await db.query<{ n: string | number | null; df: Record<string, string | number> | null }>(
    `SELECT (SELECT outcomes FROM search_stats) AS n,
            (SELECT json_object_agg(term, df) FROM term_stats WHERE term = ANY($1::text[]) AND df > 0) AS df`, // kept by triggers (migrations 014, 015)
    [[...new Set(tokens)]],
  );
  const row = res.rows[0]; // json arrives parsed from both pg and PGlite
  return { total: Number(row?.n ?? 0), df: new Map(Object.entries(row?.df ?? {}).map(([t, n]) => [t, Number(n)])) };
}

/** The outcomes (ids) whose search index holds each token: co-occurrence statistics for the offline translator. */
export async function outcomesWithTerms(db: Queryable, tokens: readonly string[]): Promise<Map<string, Set<number>>> {
  const out = new Map<string, Set<number>>(tokens.map((t) => [t, new Set<number>()]));
  if (!tokens.length) return out;
  // One row per term, its outcome ids in one string: a row per posting (tens of thousands for a
  // long need on a large store) cost more to build into objects than to read. Read into numbers
  // digit by digit: a string per id was most of a translation's garbage.
  const res = await db.query<{ term: string; ids: string }>(
    `SELECT term, string_agg(outcome_id::text, ',') AS ids FROM outcome_terms WHERE term = ANY($1::text[]) GROUP BY term`,
    [[...new Set(tokens)]],
  );
  for (const r of res.rows) out.set(r.term, parseIds(r.ids));
  return out;
}

/** "12,7,301" → {12, 7, 301}, without a string per id. */
function parseIds(list: string): Set<number> {
  const ids = new Set<number>();
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i);
    if (c === 44) {
      ids.add(n);
      n = 0;
    } else n = n * 10 + (c - 48);
  }
  if (list.length) ids.add(n);
  return ids;
}
