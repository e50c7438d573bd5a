import type { Db, DbEngine, Queryable } from '../db.js';
import { CHUNK_BYTES, COPY_HEADER, copyRows, patchInt8 } from '../binaryCopy.js';

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

/** One outcome's tokens as ids into a dictionary of terms, with their counts, and its length in tokens. */
export interface PackedTerms {
  ids: Int32Array;
  counts: Int32Array;
  docLen: number;
}

/**
 * Outcomes' lexical search rows, encoded before they have ids (imports do it before a batch's
 * transaction opens, while the previous batch is written): each row's lexemes, and its
 * postings as binary COPY payloads whose outcome id fields are filled in by writeSearchRows.
 */
export interface EncodedSearchRows {
  lexemes: string[];
  docLens: number[];
  payloads: Buffer[];
  /** Per posting, in payload order: its row, and where its id field starts in its payload. */
  postingRow: Int32Array;
  idAt: Int32Array;
  /** Postings in payloads 0..p end at payloadEnds[p] (exclusive). */
  payloadEnds: number[];
}

/** Postings encoded between `pause` calls: an import lets the batch being written take its turns. */
const ENCODE_SLICE = 20_000;

/**
 * Encodes the rows' lexemes and postings. Postings of one term go together (a search reads a
 * term's postings from a few heap pages instead of one page each), in the order of the terms'
 * text when `keyOrder` (the postings key's B-tree is then filled in order; a bulk load builds
 * the key afterwards and skips that sort, a third of the encoding). A counting sort by term
 * rank, each distinct term encoded to UTF-8 once, and the COPY fields written byte by byte into
 * payloads sized up front (field-by-field Buffer writes made this a tenth of an import).
 */
export async function encodeSearchRows(
  rows: readonly PackedTerms[],
  dictionary: readonly string[],
  options: { keyOrder: boolean; pause?: () => Promise<void> },
): Promise<EncodedSearchRows> {
  const { pause } = options;
  let n = 0;
  for (const r of rows) n += r.ids.length;
  // The batch's distinct terms: dictionary id → local number (-1 while unseen).
  const local = new Int32Array(dictionary.length).fill(-1);
  const terms: number[] = [];
  const postingTerm = new Int32Array(n);
  const postingRow = new Int32Array(n);
  const tfs = new Int32Array(n);
  let p = 0;
  for (let i = 0; i < rows.length; i++) {
    const { ids, counts } = rows[i]!;
    for (let j = 0; j < ids.length; j++) {
      tfs[p] = counts[j]!;
      let t = local[ids[j]!]!;
      if (t < 0) {
        t = terms.length;
        local[ids[j]!] = t;
        terms.push(ids[j]!);
      }
      postingTerm[p] = t;
      postingRow[p++] = i;
    }
  }
  const text = terms.map((id) => dictionary[id]!);
  const ranked = text.map((_, t) => t); // in first-seen order
  if (options.keyOrder) ranked.sort((a, b) => (text[a]! < text[b]! ? -1 : text[a]! > text[b]! ? 1 : 0));
  const rank = new Int32Array(terms.length);
  ranked.forEach((t, r) => (rank[t] = r));
  const next = new Int32Array(terms.length + 1);
  for (let i = 0; i < n; i++) next[rank[postingTerm[i]!]! + 1]!++;
  for (let r = 0; r < terms.length; r++) next[r + 1]! += next[r]!;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[rank[postingTerm[i]!]!]!++] = i;
  // Each ranked term's UTF-8 bytes, one buffer; term r is utf8[from[r], from[r + 1] - 1).
  const utf8 = Buffer.from(ranked.map((t) => text[t]).join('\n') + '\n');
  const from = new Int32Array(terms.length + 1);
  for (let r = 0, at = 0; r < terms.length; r++) from[r + 1] = at = utf8.indexOf(10, at) + 1;
  // A posting's row: field count, then term, outcome id (int8), tf and doc_len (int4), each with its length.
  const termBytes = new Int32Array(terms.length);
  for (let r = 0; r < terms.length; r++) termBytes[r] = from[r + 1]! - from[r]! - 1;
  const payloadEnds: number[] = [];
  const sizes: number[] = [];
  let size = COPY_HEADER.length;
  for (let k = 0; k < n; k++) {
    if (size >= CHUNK_BYTES) {
      payloadEnds.push(k);
      sizes.push(size + 2);
      size = COPY_HEADER.length;
    }
    size += 34 + termBytes[rank[postingTerm[order[k]!]!]!]!;
  }
  payloadEnds.push(n);
  sizes.push(size + 2);
  const payloads: Buffer[] = [];
  const idAt = new Int32Array(n);
  const rowOf = new Int32Array(n);
  let k = 0;
  for (let pl = 0; pl < sizes.length; pl++) {
    const buf = Buffer.allocUnsafe(sizes[pl]!);
    let at = COPY_HEADER.copy(buf, 0);
    for (const end = payloadEnds[pl]!; k < end; k++) {
      if (pause && k > 0 && k % ENCODE_SLICE === 0) await pause();
      const i = order[k]!;
      const r = rank[postingTerm[i]!]!;
      const row = postingRow[i]!;
      const a = from[r]!;
      const len = termBytes[r]!;
      buf[at++] = 0;
      buf[at++] = 4;
      at = int32(buf, at, len);
      for (let j = a; j < a + len; j++) buf[at++] = utf8[j]!;
      rowOf[k] = row;
      idAt[k] = at;
      at += 12; // the id, filled in by writeSearchRows
      at = int32(buf, int32(buf, at, 4), tfs[i]!);
      at = int32(buf, int32(buf, at, 4), rows[row]!.docLen);
    }
    buf[at++] = 0xff; // trailer: field count -1
    buf[at++] = 0xff;
    payloads.push(buf);
  }
  const lexemes = rows.map((r) => {
    const words = new Array<string>(r.ids.length);
    for (let j = 0; j < words.length; j++) words[j] = dictionary[r.ids[j]!]!;
    return words.join(' ');
  });
  return { lexemes, docLens: rows.map((r) => r.docLen), payloads, postingRow: rowOf, idAt, payloadEnds };
}

