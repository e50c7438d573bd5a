import type { Queryable } from '../db.js';
import { copyRows, CopyWriter, patchInt8 } from '../binaryCopy.js';

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

/**
 * Replaces the lexical search rows (lexemes, length, postings) of the given outcomes; their
 * vectors are written separately. `encoded`: the same rows' postings, encoded before the rows
 * had ids (encodePostings), with the id of each encoded row; without it they are encoded here.
 */
export async function writeSearchRows(
  q: Queryable,
  rows: readonly SearchRow[],
  encoded?: { postings: EncodedPostings; idOf: (row: number) => number },
): Promise<void> {
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
  if (encoded) {
    await copyPostings(q, encoded.postings, encoded.idOf);
  } else {
    // In outcome order within each term, so the postings key's B-tree is filled in order.
    const sorted = [...rows].sort((a, b) => a.outcomeId - b.outcomeId);
    await copyPostings(q, await encodePostings(sorted), (row) => sorted[row]!.outcomeId);
  }
}

/**
 * Postings as binary COPY payloads with the outcome id fields left to fill in (copyPostings):
 * imports encode a batch before its transaction opens, while the previous batch is written, and
 * only the ids are patched in once the rows have them.
 */
export interface EncodedPostings {
  /** Rows encoded. */
  rows: number;
  payloads: Buffer[];
  /** Per posting, in payload order: its row's position in the encoded rows, and its id field's offset in its payload. */
  row: Int32Array;
  at: Int32Array;
  /** Postings in payloads 0..p: payloadEnds[p] (exclusive). */
  payloadEnds: number[];
}

/** Postings encoded per `pause` call at most: imports let a batch being written take its turns in between. */
const ENCODE_SLICE = 20_000;

/**
 * Encodes the rows' postings in (term, row) order, so the key's B-tree is filled in order when
 * rows come in outcome order. Flat typed arrays, a counting sort by term rank (stable: rows are
 * taken in order), and every distinct term encoded to UTF-8 once, in one buffer: per-posting
 * arrays, maps and buffers made this a third of an import's time in JavaScript.
 */
export async function encodePostings(rows: readonly Pick<SearchRow, 'terms' | 'docLen'>[], pause?: () => Promise<void>): Promise<EncodedPostings> {
  const termIndex = new Map<string, number>();
  const terms: string[] = [];
  let n = 0;
  for (const r of rows) n += r.terms.size;
  const postingTerm = new Int32Array(n);
  const postingRow = new Int32Array(n);
  const tfs = new Int32Array(n);
  let p = 0;
  for (let i = 0; i < rows.length; i++) {
    for (const [term, tf] of rows[i]!.terms) {
      let t = termIndex.get(term);
      if (t === undefined) {
        t = terms.length;
        termIndex.set(term, t);
        terms.push(term);
      }
      postingTerm[p] = t;
      postingRow[p] = i;
      tfs[p++] = tf;
    }
  }
  const sorted = terms.map((_, t) => t).sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
  const rank = new Int32Array(terms.length);
  sorted.forEach((t, r) => (rank[t] = r));
  // Where each term's postings start in key order, and each term's bytes in one UTF-8 buffer.
  const next = new Int32Array(terms.length + 1);
  for (let i = 0; i < n; i++) next[rank[postingTerm[i]!]! + 1]!++;
  for (let r = 0; r < terms.length; r++) next[r + 1]! += next[r]!;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[rank[postingTerm[i]!]!]!++] = i;
  const utf8 = Buffer.from(sorted.map((t) => terms[t]).join('\n'));
  const w = new CopyWriter();
  const row = new Int32Array(n);
  const at = new Int32Array(n);
  const payloadEnds: number[] = [];
  let current = -1;
  let from = 0;
  let to = -1;
  for (let k = 0; k < n; k++) {
    if (pause && k > 0 && k % ENCODE_SLICE === 0) await pause();
    const i = order[k]!;
    if (postingTerm[i] !== current) {
      current = postingTerm[i]!;
      from = to + 1;
      to = utf8.indexOf(10, from);
      if (to < 0) to = utf8.length;
    }
    w.row(4);
    while (payloadEnds.length < w.payloadNumber) payloadEnds.push(k);
    w.utf8(utf8, from, to);
    row[k] = postingRow[i]!;
    at[k] = w.offset;
    w.int8(0);
    w.int4(tfs[i]!);
    w.int4(rows[postingRow[i]!]!.docLen);
  }
  const payloads = w.end();
  while (payloadEnds.length < payloads.length) payloadEnds.push(n);
  return { rows: rows.length, payloads, row, at, payloadEnds };
}

