import type { DbEngine, Queryable } from '../db.js';
import { indexedVectorType, type IndexedVectorType } from './searchIndex.js';
import type { OutcomeColumns } from './outcomes.js';

/** Hard filters in storage terms (validated by the caller). */
export interface OutcomeFilterValues {
  kinds?: string[];
  disciplines?: string[];
  regions?: string[];
  trlMin?: number;
  trlMax?: number;
  ipStatus?: string[];
  institutions?: string[];
  yearMin?: number;
  yearMax?: number;
  excludeIds?: number[];
}

export interface HybridParams {
  /**
   * Query tokens with weights (lexical side); may be empty. BM25 saturates tokens with the same
   * `concept` together (a structured query, see hybridSearch); a token without one is its own.
   */
  terms: { term: string; weight: number; concept?: string }[];
  /** Query vector in pgvector text form, or null (no dense side). */
  vector: string | null;
  modelId: number | null;
  dim: number;
  /** The precision the HNSW index holds the vectors in (indexedVectorType): the dense list is ordered in it. */
  indexedAs: IndexedVectorType;
  filters: OutcomeFilterValues;
  /** Candidates taken from each side. */
  pool: number;
  limit: number;
  useLexical: boolean;
  useDense: boolean;
  k1: number;
  b: number;
  fusion: 'convex' | 'rrf';
  /** Convex: weight of the cosine (lexical gets 1 − w, max-normalised). RRF: weight of the dense list. */
  denseWeight: number;
  rrfK: number;
  /** Results beyond this many from one institution go after all others. */
  maxPerInstitution: number;
  /**
   * Postings read in full: the rarest query terms are taken while their document frequencies sum
   * to at most this (always at least the rarest one); see hybridSearch.
   */
  postingsBudget: number;
  /** Best outcomes by the rarest terms' partial score whose remaining terms are looked up. */
  completeCandidates: number;
}

export interface HybridRow extends OutcomeColumns {
  id: number;
  lexical: number | null;
  lexical_rank: number | null;
  dense: number | null;
  dense_rank: number | null;
  fused: number;
  matched: string[] | null;
  dfs: Record<string, number> | null;
  corpus_size: number;
}

/** Escapes LIKE wildcards so a filter value matches literally. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** WHERE fragments over `o` (outcomes), appending their parameters to `params`. */
function filterSql(f: OutcomeFilterValues, params: unknown[]): string {
  const where: string[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.kinds?.length) where.push(`o.kind = ANY(${p(f.kinds)}::text[])`);
  if (f.regions?.length) where.push(`upper(o.region) = ANY(${p(f.regions.map((r) => r.toUpperCase()))}::text[])`);
  if (f.ipStatus?.length) where.push(`lower(o.ip_status) = ANY(${p(f.ipStatus.map((r) => r.toLowerCase()))}::text[])`);
  if (f.disciplines?.length) {
    where.push(`EXISTS (SELECT 1 FROM unnest(o.disciplines) d, unnest(${p(f.disciplines.map((d) => `%${likeEscape(d)}%`))}::text[]) pat WHERE d ILIKE pat)`);
  }
  if (f.institutions?.length) where.push(`o.institution ILIKE ANY(${p(f.institutions.map((d) => `%${likeEscape(d)}%`))}::text[])`);
  if (f.trlMin !== undefined) where.push(`o.trl >= ${p(f.trlMin)}`);
  if (f.trlMax !== undefined) where.push(`o.trl <= ${p(f.trlMax)}`);
  if (f.yearMin !== undefined) where.push(`o.year >= ${p(f.yearMin)}`);
  if (f.yearMax !== undefined) where.push(`o.year <= ${p(f.yearMax)}`);
  if (f.excludeIds?.length) where.push(`o.id <> ALL(${p(f.excludeIds)}::bigint[])`);
  return where.length ? where.join(' AND ') : 'true';
}

/**
 * The hybrid query, in one statement: BM25 over the postings (IDF from document frequencies,
 * length-normalised with each outcome's token count), the nearest embeddings by cosine (HNSW),
 * both under the same hard filters; candidates from either list get both scores, are fused
 * (max-normalised BM25 and cosine combined convexly, or reciprocal-rank fusion), and an
 * institution cap pushes the (n+1)-th result of one institution below the others.
 *
 * BM25 is computed term-at-a-time with a split in the spirit of MaxScore (Turtle & Flood 1995):
 * the rarest query terms, up to `postingsBudget` postings, are read in full and give every
 * outcome that has one of them a partial score; the frequent rest (low IDF, long posting lists)
 * are looked up by key only for the best `completeCandidates` of those and for the dense
 * candidates, whose BM25 scores are then exact. An outcome matching none of the rare terms can
 * only enter by the dense list. When all terms fit the budget this is exhaustive BM25.
 *
 * Alternative translations of one word of the need (tokens sharing a `concept`) are saturated
 * together, the term-frequency side of a structured query (Pirkola 1998): BM25's tf part is taken
 * of their summed frequency in an outcome and shared among them by their frequencies, each
 * keeping its own weight and IDF, so an outcome naming one word of the need in three
 * translations no longer outscores one naming three of its words, while an outcome with one
 * translation scores as plain BM25. (Darwish & Oard's probabilistic structured queries, 2003,
 * which weigh each translation's frequency by its share of the concept, lost recall on the needs
 * answered in English: a fractional frequency sits on the steep start of the saturation curve, so
 * an outcome matching one weak translation gained.) The split above is by concept.
 */
