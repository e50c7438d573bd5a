import type { Db, Queryable } from '../db.js';

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

/** Stores an offline model's vocabulary: term, IDF and latent vector (pgvector text form). */
export async function insertModelTerms(q: Queryable, modelId: number, rows: { terms: string[]; idf: number[]; vectors: string[] }): Promise<void> {
  const CHUNK = 2_000;
  for (let i = 0; i < rows.terms.length; i += CHUNK) {
    await q.query(
      `INSERT INTO embedding_model_terms (model_id, term, idf, vec)
       SELECT $1, t, i, v::vector FROM unnest($2::text[], $3::real[], $4::text[]) AS r(t, i, v)`,
      [modelId, rows.terms.slice(i, i + CHUNK), rows.idf.slice(i, i + CHUNK), rows.vectors.slice(i, i + CHUNK)],
    );
  }
}

/** The vocabulary rows of an offline model, for the given terms only (query time) or all (bulk embedding). */
export async function loadModelTerms(q: Queryable, modelId: number, terms?: readonly string[]): Promise<{ term: string; idf: number; vec: string }[]> {
  const res = terms
    ? await q.query<{ term: string; idf: number; vec: string }>(
        'SELECT term, idf, vec::text AS vec FROM embedding_model_terms WHERE model_id = $1 AND term = ANY($2::text[])',
        [modelId, terms],
      )
    : await q.query<{ term: string; idf: number; vec: string }>(
        'SELECT term, idf, vec::text AS vec FROM embedding_model_terms WHERE model_id = $1',
        [modelId],
      );
  return res.rows;
}

/** Removes inactive models (their vectors are gone or stale) to keep the database small. */
export async function deleteInactiveModels(db: Db): Promise<void> {
  await db.query('DELETE FROM embedding_models WHERE NOT active AND id NOT IN (SELECT DISTINCT model_id FROM outcome_search WHERE model_id IS NOT NULL)');
}

/** Outcomes in the search index now (to decide whether the offline model needs a refit). */
export async function countSearchRows(q: Queryable): Promise<number> {
  const res = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM outcome_search');
  return res.rows[0]?.n ?? 0;
}

/** Token counts of every indexed outcome, a page at a time (fitting the offline model). */
export async function* streamPostings(q: Queryable, pageSize = 2_000): AsyncGenerator<{ outcomeId: number; terms: Map<string, number> }[]> {
  let after = 0;
  for (;;) {
    const ids = await q.query<{ outcome_id: string }>(
      'SELECT outcome_id FROM outcome_search WHERE outcome_id > $1 ORDER BY outcome_id LIMIT $2',
      [after, pageSize],
    );
    if (ids.rows.length === 0) return;
    const list = ids.rows.map((r) => Number(r.outcome_id));
    after = list[list.length - 1]!;
    const res = await q.query<{ outcome_id: string; term: string; tf: number }>(
      'SELECT outcome_id, term, tf FROM outcome_terms WHERE outcome_id = ANY($1::bigint[])',
      [list],
    );
    const byId = new Map(list.map((id) => [id, new Map<string, number>()]));
    for (const r of res.rows) byId.get(Number(r.outcome_id))?.set(r.term, r.tf);
    yield list.map((id) => ({ outcomeId: id, terms: byId.get(id)! }));
  }
}
