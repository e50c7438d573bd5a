import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Db } from '../storage/db.js';
import { openThrowawayPglite } from '../storage/throwawayPglite.js';
import { openScratchSchema } from '../storage/scratchSchema.js';
import { migrate } from '../storage/migrate.js';
import { nearestOutcomeIds } from '../storage/repositories/searchQueries.js';
import { activeEmbeddingModel } from '../storage/repositories/searchModels.js';
import { ingestOutcomes } from '../src/outcomes/ingest.js';
import type { SourceRow } from '../src/outcomes/readers/sourceRow.js';
import { createOutcomeIndexer } from '../src/search/outcomeIndexer.js';
import { searchOutcomes } from '../src/search/searchOutcomes.js';
import { searchExpansion } from '../src/translate/searchExpansion.js';
import { loadOfflineLexicons } from '../src/translate/lexicon/offlineLexicons.js';
import { DEFAULT_TUNING } from '../src/search/searchTuning.js';
import { readJsonLines, type BeirDoc, type BeirQuery } from '../src/search/eval/beirFiles.js';
import { embedderFor } from '../src/embeddings/activeEmbedder.js';
import { vectorText } from '../src/embeddings/vectorText.js';
import { CliExit, EXIT } from '../src/cli/exitCodes.js';
import { seededRandom } from '../src/events/scheduler/seededRandom.js';
import { SHARED_DATA_DIR } from './sharedDir.js';

interface Run {
  engine: string;
  size: number;
  ingest_s: number;
  ingest_per_s: number;
  p50_ms: number;
  /** Latency of the first pass over the queries, right after the import. */
  p95_ms: number;
  /** Latency of a second pass over the same queries. */
  p95_warm_ms: number;
  /**
   * Latency of /search as chat runs it: the offline translation of the words into the other
   * language (searchExpansion), then the search with those terms added (third pass).
   */
  p50_translated_ms: number;
  p95_translated_ms: number;
  'recall@10': number;
  /** Share of exhaustive BM25's top ten that BM25 with the postings budget also returns. */
  'bm25_recall@10': number;
  rss_mb: number;
}

/**
 * Real outcome texts (patents, Chinese papers, arXiv, PubMed) and, past their number, synthetic
 * ones made of sentences from three real texts of the same language, so vocabulary, lengths and
 * vectors look like a real store.
 */
export async function* corpusRows(size: number): AsyncGenerator<SourceRow> {
  const docs: BeirDoc[] = [];
  for (const f of ['outcomes_mixed/corpus.jsonl.gz', 'nfcorpus/corpus.jsonl.gz']) {
    if (existsSync(`${SHARED_DATA_DIR}/${f}`)) docs.push(...(await readJsonLines<BeirDoc>(`${SHARED_DATA_DIR}/${f}`)));
  }
  if (docs.length === 0) throw new CliExit(EXIT.usage, `No corpus found under ${SHARED_DATA_DIR} (set LIAISON_DATA_DIR).`);
  const rand = seededRandom(7);
  const split = (t: string) => t.match(/[^.!?。！？]+[.!?。！？]?/gu) ?? [t];
  const kinds = ['patent', 'paper', 'project', 'capability', 'instrument'];
  const regions = ['CN', 'US', 'EP', 'WO', 'JP', 'DE'];
  for (let i = 0; i < size; i++) {
    const base = docs[i % docs.length]!;
    let text = base.text ?? '';
    let title = base.title ?? '';
    if (i >= docs.length) {
      const zh = /\p{Script=Han}/u.test(text);
      const parts: string[] = [];
      for (let j = 0; j < 3; j++) {
        let other = docs[Math.floor(rand() * docs.length)]!;
        for (let tries = 0; tries < 5 && /\p{Script=Han}/u.test(other.text ?? '') !== zh; tries++) other = docs[Math.floor(rand() * docs.length)]!;
        const s = split(other.text ?? '');
        parts.push(...s.slice(0, 1 + Math.floor(rand() * s.length)));
      }
      text = parts.join(zh ? '' : ' ');
      title = '';
    }
    yield {
      line: i + 1,
      record: {
        sourceId: `BENCH-${i}`,
        kind: kinds[i % kinds.length],
        title: title || text.slice(0, 80) || `Outcome ${i}`,
        abstract: text,
        institution: `Institution ${i % 97}`,
        year: 2005 + (i % 20),
        trl: 1 + (i % 9),
        region: regions[i % regions.length],
        language: /\p{Script=Han}/u.test(text) ? 'zh' : 'en',
      },
    };
  }
}