export async function hybridSearch(q: Queryable, h: HybridParams): Promise<HybridRow[]> {
  const dim = Math.trunc(h.dim);
  if (!(dim >= 1 && dim <= 2000)) throw new Error(`bad vector dimension ${h.dim}`);
  const concepts = conceptIds(h.terms);
  // Only a query with a concept of several terms needs their sums (most searches have none).
  const grouped = new Set(concepts).size < concepts.length;
  const params: unknown[] = [
    h.terms.map((t) => t.term),
    h.terms.map((t) => t.weight),
    h.vector,
    h.modelId,
    h.pool,
    h.limit,
    h.k1,
    h.b,
    h.denseWeight,
    h.rrfK,
    h.maxPerInstitution,
    h.useLexical,
    h.useDense && h.vector !== null,
    h.postingsBudget,
    h.completeCandidates,
    concepts,
  ];
  const where = filterSql(h.filters, params);
  const filtered = where !== 'true';
  const vec = `$3::vector(${dim})`;
  const emb = `v.embedding::vector(${dim})`;
  // The index's precision orders the candidates (so the HNSW index serves it); the full-precision
  // cosine ranks and scores them.
  const indexedDist = `v.embedding::${h.indexedAs}(${dim}) <=> $3::${h.indexedAs}(${dim})`;
  // BM25's term-frequency part of t: a posting, or a concept's summed frequency in one outcome (stats st in scope).
  const tfPart = `t.tf * ($7::float8 + 1) / (t.tf + $7::float8 * (1 - $8::float8 + $8::float8 * t.doc_len / st.avgdl))`;
  const fused =
    h.fusion === 'rrf'
      ? `(CASE WHEN lr IS NULL THEN 0 ELSE 1.0 / ($10::float8 + lr) END + CASE WHEN dr IS NULL THEN 0 ELSE $9::float8 / ($10::float8 + dr) END)`
      : `((1 - $9::float8) * coalesce(score / nullif(top.lex, 0), 0) + $9::float8 * coalesce(sim, 0))`;
  const sql = `
WITH q(term, qw, concept) AS (SELECT * FROM unnest($1::text[], $2::float8[], $16::int[])),
settings AS (SELECT $9::float8 AS dense_weight, $10::float8 AS rrf_k), -- types every parameter, used or not
stats AS (SELECT outcomes::float8 AS n, greatest(tokens::float8 / nullif(outcomes, 0), 1) AS avgdl FROM search_stats), -- kept by triggers (migration 014)
qt AS (SELECT DISTINCT term FROM q), -- a token may stand in several concepts
df AS MATERIALIZED ( -- kept by triggers (migration 015); counted while a first import loads in bulk and term_stats is empty (dropLexicalIndexes)
  SELECT qt.term, s.df::float8 AS df FROM qt JOIN term_stats s USING (term) WHERE s.df > 0
  UNION ALL
  SELECT qt.term, count(*)::float8 FROM qt JOIN outcome_terms t USING (term) WHERE NOT EXISTS (SELECT FROM term_stats) GROUP BY qt.term),
member AS MATERIALIZED ( -- each known token's BM25 weight (its own IDF)
  SELECT q.term, q.concept, df.df, q.qw * ln(1 + (st.n - df.df + 0.5) / (df.df + 0.5)) AS w FROM q JOIN df USING (term) CROSS JOIN stats st),
w AS MATERIALIZED (
  SELECT concept, members, sum(postings) OVER (ORDER BY postings, first) AS cum -- postings read if the concepts up to this one are read in full
  FROM (SELECT concept, count(*) AS members, sum(df) AS postings, min(term) AS first FROM member GROUP BY concept) c),
rare AS (
  SELECT m.term, m.w, w.concept, w.members > 1 AS grouped, (w.cum <= $14::float8 OR w.cum = (SELECT min(cum) FROM w)) AS in_full
  FROM member m JOIN w USING (concept)),
part AS MATERIALIZED ( -- terms of their own scored posting by posting, as plain BM25; concepts of several terms per outcome
  SELECT id, sum(score) AS score FROM (
    SELECT t.outcome_id AS id, r.w * ${tfPart} AS score
    FROM outcome_terms t JOIN rare r ON r.term = t.term AND r.in_full AND NOT r.grouped CROSS JOIN stats st${filtered ? ' JOIN outcomes o ON o.id = t.outcome_id' : ''}
    WHERE ${where}${
      grouped
        ? `
    UNION ALL
    SELECT t.id, t.wtf / t.tf * ${tfPart} FROM (
      SELECT ot.outcome_id AS id, sum(r.w * ot.tf) AS wtf, sum(ot.tf)::float8 AS tf, max(ot.doc_len) AS doc_len
      FROM outcome_terms ot JOIN rare r ON r.term = ot.term AND r.in_full AND r.grouped${filtered ? ' JOIN outcomes o ON o.id = ot.outcome_id' : ''}
      WHERE ${where}
      GROUP BY ot.outcome_id, r.concept) t CROSS JOIN stats st`
        : ''
    }) x
  GROUP BY id),
dense AS (
  SELECT id, row_number() OVER (ORDER BY dist, id) AS r FROM (
    SELECT v.outcome_id AS id, ${emb} <=> ${vec} AS dist FROM outcome_vectors v${filtered ? ' JOIN outcomes o ON o.id = v.outcome_id' : ''} -- every vector has its outcome (foreign keys)
    WHERE $13::boolean AND v.model_id = $4::bigint AND v.embedding IS NOT NULL AND ${where}
    ORDER BY ${indexedDist} LIMIT $5::int) x),
completed AS (
  SELECT id FROM (SELECT id FROM part ORDER BY score DESC, id LIMIT $15::int) best
  UNION SELECT id FROM dense),
lex_all AS MATERIALIZED (
  SELECT c.id, coalesce(p.score, 0) + coalesce(f.score, 0) AS score
  FROM completed c LEFT JOIN part p ON p.id = c.id
  LEFT JOIN LATERAL (
    SELECT sum(score) AS score FROM (
      SELECT r.w * ${tfPart} AS score
      FROM rare r JOIN outcome_terms t ON t.term = r.term AND t.outcome_id = c.id CROSS JOIN stats st
      WHERE NOT r.in_full AND NOT r.grouped${
        grouped
          ? `
      UNION ALL
      SELECT t.wtf / t.tf * ${tfPart} FROM (
        SELECT sum(r.w * ot.tf) AS wtf, sum(ot.tf)::float8 AS tf, max(ot.doc_len) AS doc_len
        FROM rare r JOIN outcome_terms ot ON ot.term = r.term AND ot.outcome_id = c.id
        WHERE NOT r.in_full AND r.grouped
        GROUP BY r.concept) t CROSS JOIN stats st`
          : ''
      }) x) f ON true
  WHERE coalesce(p.score, 0) + coalesce(f.score, 0) > 0),
lex AS (SELECT id, row_number() OVER (ORDER BY score DESC, id) AS r FROM (SELECT * FROM lex_all ORDER BY score DESC, id LIMIT $5::int) x WHERE $12::boolean),
cand AS (SELECT coalesce(lex.id, dense.id) AS id, lex.r AS lr, dense.r AS dr FROM lex FULL JOIN dense ON lex.id = dense.id),
top AS (SELECT max(score) AS lex FROM lex_all),
measured AS (
  SELECT c.id, c.lr, c.dr, la.score,
         CASE WHEN $13::boolean AND v.model_id = $4::bigint THEN 1 - (${emb} <=> ${vec}) END AS sim
  FROM cand c LEFT JOIN outcome_vectors v ON v.outcome_id = c.id LEFT JOIN lex_all la ON la.id = c.id),
scored AS (
  SELECT id, score AS lexical, lr AS lexical_rank, sim AS dense, dr AS dense_rank, ${fused} AS fused
  FROM measured CROSS JOIN top
  LIMIT 2 * $5::int), -- never more (both lists are capped at the pool); tells the planner so, or it scans all outcomes below
diverse AS (
  SELECT sc.*, row_number() OVER (PARTITION BY coalesce(lower(o.institution), 'id:' || o.id) ORDER BY sc.fused DESC, sc.id) AS inst_rank
  FROM scored sc JOIN outcomes o ON o.id = sc.id)
SELECT o.id, o.source_id, o.kind, o.title, o.abstract, o.institution, o.disciplines, o.keywords, o.year, o.trl,
       o.ip_status, o.region, o.url, o.language,
       d.lexical, d.lexical_rank::int, d.dense, d.dense_rank::int, d.fused,
       -- Looked up for the results only: collecting them for every scored posting cost a sixth of the query.
       ARRAY(SELECT df.term FROM df JOIN outcome_terms t ON t.term = df.term AND t.outcome_id = o.id ORDER BY df.term) AS matched,
       (SELECT json_object_agg(term, df) FROM df) AS dfs, (SELECT n::int FROM stats) AS corpus_size
FROM diverse d JOIN outcomes o ON o.id = d.id
ORDER BY (d.inst_rank > $11::int), d.fused DESC, d.id
LIMIT $6::int`;
  return (await q.query<HybridRow>(sql, params)).rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Each term's concept as a number: terms sharing a concept share it, a term without one gets its own. */
function conceptIds(terms: HybridParams['terms']): number[] {
  const ids = new Map<string, number>();
  return terms.map((t, i) => {
    if (t.concept === undefined) return terms.length + i;
    if (!ids.has(t.concept)) ids.set(t.concept, ids.size);
    return ids.get(t.concept)!;
  });
}

/** Whether pgvector has iterative index scans (`hnsw.iterative_scan`, new in 0.8). */
export async function hasIterativeScan(q: Queryable): Promise<boolean> {
  const res = await q.query<{ v: string }>(`SELECT extversion AS v FROM pg_extension WHERE extname = 'vector'`);
  const [major = 0, minor = 0] = (res.rows[0]?.v ?? '0').split('.').map(Number);
  return major > 0 || minor >= 8;
}

/**
 * Search-time settings for the current transaction: no JIT (the hybrid query's cost estimates can
 * pass its threshold, and compiling took 1.5 s of a 1.7 s search), memory for in-memory sorts and
 * hashes, and HNSW candidates enough for the pool, filtered scans continuing past it.
 */
export async function tuneSearch(q: Queryable, efSearch: number, iterative: boolean): Promise<void> {
  // One round trip; the iterative setting only where pgvector knows it (an unknown hnsw.* name is an error).
  await q.query(
    `SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true), set_config('hnsw.ef_search', $1, true)${
      iterative ? `, set_config('hnsw.iterative_scan', 'relaxed_order', true)` : ''
    }`,
    [String(Math.min(1000, Math.max(40, efSearch)))],
  );
}

/** One hard filter as a person sets it: a TRL or year range counts as one. */
export type FilterKey = 'kinds' | 'regions' | 'ipStatus' | 'disciplines' | 'institutions' | 'trl' | 'year';

/** The filter values of one key (both bounds of a range). */
export function filterPart(f: OutcomeFilterValues, key: FilterKey): OutcomeFilterValues {
  if (key === 'trl') return { trlMin: f.trlMin, trlMax: f.trlMax };
  if (key === 'year') return { yearMin: f.yearMin, yearMax: f.yearMax };
  return { [key]: f[key] };
}

/**
 * How many stored outcomes pass each given filter on its own, and all of them together, in one
 * scan: to tell a person which filter left a search with nothing.
 */
export async function countFilterMatches(q: Queryable, f: OutcomeFilterValues, keys: readonly FilterKey[]): Promise<{ each: Map<FilterKey, number>; all: number }> {
  const params: unknown[] = [];
  const columns = keys.map((k, i) => `count(*) FILTER (WHERE ${filterSql(filterPart(f, k), params)}) AS f${i}`);
  const res = await q.query<Record<string, string>>(`SELECT ${[...columns, `count(*) FILTER (WHERE ${filterSql(f, params)}) AS f_all`].join(', ')} FROM outcomes o`, params);
  const row = res.rows[0] ?? {};
  return { each: new Map(keys.map((k, i) => [k, Number(row[`f${i}`] ?? 0)])), all: Number(row.f_all ?? 0) };
}

/** Regions present in the store (for validating a region filter), upper-cased. */
export async function knownRegions(q: Queryable): Promise<string[]> {
  const res = await q.query<{ r: string }>(`SELECT DISTINCT upper(region) AS r FROM outcomes WHERE region IS NOT NULL ORDER BY 1`);
  return res.rows.map((r) => r.r);
}

/**
 * The k nearest embeddings to a vector: through the HNSW index (in its precision) with the
 * candidate list search uses (`efSearch`, approximate) or by a full scan in full precision
 * (exact), for measuring the index's recall.
 */
export async function nearestOutcomeIds(
  db: { engine: DbEngine; transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  vector: string,
  dim: number,
  k: number,
  scan: { exact: true } | { efSearch: number },
): Promise<number[]> {
  const d = Math.trunc(dim);
  const type = 'exact' in scan ? 'vector' : indexedVectorType(db.engine);
  return db.transaction(async (tx) => {
    if ('exact' in scan) await tx.query(`SELECT set_config('enable_indexscan', 'off', true)`);
    else await tuneSearch(tx, scan.efSearch, false);
    const res = await tx.query<{ id: string }>(
      `SELECT outcome_id AS id FROM outcome_vectors WHERE embedding IS NOT NULL
       ORDER BY embedding::${type}(${d}) <=> $1::${type}(${d}) LIMIT $2`,
      [vector, k],
    );
    return res.rows.map((r) => Number(r.id));
  });
}