function int32(buf: Buffer, at: number, v: number): number {
  buf[at] = v >>> 24;
  buf[at + 1] = (v >>> 16) & 0xff;
  buf[at + 2] = (v >>> 8) & 0xff;
  buf[at + 3] = v & 0xff;
  return at + 4;
}

/**
 * Replaces the lexical search rows (lexemes, length, postings) of outcomes: `ids[i]` is the
 * outcome of encoded row i. Their vectors are written separately.
 */
export async function writeSearchRows(q: Queryable, rows: EncodedSearchRows, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
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
    [ids, rows.lexemes, rows.docLens],
  );
  let k = 0;
  for (let p = 0; p < rows.payloads.length; p++) {
    const payload = rows.payloads[p]!;
    for (const end = rows.payloadEnds[p]!; k < end; k++) patchInt8(payload, rows.idAt[k]!, ids[rows.postingRow[k]!]!);
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

/** Document frequencies at hand: `df[i]` outcomes contain `terms[i]` (zeros are skipped). */
export interface DocumentFrequencies {
  terms: readonly string[];
  df: Int32Array;
}

/**
 * Builds the postings key when missing, and fills term_stats afresh when its triggers are paused
 * (after a bulk load, or one that was cut short): from what `known` gives when the caller has
 * every indexed outcome's counts (an import that loaded the whole index; counting 16.7 million
 * postings on the server took 3.3 s at 100,000 outcomes), else by counting the postings. `known`
 * is only asked then (working the frequencies out took ~50 ms at 100,000). Returns whether it did
 * any of it.
 */
export async function ensureLexicalIndexes(
  db: Db,
  known?: () => Promise<DocumentFrequencies | undefined>,
  /** Called once the long statement is on its way to the server (or when there is nothing to do). */
  onBuilding?: () => void,
): Promise<boolean> {
  const res = await db.query<{ indexname: string }>(
    `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ANY($1::text[])`,
    [[POSTINGS_KEY]],
  );
  const keyed = res.rows.length > 0;
  const paused = (await db.query(`SELECT 1 FROM pg_trigger WHERE tgrelid = 'outcome_terms'::regclass AND tgenabled = 'D'`)).rows.length > 0;
  if (keyed && !paused) {
    onBuilding?.();
    return false;
  }
  const frequencies = paused ? await known?.() : undefined;
  // One transaction: term_stats and its triggers change together. The key is built by one
  // process: this runs beside the offline model's fit, and parallel build workers took the fit's
  // core (10,000 outcomes on 2 cores: fit 4.4–5.9 s with them, 4.2 without; the key no slower).
  await db.transaction(async (tx) => {
    const building = tx.exec(`SET LOCAL maintenance_work_mem = '256MB'; SET LOCAL max_parallel_maintenance_workers = 0;
      ${keyed ? '' : `ALTER TABLE outcome_terms ADD CONSTRAINT ${POSTINGS_KEY} PRIMARY KEY (term, outcome_id);`}`);
    onBuilding?.();
    await building;
    if (!paused) return;
    await tx.exec('LOCK TABLE outcome_terms IN SHARE MODE; DELETE FROM term_stats;');
    if (frequencies) {
      const rows = frequencies.terms.flatMap((term, i) => (frequencies.df[i]! > 0 ? [[term, frequencies.df[i]!] as const] : []));
      await copyRows(tx, 'COPY term_stats (term, df)', ['text', 'int8'], rows);
    } else {
      await tx.exec('INSERT INTO term_stats (term, df) SELECT term, count(*) FROM outcome_terms GROUP BY term;');
    }
    await tx.exec(`ALTER TABLE outcome_terms ${TERM_STATS_TRIGGERS.map((t) => `ENABLE TRIGGER ${t}`).join(', ')};`);
  });
  return true;
}

/**
 * The precision the HNSW index holds the embeddings in. On a PostgreSQL server, half precision
 * (as pgvector suggests for indexing): a graph half the size, built and searched faster at the
 * same recall; at 100,000 outcomes (256-d) the build took 32 s instead of 42.5 s and a
 * 100-candidate scan 6.6 ms instead of 8.2 (mean, ef_search 300), with recall@10 against exact
 * full-precision search 0.977 against 0.962 (each build's graph differs). PGlite keeps full
 * precision: its WebAssembly build converts half floats in software, and at 50,000 outcomes the
 * half-precision build took 123 s instead of 31. Search ranks the candidates by the
 * full-precision cosine either way (searchQueries.ts).
 */
export type IndexedVectorType = 'vector' | 'halfvec';
export const indexedVectorType = (engine: DbEngine): IndexedVectorType => (engine === 'postgres' ? 'halfvec' : 'vector');

const HNSW_INDEX: Record<IndexedVectorType, string> = { vector: 'outcome_vectors_embedding_hnsw', halfvec: 'outcome_vectors_halfvec_hnsw' };

/** Drops the HNSW index (before a bulk load: inserting into it row by row is slow). */
export async function dropVectorIndex(q: Queryable): Promise<void> {
  await q.exec(`DROP INDEX IF EXISTS ${HNSW_INDEX.vector}; DROP INDEX IF EXISTS ${HNSW_INDEX.halfvec};`);
}

/**
 * Builds the cosine HNSW index over embeddings cast to the active model's dimension, in the
 * engine's precision (replacing one in the other precision, e.g. from before half precision), with
 * enough maintenance_work_mem for the graph to be built in memory (past it the build slows down a lot).
 */
export async function createVectorIndex(db: Queryable & { engine: DbEngine }, dim: number): Promise<void> {
  if (!Number.isInteger(dim) || dim < 1 || dim > 2000) throw new Error(`bad vector dimension ${dim}`);
  const type = indexedVectorType(db.engine);
  const res = await db.query<{ n: number }>('SELECT count(embedding)::int AS n FROM outcome_vectors');
  const rows = res.rows[0]?.n ?? 0;
  const bytes = type === 'halfvec' ? 2 : 4;
  const mb = Math.min(2_048, Math.max(64, Math.ceil((rows * (dim * bytes + 512) * 1.3) / 1_048_576)));
  await dropVectorIndex(db);
  await db.exec(
    `SET maintenance_work_mem = '${mb}MB';
     CREATE INDEX ${HNSW_INDEX[type]} ON outcome_vectors USING hnsw ((embedding::${type}(${dim})) ${type}_cosine_ops) WITH (m = 16, ef_construction = 64);
     RESET maintenance_work_mem;`,
  );
}

/** Whether the HNSW index exists in the engine's precision (an index of the other one counts as missing). */
export async function hasVectorIndex(db: Queryable & { engine: DbEngine }): Promise<boolean> {
  const res = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_indexes WHERE indexname = $1 AND schemaname = current_schema()`, [
    HNSW_INDEX[indexedVectorType(db.engine)],
  ]);
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
