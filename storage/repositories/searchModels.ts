import type { Db, Queryable } from '../db.js';
import { copyRows } from '../binaryCopy.js';

export interface EmbeddingModelRow {
  id: number;
  provider: string;
  name: string;
  dim: number;
  params: Record<string, unknown>;
  corpusSize: number | null;
  fittedAt: Date;
}

type RawModel = { id: string; provider: string; name: string; dim: number; params: Record<string, unknown>; corpus_size: number | null; fitted_at: Date };
const toModel = (r: RawModel): EmbeddingModelRow => ({
  id: Number(r.id),
  provider: r.provider,
  name: r.name,
  dim: r.dim,
  params: r.params,
  corpusSize: r.corpus_size,
  fittedAt: r.fitted_at,
});

export async function activeEmbeddingModel(q: Queryable): Promise<EmbeddingModelRow | undefined> {
  const res = await q.query<RawModel>(
    `SELECT id, provider, name, dim, params, corpus_size, fitted_at FROM embedding_models WHERE active`,
  );
  return res.rows[0] ? toModel(res.rows[0]) : undefined;
}

/** Records a model and makes it the active one (the previous one stays, inactive, for its vectors' history). */
export async function insertActiveModel(
  q: Queryable,
  m: { provider: string; name: string; dim: number; params?: Record<string, unknown>; corpusSize?: number },
): Promise<number> {
  await q.query('UPDATE embedding_models SET active = false WHERE active');
  const res = await q.query<{ id: string }>(
    `INSERT INTO embedding_models (provider, name, dim, params, corpus_size, active)
     VALUES ($1, $2, $3, $4::jsonb, $5, true) RETURNING id`,
    [m.provider, m.name, m.dim, JSON.stringify(m.params ?? {}), m.corpusSize ?? null],
  );
  return Number(res.rows[0]!.id);
}

/**
 * Stores an offline model's vocabulary: term, IDF and latent vector. `vectors` holds the terms'
 * vectors back to back (terms × dim float32), each stored as its little-endian bytes (migration 018).
 */
export async function insertModelTerms(q: Queryable, modelId: number, rows: { terms: string[]; idf: ArrayLike<number>; vectors: Float32Array; dim: number }): Promise<void> {
  const width = rows.dim * 4;
  const bytes = new Uint8Array(rows.vectors.buffer, rows.vectors.byteOffset, rows.terms.length * width);
  const columns = ['int8', 'text', 'float4', 'bytea'] as const;
  await copyRows(q, 'COPY embedding_model_terms (model_id, term, idf, vec)', columns, rows.terms.map((t, r) => [modelId, t, rows.idf[r]!, bytes.subarray(r * width, (r + 1) * width)]));
}

/** A stored term vector (base64 of its little-endian float32 values, as read) as a Float32Array. */
function termVector(base64: string): Float32Array {
  const bytes = Buffer.from(base64, 'base64');
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** The vocabulary rows of an offline model, for the given terms only (query time) or all (bulk embedding). */
export async function loadModelTerms(q: Queryable, modelId: number, terms?: readonly string[]): Promise<{ term: string; idf: number; vec: Float32Array }[]> {
  const res = terms
    ? await q.query<{ term: string; idf: number; vec: string }>(
        `SELECT term, idf, encode(vec, 'base64') AS vec FROM embedding_model_terms WHERE model_id = $1 AND term = ANY($2::text[])`,
        [modelId, terms],
      )
    : await q.query<{ term: string; idf: number; vec: string }>(`SELECT term, idf, encode(vec, 'base64') AS vec FROM embedding_model_terms WHERE model_id = $1`, [modelId]);
  return res.rows.map((r) => ({ term: r.term, idf: r.idf, vec: termVector(r.vec) }));
}

/** Removes inactive models (their vectors are gone or stale) to keep the database small. */
export async function deleteInactiveModels(db: Db): Promise<void> {
  await db.query('DELETE FROM embedding_models WHERE NOT active AND id NOT IN (SELECT DISTINCT model_id FROM outcome_vectors)');
}

/** Outcomes in the search index now (to decide whether the offline model needs a refit). */
export async function countSearchRows(q: Queryable): Promise<number> {
  // Kept by triggers (migration 014): no scan of the index, which /search asks before every search.
  const res = await q.query<{ n: number }>('SELECT outcomes::int AS n FROM search_stats');
  return res.rows[0]?.n ?? 0;
}

/** Token counts of every indexed outcome, a page at a time (fitting the offline model). */
export async function* streamPostings(q: Queryable, pageSize = 5_000): AsyncGenerator<{ outcomeId: number; terms: Map<string, number> }[]> {
  let after = 0;
  for (;;) {
    const res = await q.query<{ outcome_id: string; terms: string[]; tfs: number[] }>(
      `WITH page AS (SELECT outcome_id, lexemes FROM outcome_search WHERE outcome_id > $1 ORDER BY outcome_id LIMIT $2)
       SELECT p.outcome_id, coalesce(array_agg(t.term) FILTER (WHERE t.term IS NOT NULL), '{}') AS terms,
              coalesce(array_agg(t.tf) FILTER (WHERE t.term IS NOT NULL), '{}') AS tfs
       FROM page p LEFT JOIN LATERAL unnest(tsvector_to_array(p.lexemes)) AS l(term) ON true
       LEFT JOIN outcome_terms t ON t.term = l.term AND t.outcome_id = p.outcome_id
       GROUP BY p.outcome_id ORDER BY p.outcome_id`,
      [after, pageSize],
    );
    if (res.rows.length === 0) return;
    after = Number(res.rows[res.rows.length - 1]!.outcome_id);
    yield res.rows.map((r) => ({ outcomeId: Number(r.outcome_id), terms: new Map(r.terms.map((t, i) => [t, r.tfs[i]!])) }));
  }
}