export async function queries(n: number): Promise<string[]> {
  const out: string[] = [];
  for (const f of ['enterprise_needs/queries.jsonl', 'nfcorpus/queries.jsonl']) {
    if (existsSync(`${SHARED_DATA_DIR}/${f}`)) out.push(...(await readJsonLines<BeirQuery>(`${SHARED_DATA_DIR}/${f}`)).map((q) => q.text));
  }
  return Array.from({ length: n }, (_, i) => out[i % out.length]!);
}

async function openEngine(engine: string): Promise<Db> {
  return engine === 'pglite' ? openThrowawayPglite() : openScratchSchema(process.env.DATABASE_URL!, 'bench');
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

async function runOne(engine: string, size: number, nQueries: number): Promise<Run> {
  const db = await openEngine(engine);
  let peak = process.memoryUsage().rss;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  try {
    await migrate(db);
    const t0 = performance.now();
    await ingestOutcomes(db, corpusRows(size), { source: 'bench', actor: 'bench', batchSize: 1_000, indexer: createOutcomeIndexer({ provider: 'offline' }, { onReport: (r) => process.stderr.write(`search bench: ${engine}, ${size}: finish stages (s) ${JSON.stringify(r.seconds)}\n`) }), onProgress: (d) => d % 5_000 === 0 && sample() });
    const ingestS = (performance.now() - t0) / 1000;
    sample();
    const texts = await queries(nQueries);
    /** Milliseconds of each search, query text in, explained results out. */
    const plainSearch = async (text: string) => void (await searchOutcomes({ db }, { text, limit: 10 }));
    const timeSearches = async (batch: string[], search = plainSearch) => {
      const ms: number[] = [];
      for (const text of batch) {
        const t = performance.now();
        await search(text);
        ms.push(performance.now() - t);
      }
      return ms;
    };
    await timeSearches(texts.slice(0, 3)); // warm-up
    const ms = await timeSearches(texts);
    // The same queries once more: steady state, with their postings and graph pages in memory
    // (the first pass pays for reading them after the import, ~9 ms of p95 at 100k outcomes).
    const warm = await timeSearches(texts);
    loadOfflineLexicons(); // as a chat server does at start (a few seconds, once)
    const translated = await timeSearches(texts, async (text) => {
      const expansion = await searchExpansion(db, text);
      await searchOutcomes({ db }, { text, ...expansion.query, limit: 10 });
    });
    sample();
    const model = (await activeEmbeddingModel(db))!;
    const embedder = embedderFor(db, model, { provider: 'offline' });
    let hit = 0;
    let total = 0;
    for (const text of texts.slice(0, Math.min(50, texts.length))) {
      const v = await embedder.embedQuery(text);
      const vt = v && vectorText(v);
      if (!vt) continue;
      // The index as search reads it: the same candidate list (ef_search).
      const approx = new Set(await nearestOutcomeIds(db, vt, model.dim, 10, { efSearch: DEFAULT_TUNING.efSearch }));
      const exact = await nearestOutcomeIds(db, vt, model.dim, 10, { exact: true });
      hit += exact.filter((id) => approx.has(id)).length;
      total += exact.length;
    }
    // The postings budget against exhaustive BM25 (lexical mode, same queries).
    let bm25Hit = 0;
    let bm25Total = 0;
    for (const text of texts.slice(0, Math.min(50, texts.length))) {
      const ids = async (postingsBudget: number) => (await searchOutcomes({ db, tuning: { postingsBudget } }, { text, limit: 10, mode: 'lexical' })).map((r) => r.id);
      const budgeted = new Set(await ids(DEFAULT_TUNING.postingsBudget));
      const exhaustive = await ids(Number.MAX_SAFE_INTEGER);
      bm25Hit += exhaustive.filter((id) => budgeted.has(id)).length;
      bm25Total += exhaustive.length;
    }
    return {
      engine,
      size,
      ingest_s: r1(ingestS),
      ingest_per_s: Math.round(size / ingestS),
      p50_ms: r1(pct(ms, 50)),
      p95_ms: r1(pct(ms, 95)),
      p95_warm_ms: r1(pct(warm, 95)),
      p50_translated_ms: r1(pct(translated, 50)),
      p95_translated_ms: r1(pct(translated, 95)),
      'recall@10': total ? Math.round((hit / total) * 1000) / 1000 : 0,
      'bm25_recall@10': bm25Total ? Math.round((bm25Hit / bm25Total) * 1000) / 1000 : 0,
      rss_mb: Math.round(peak / 1_048_576),
    };
  } finally {
    await db.close();
  }
}

/** One cell by the same command in a child process: its JSON line's run. */
function runInChild(engine: string, size: number, nQueries: number): Promise<Run> {
  const args = [...process.execArgv, process.argv[1]!, 'bench', 'search', '--engine', engine, '--size', String(size), '--queries', String(nQueries)];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) return reject(new Error(`search bench cell ${engine} ${size} failed (exit ${code})`));
      resolvePromise((JSON.parse(last) as { runs: Run[] }).runs[0]!);
    });
  });
}

