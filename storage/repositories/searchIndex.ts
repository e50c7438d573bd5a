import type { Queryable } from '../db.js';
import { copyRows, type CopyValue } from '../binaryCopy.js';

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
}

/** Replaces the lexical search rows (lexemes, length, postings) of the given outcomes; their vectors are written separately. */
export async function writeSearchRows(q: Queryable, rows: readonly SearchRow[]): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.outcomeId);
  // An outcome's postings are exactly the lexemes of its current search row (see migration 013).
  // New outcomes have none: skip the DELETE, which scans every posting while a bulk load runs
  // without the postings key.
  const reindexed = await q.query<{ outcome_id: string }>('SELECT outcome_id FROM outcome_search WHERE outcome_id = ANY($1::bigint[])', [ids]);
  if (reindexed.rows.length > 0) {
    await q.query(
      `DELETE FROM outcome_terms t
       USING (SELECT s.outcome_id, unnest(tsvector_to_array(s.lexemes)) AS term FROM outcome_search s WHERE s.outcome_id = ANY($1::bigint[])) old
       WHERE t.term = old.term AND t.outcome_id = old.outcome_id`,
      [reindexed.rows.map((r) => r.outcome_id)],
    );
  }
  await q.query(
    `INSERT INTO outcome_search (outcome_id, lexemes, doc_len, indexed_at)
     SELECT id, array_to_tsvector(string_to_array(lex, ' ')), len, now()
     FROM unnest($1::bigint[], $2::text[], $3::int[]) AS r(id, lex, len)
     ON CONFLICT (outcome_id) DO UPDATE SET lexemes = EXCLUDED.lexemes, doc_len = EXCLUDED.doc_len, indexed_at = now()`,
    [ids, rows.map((r) => [...r.terms.keys()].join(' ')), rows.map((r) => r.docLen)],
  );
  // Postings in (term, outcome) key order, so the key's B-tree is filled in order: grouped by
  // term (rows come in outcome order), then the distinct terms sorted. Kept as flat number lists
  // and streamed through one reused row: ~90 postings per outcome made a tuple each before.
  const byTerm = new Map<string, number[]>();
  for (const r of [...rows].sort((a, b) => a.outcomeId - b.outcomeId)) {
    for (const [term, tf] of r.terms) {
      let list = byTerm.get(term);
      if (!list) byTerm.set(term, (list = []));
      list.push(r.outcomeId, tf, r.docLen);
    }
  }
  function* postings(): Generator<CopyValue[]> {
    const row: CopyValue[] = ['', 0, 0, 0];
    for (const term of [...byTerm.keys()].sort()) {
      const list = byTerm.get(term)!;
      row[0] = term;
      for (let i = 0; i < list.length; i += 3) {
        row[1] = list[i]!;
        row[2] = list[i + 1]!;
        row[3] = list[i + 2]!;
        yield row;
      }
    }
  }
  await copyRows(q, 'COPY outcome_terms (term, outcome_id, tf, doc_len)', ['text', 'int8', 'int4', 'int4'], postings());
}

/** Outcomes with no vector from the given model (all of them, or the first `limit`). */
export async function listUnembedded(q: Queryable, modelId: number, limit?: number): Promise<number[]> {
  const res = await q.query<{ outcome_id: string }>(
    `SELECT s.outcome_id FROM outcome_search s
     WHERE NOT EXISTS (SELECT 1 FROM outcome_vectors v WHERE v.outcome_id = s.outcome_id AND v.model_id = $1)
     ORDER BY s.outcome_id LIMIT $2`,
    [modelId, limit ?? null],
  );
  return res.rows.map((r) => Number(r.outcome_id));
}

/**
 * Stores the model's vectors of the given outcomes, replacing any they had; null or all zeros =
 * the model knows none of the outcome's terms (cosine is undefined there). Binary COPY: no
 * vector is parsed from text.
 */
export async function writeEmbeddings(q: Queryable, modelId: number, rows: readonly { outcomeId: number; vector: Float32Array | null }[]): Promise<void> {
  if (rows.length === 0) return;
  await q.query('DELETE FROM outcome_vectors WHERE outcome_id = ANY($1::bigint[])', [rows.map((r) => r.outcomeId)]);
  const usable = (v: Float32Array | null) => (v && v.some((x) => x !== 0) ? v : null);
  await copyRows(q, 'COPY outcome_vectors (outcome_id, model_id, embedding)', ['int8', 'int8', 'vector'], rows.map((r) => [r.outcomeId, modelId, usable(r.vector)]));
}

/** Removes every vector (before switching models), keeping the lexical index. */
export async function clearEmbeddings(q: Queryable): Promise<void> {
  await q.query('DELETE FROM outcome_vectors');
}

