import { openPglite } from '../../../storage/pgliteDb.js';
import { openThrowawayPglite } from '../../../storage/throwawayPglite.js';
import { migrate } from '../../../storage/migrate.js';
import { ingestOutcomes } from '../../outcomes/ingest.js';
import { readOutcomeFile } from '../../outcomes/readers/readOutcomeFile.js';
import { createOutcomeIndexer } from '../outcomeIndexer.js';
import { queryExpanders } from '../queryExpanders.js';
import { searchOutcomes } from '../searchOutcomes.js';
import type { SearchMode } from '../searchQuery.js';
import type { SearchTuning } from '../searchTuning.js';
import { readJsonLines, readQrels, type BeirQuery } from './beirFiles.js';
import { scoreRanking, summarise, type QueryScores, type Summary } from './rankingMetrics.js';

export interface EvalOptions {
  corpus: string;
  queries: string;
  qrels: string;
  modes: SearchMode[];
  k: number;
  translate: string;
  /** A PGlite folder kept between runs: the corpus is imported only when the store holds no outcomes yet. */
  dataDir?: string;
  tuning?: Partial<SearchTuning>;
  /** Receives each mode's ranking of each query (top 100, best first), e.g. to write a TREC run file. */
  onRanking?: (mode: SearchMode, queryId: string, ranked: readonly { sourceId: string; score: number }[]) => void;
  onProgress?: (message: string) => void;
}

export type ModeReport = Summary & { by_kind?: Record<string, Summary> };

export interface EvalReport {
  mode: string;
  translate: string;
  seconds: number;
  index_seconds: number;
  corpus: number;
  byMode: Record<string, ModeReport>;
}

const HAN = /\p{Script=Han}/u;

/**
 * Runs a BEIR data set through the real pipeline: the corpus is imported into a throwaway
 * PGlite in a temporary folder (lexical index, offline model fitted, embeddings, HNSW), or into `dataDir`
 * once and reused by later runs; each judged query is searched in each mode, and nDCG/recall/MRR are averaged (per kind too when queries have one).
 */
export async function runEvaluation(o: EvalOptions): Promise<EvalReport> {
  const expander = queryExpanders[o.translate];
  if (!expander) throw new Error(`unknown --translate "${o.translate}" (known: ${Object.keys(queryExpanders).join(', ')})`);
  const started = performance.now();
  const qrels = await readQrels(o.qrels);
  const queries = (await readJsonLines<BeirQuery>(o.queries)).filter((q) => qrels.has(q._id));
  const db = o.dataDir ? await openPglite(o.dataDir) : await openThrowawayPglite();
  try {
    await migrate(db);
    const held = o.dataDir ? Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM outcomes')).rows[0]?.n ?? 0) : 0;
    let imported = held;
    if (held === 0) {
      o.onProgress?.('importing the corpus');
      const summary = await ingestOutcomes(db, readOutcomeFile(o.corpus, { format: 'beir' }), {
        source: 'eval',
        batchSize: 1_000,
        actor: 'eval',
        indexer: createOutcomeIndexer({ provider: 'offline' }, { onProgress: (stage) => o.onProgress?.(stage) }),
      });
      imported = summary.added + summary.updated + summary.unchanged;
    } else {
      o.onProgress?.(`reusing the ${held} outcomes already in ${o.dataDir}`);
    }
    const indexSeconds = (performance.now() - started) / 1000;
    const byMode: Record<string, ModeReport> = {};
    const expansions = new Map<string, Awaited<ReturnType<typeof expander>>>();
    for (const q of queries) expansions.set(q._id, await expander(q.text, typeof q.lang === 'string' ? q.lang : HAN.test(q.text) ? 'zh' : 'en', { db }));
    for (const mode of o.modes) {
      o.onProgress?.(`searching (${mode})`);
      const all: QueryScores[] = [];
      const byKind = new Map<string, QueryScores[]>();
      for (const q of queries) {
        const results = await searchOutcomes({ db, tuning: o.tuning }, { text: q.text, ...expansions.get(q._id), mode, limit: Math.max(100, o.k) })
          .catch((err: unknown) => {
            if (err instanceof Error && err.name === 'UserFacingError') return []; // e.g. a query of stop words only
            throw err;
          });
        o.onRanking?.(mode, q._id, results.map((r) => ({ sourceId: r.sourceId, score: r.explanation.scores.fused })));
        const s = scoreRanking(results.map((r) => r.sourceId), qrels.get(q._id)!, o.k);
        all.push(s);
        if (typeof q.kind === 'string') byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), s]);
      }
      byMode[mode] = {
        ...summarise(all, o.k),
        ...(byKind.size > 0 ? { by_kind: Object.fromEntries([...byKind].sort().map(([k, v]) => [k, summarise(v, o.k)])) } : {}),
      };
    }
    return {
      mode: o.modes.length === 1 ? o.modes[0]! : 'all',
      translate: o.translate,
      seconds: round((performance.now() - started) / 1000),
      index_seconds: round(indexSeconds),
      corpus: imported,
      byMode,
    };
  } finally {
    await db.close();
  }
}

const round = (x: number) => Math.round(x * 10) / 10;