/**
 * `liaison bench search [--size N[,N…]] [--queries 100]`: import (lexical index, offline
 * model fit, embeddings, HNSW build) and end-to-end hybrid search latency on PGlite, and on
 * PostgreSQL too when DATABASE_URL is set; HNSW recall@10 against exact search; BM25 under the
 * postings budget against exhaustive BM25; peak RSS.
 */
export async function searchBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { size: { type: 'string' }, queries: { type: 'string', default: '100' }, engine: { type: 'string' } }, strict: false });
  // Without --size: the cells, 10k and 50k outcomes on PGlite, 10k and 100k on PostgreSQL.
  const defaultSizes: Record<string, number[]> = { pglite: [10_000, 50_000], postgres: [10_000, 100_000] };
  const given = values.size === undefined ? undefined : String(values.size).split(',').map(Number);
  const nQueries = Number(values.queries);
  if ((given && given.some((s) => !Number.isInteger(s) || s < 10 || s > 1_000_000)) || !Number.isInteger(nQueries) || nQueries < 1) {
    throw new CliExit(EXIT.usage, 'Usage: liaison bench search [--size N[,N…]] [--queries N] [--engine pglite|postgres]');
  }
  const engines = values.engine ? [String(values.engine)] : ['pglite', ...(process.env.DATABASE_URL ? ['postgres'] : [])];
  const cells = engines.flatMap((engine) => (given ?? defaultSizes[engine] ?? [10_000]).map((size) => ({ engine, size })));
  const runs: Run[] = [];
  for (const { engine, size } of cells) {
    process.stderr.write(`search bench: ${engine}, ${size} outcomes…\n`);
    // Several cells: each in a process of its own, so one cell's peak memory and leftover garbage
    // do not show in the next (a 10k cell after a 50k one read 1,003 MB and imported 978/s; alone, 470 MB and 1,096–1,122/s).
    runs.push(cells.length > 1 ? await runInChild(engine, size, nQueries) : await runOne(engine, size, nQueries));
  }
  const cols = ['engine', 'size', 'ingest_s', 'ingest_per_s', 'p50_ms', 'p95_ms', 'p95_warm_ms', 'p50_translated_ms', 'p95_translated_ms', 'recall@10', 'bm25_recall@10', 'rss_mb'] as const;
  const width = (c: string) => Math.max(15, c.length + 2);
  process.stdout.write(`${cols.map((c) => c.padStart(width(c))).join('')}\n`);
  for (const r of runs) process.stdout.write(`${cols.map((c) => String(r[c]).padStart(width(c))).join('')}\n`);
  const last = runs[runs.length - 1]!;
  process.stdout.write(`${JSON.stringify({ bench: 'search', ...last, runs })}\n`);
}