/** The lexical indexes of migration 003, by the names PostgreSQL gave them. */
const POSTINGS_KEY = 'outcome_terms_pkey';
const LEXEMES_INDEX = 'outcome_search_lexemes';

/** The statement triggers of migration 015 that keep term_stats in step with the postings. */
const TERM_STATS_TRIGGERS = ['outcome_terms_stats_added', 'outcome_terms_stats_removed'];

/**
 * Before a bulk load into an empty index: drops the postings key and the full-text GIN index,
 * which are built again afterwards by ensureLexicalIndexes (PostgreSQL's advice for populating a
 * database; 640,000 postings: 5.2 s loaded under the key, 0.8 s + 1.6 s for the key afterwards),
 * and pauses the document-frequency triggers (term_stats is counted once at the end: the triggers
 * were ~45 % of the server's work while postings loaded). Search counts what term_stats lacks.
 */
export async function dropLexicalIndexes(q: Queryable): Promise<void> {
  await q.exec(
    `ALTER TABLE outcome_terms DROP CONSTRAINT IF EXISTS ${POSTINGS_KEY}, ${TERM_STATS_TRIGGERS.map((t) => `DISABLE TRIGGER ${t}`).join(', ')};
     DROP INDEX IF EXISTS ${LEXEMES_INDEX};`,
  );
}

/**
 * Builds the postings key and the full-text GIN index when missing, and counts term_stats afresh
 * when its triggers are paused (after a bulk load, or one that was cut short). Returns whether it
 * did any of it.
 */
export async function ensureLexicalIndexes(q: Queryable): Promise<boolean> {
  const res = await q.query<{ indexname: string }>(
    `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ANY($1::text[])`,
    [[POSTINGS_KEY, LEXEMES_INDEX]],
  );
  const present = new Set(res.rows.map((r) => r.indexname));
  const paused = await q.query(`SELECT 1 FROM pg_trigger WHERE tgrelid = 'outcome_terms'::regclass AND tgenabled = 'D'`);
  if (present.size === 2 && paused.rows.length === 0) return false;
  await q.exec(
    // One simple-query message: one implicit transaction, so term_stats and its triggers change together.
    `SET maintenance_work_mem = '256MB';
     ${present.has(POSTINGS_KEY) ? '' : `ALTER TABLE outcome_terms ADD CONSTRAINT ${POSTINGS_KEY} PRIMARY KEY (term, outcome_id);`}
     ${present.has(LEXEMES_INDEX) ? '' : `CREATE INDEX ${LEXEMES_INDEX} ON outcome_search USING gin (lexemes);`}
     ${paused.rows.length === 0 ? '' : `LOCK TABLE outcome_terms IN SHARE MODE;
     DELETE FROM term_stats;
     INSERT INTO term_stats (term, df) SELECT term, count(*) FROM outcome_terms GROUP BY term;
     ALTER TABLE outcome_terms ${TERM_STATS_TRIGGERS.map((t) => `ENABLE TRIGGER ${t}`).join(', ')};`}
     RESET maintenance_work_mem;`,
  );
  return true;
}

const HNSW_INDEX = 'outcome_vectors_embedding_hnsw';

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
  const res = await q.query<{ n: number }>('SELECT count(embedding)::int AS n FROM outcome_vectors');
  const rows = res.rows[0]?.n ?? 0;
  const mb = Math.min(2_048, Math.max(64, Math.ceil((rows * (dim * 4 + 512) * 1.3) / 1_048_576)));
  await q.exec(
    `SET maintenance_work_mem = '${mb}MB';
     CREATE INDEX IF NOT EXISTS ${HNSW_INDEX} ON outcome_vectors USING hnsw ((embedding::vector(${dim})) vector_cosine_ops) WITH (m = 16, ef_construction = 64);
     RESET maintenance_work_mem;`,
  );
}

export async function hasVectorIndex(q: Queryable): Promise<boolean> {
  const res = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_indexes WHERE indexname = $1 AND schemaname = current_schema()`, [HNSW_INDEX]);
  return (res.rows[0]?.n ?? 0) > 0;
}

export async function countIndexed(q: Queryable): Promise<{ indexed: number; embedded: number }> {
  const res = await q.query<{ indexed: number; embedded: number }>(
    `SELECT (SELECT outcomes::int FROM search_stats) AS indexed, (SELECT count(embedding)::int FROM outcome_vectors) AS embedded`,
  );
  return res.rows[0] ?? { indexed: 0, embedded: 0 };
}

/** Refreshes planner statistics after a bulk load, so postings are read through their index. */
export async function analyzeSearchTables(q: Queryable): Promise<void> {
  await q.exec('ANALYZE outcomes; ANALYZE outcome_search; ANALYZE outcome_terms; ANALYZE term_stats; ANALYZE outcome_vectors; ANALYZE search_stats');
}
