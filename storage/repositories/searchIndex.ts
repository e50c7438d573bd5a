import type { Queryable } from '../db.js';

/** The text fields of outcomes that the search index is built from. */
export interface IndexableOutcome {
  id: number;
  title: string;
  abstract: string;
  keywords: string[];
  disciplines: string[];
  institution: string | null;
}

export async function loadIndexableOutcomes(q: Queryable, ids: readonly number[]): Promise<IndexableOutcome[]> {
  const res = await q.query<IndexableOutcome & { id: string | number }>(
    `SELECT id, title, abstract, keywords, disciplines, institution FROM outcomes WHERE id = ANY($1::bigint[]) ORDER BY id`,
    [ids],
  );
  return res.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Ids of outcomes with no search row yet (e.g. stored before search existed). */
export async function listUnindexedOutcomeIds(q: Queryable, limit: number): Promise<number[]> {
  const res = await q.query<{ id: string }>(
    `SELECT o.id FROM outcomes o LEFT JOIN outcome_search s ON s.outcome_id = o.id
     WHERE s.outcome_id IS NULL ORDER BY o.id LIMIT $1`,
    [limit],
  );
  return res.rows.map((r) => Number(r.id));
}

export interface SearchRow {
  outcomeId: number;
  /** Token → count in the document. */
  terms: ReadonlyMap<string, number>;
  docLen: number;
  /** pgvector text form, with the model that made it; omitted = no embedding yet. */
  embedding?: { text: string; modelId: number };
}

/** Replaces the search rows (lexemes, length, postings, embedding) of the given outcomes. */
export async function writeSearchRows(q: Queryable, rows: readonly SearchRow[]): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.outcomeId);
  await q.query('DELETE FROM outcome_terms WHERE outcome_id = ANY($1::bigint[])', [ids]);
  await q.query(
    `INSERT INTO outcome_search (outcome_id, lexemes, doc_len, embedding, model_id, indexed_at)
     SELECT id, array_to_tsvector(string_to_array(lex, ' ')), len, emb::vector, model, now()
     FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[], $5::bigint[]) AS r(id, lex, len, emb, model)
     ON CONFLICT (outcome_id) DO UPDATE SET lexemes = EXCLUDED.lexemes, doc_len = EXCLUDED.doc_len,
       embedding = EXCLUDED.embedding, model_id = EXCLUDED.model_id, indexed_at = now()`,
    [
      ids,
      rows.map((r) => [...r.terms.keys()].join(' ')),
      rows.map((r) => r.docLen),
      rows.map((r) => r.embedding?.text ?? null),
      rows.map((r) => r.embedding?.modelId ?? null),
    ],
  );
  const terms: string[] = [];
  const owners: number[] = [];
  const tfs: number[] = [];
  const lens: number[] = [];
  for (const r of rows) {
    for (const [t, c] of r.terms) {
      terms.push(t);
      owners.push(r.outcomeId);
      tfs.push(c);
      lens.push(r.docLen);
    }
  }
  const CHUNK = 50_000;
  for (let i = 0; i < terms.length; i += CHUNK) {
    await q.query(
      `INSERT INTO outcome_terms (term, outcome_id, tf, doc_len) SELECT * FROM unnest($1::text[], $2::bigint[], $3::int[], $4::int[])`,
      [terms.slice(i, i + CHUNK), owners.slice(i, i + CHUNK), tfs.slice(i, i + CHUNK), lens.slice(i, i + CHUNK)],
    );
  }
}

/** Outcomes whose embedding is missing or from another model (all of them, or the first `limit`). */
export async function listUnembedded(q: Queryable, modelId: number, limit?: number): Promise<number[]> {
  const res = await q.query<{ outcome_id: string }>(
    `SELECT outcome_id FROM outcome_search WHERE model_id IS DISTINCT FROM $1
     ORDER BY outcome_id LIMIT $2`,
    [modelId, limit ?? null],
  );
  return res.rows.map((r) => Number(r.outcome_id));
}

export async function writeEmbeddings(q: Queryable, modelId: number, rows: readonly { outcomeId: number; text: string | null }[]): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `UPDATE outcome_search s SET embedding = r.emb::vector, model_id = $3
     FROM unnest($1::bigint[], $2::text[]) AS r(id, emb) WHERE s.outcome_id = r.id`,
    [rows.map((r) => r.outcomeId), rows.map((r) => r.text), modelId],
  );
}

/** Clears every embedding (before switching models), keeping the lexical index. */
export async function clearEmbeddings(q: Queryable): Promise<void> {
  await q.query('UPDATE outcome_search SET embedding = NULL, model_id = NULL WHERE embedding IS NOT NULL');
}

const HNSW_INDEX = 'outcome_search_embedding_hnsw';

/** Drops the HNSW index (before a bulk load: inserting into it row by row is slow). */
export async function dropVectorIndex(q: Queryable): Promise<void> {
  await q.exec(`DROP INDEX IF EXISTS ${HNSW_INDEX}`);
}

/**
 * Builds the cosine HNSW index over embeddings cast to the active model's dimension, with enough
 * maintenance_work_mem for the graph to be built in memory (past it the build slows down a lot).
 */
export async function createVectorIndex(q: Queryable, dim: number): Promise<void> {
  if (!Number.isInteger(dim) || dim < 1 || dim > 2000) throw new Error(`bad vector dimension ${dim}`);
  const res = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM outcome_search WHERE embedding IS NOT NULL');
  const rows = res.rows[0]?.n ?? 0;
  const mb = Math.min(2_048, Math.max(64, Math.ceil((rows * (dim * 4 + 512) * 1.3) / 1_048_576)));
  await q.exec(
    `SET maintenance_work_mem = '${mb}MB';
     CREATE INDEX IF NOT EXISTS ${HNSW_INDEX} ON outcome_search USING hnsw ((embedding::vector(${dim})) vector_cosine_ops) WITH (m = 16, ef_construction = 64);
     RESET maintenance_work_mem;`,
  );
}

export async function hasVectorIndex(q: Queryable): Promise<boolean> {
  const res = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_indexes WHERE indexname = $1 AND schemaname = current_schema()`, [HNSW_INDEX]);
  return (res.rows[0]?.n ?? 0) > 0;
}

export async function countIndexed(q: Queryable): Promise<{ indexed: number; embedded: number }> {
  const res = await q.query<{ indexed: number; embedded: number }>(
    `SELECT count(*)::int AS indexed, count(embedding)::int AS embedded FROM outcome_search`,
  );
  return res.rows[0] ?? { indexed: 0, embedded: 0 };
}

/** Refreshes planner statistics after a bulk load, so postings are read through their index. */
export async function analyzeSearchTables(q: Queryable): Promise<void> {
  await q.exec('ANALYZE outcomes; ANALYZE outcome_search; ANALYZE outcome_terms');
}