/** Fills in the outcome ids of encoded postings (`idOf(row)`) and copies them into outcome_terms. */
async function copyPostings(q: Queryable, e: EncodedPostings, idOf: (row: number) => number): Promise<void> {
  let k = 0;
  for (let p = 0; p < e.payloads.length; p++) {
    const payload = e.payloads[p]!;
    for (const end = e.payloadEnds[p]!; k < end; k++) patchInt8(payload, e.at[k]!, idOf(e.row[k]!));
    await q.copyFrom('COPY outcome_terms (term, outcome_id, tf, doc_len)', payload);
  }
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

/** The postings key of migration 003, by the name PostgreSQL gave it. */
const POSTINGS_KEY = 'outcome_terms_pkey';

/** The statement triggers of migration 015 that keep term_stats in step with the postings. */
const TERM_STATS_TRIGGERS = ['outcome_terms_stats_added', 'outcome_terms_stats_removed'];

/**
 * Before a bulk load into an empty index: drops the postings key, which is built again
 * afterwards by ensureLexicalIndexes (PostgreSQL's advice for populating a
 * database; 640,000 postings: 5.2 s loaded under the key, 0.8 s + 1.6 s for the key afterwards),
 * and pauses the document-frequency triggers (term_stats is counted once at the end: the triggers
 * were ~45 % of the server's work while postings loaded). Search counts what term_stats lacks.
 */
export async function dropLexicalIndexes(q: Queryable): Promise<void> {
  await q.exec(
    `ALTER TABLE outcome_terms DROP CONSTRAINT IF EXISTS ${POSTINGS_KEY}, ${TERM_STATS_TRIGGERS.map((t) => `DISABLE TRIGGER ${t}`).join(', ')};`,
  );
}

/**
 * Builds the postings key when missing, and counts term_stats afresh
 * when its triggers are paused (after a bulk load, or one that was cut short). Returns whether it
 * did any of it.
 */
export async function ensureLexicalIndexes(q: Queryable): Promise<boolean> {
  const res = await q.query<{ indexname: string }>(
    `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ANY($1::text[])`,
    [[POSTINGS_KEY]],
  );
  const keyed = res.rows.length > 0;
  const paused = await q.query(`SELECT 1 FROM pg_trigger WHERE tgrelid = 'outcome_terms'::regclass AND tgenabled = 'D'`);
  if (keyed && paused.rows.length === 0) return false;
  await q.exec(
    // One simple-query message: one implicit transaction, so term_stats and its triggers change together.
    `SET maintenance_work_mem = '256MB';
     ${keyed ? '' : `ALTER TABLE outcome_terms ADD CONSTRAINT ${POSTINGS_KEY} PRIMARY KEY (term, outcome_id);`}
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

/**
 * Refreshes planner statistics after a bulk load, so postings are read through their index:
 * the lexical tables, or the vectors (apart, because ANALYZE waits for an index build on the
 * same table to end, and the lexical tables need not wait for the vector index).
 */
export async function analyzeSearchTables(q: Queryable, side: 'lexical' | 'vectors'): Promise<void> {
  await q.exec(side === 'vectors' ? 'ANALYZE outcome_vectors' : 'ANALYZE outcomes; ANALYZE outcome_search; ANALYZE outcome_terms; ANALYZE term_stats; ANALYZE search_stats');
}
