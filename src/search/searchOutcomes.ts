import type { Db } from '../../storage/db.js';
import { hybridSearch, tuneVectorScan, vectorExtensionVersion, type HybridRow } from '../../storage/repositories/searchQueries.js';
import { activeEmbeddingModel } from '../../storage/repositories/searchModels.js';
import { UserFacingError } from '../errors.js';
import { embedderFor } from '../embeddings/activeEmbedder.js';
import { DEFAULT_EMBEDDINGS, type EmbeddingSettings } from '../embeddings/embeddingSettings.js';
import { weightedCounts } from '../embeddings/offlineEmbedder.js';
import { vectorText } from '../embeddings/vectorText.js';
import { bestEvidence, displayTerms } from './bestEvidence.js';
import type { SearchQuery } from './searchQuery.js';
import type { SearchResult } from './searchResult.js';
import { DEFAULT_TUNING, type SearchTuning } from './searchTuning.js';
import { validateQuery } from './validateSearch.js';

export interface SearchDeps {
  db: Db;
  embeddings?: EmbeddingSettings;
  tuning?: Partial<SearchTuning>;
  /** Told when the dense side had to be skipped (e.g. the embeddings endpoint is down). */
  onWarning?: (message: string, err?: unknown) => void;
}

const iterativeScan = new WeakMap<Db, boolean>();

/**
 * Searches outcomes: BM25 and embedding candidates under the query's filters, fused, capped per
 * institution, each with an explanation. Empty queries and impossible filters throw a
 * UserFacingError; a failing embeddings endpoint degrades to lexical results.
 */
export async function searchOutcomes(deps: SearchDeps, query: SearchQuery): Promise<SearchResult[]> {
  validateQuery(query);
  const tuning = { ...DEFAULT_TUNING, ...deps.tuning };
  const mode = query.mode ?? 'hybrid';
  const limit = query.limit ?? 10;
  const counts = weightedCounts(query.text ?? '', query.lexicalTerms);
  const terms = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, tuning.maxQueryTerms)
    .map(([term, weight]) => ({ term, weight }));
  const denseText = query.denseText?.trim() || query.text || '';
  if (terms.length === 0 && !(mode === 'dense' && query.denseText?.trim())) {
    throw new UserFacingError(
      'search_empty',
      'There is nothing to search for in that text.',
      'Use a few words that describe the technology or problem, e.g. /search waste heat recovery kiln.',
    );
  }
  const { db } = deps;
  const model = mode === 'lexical' ? undefined : await activeEmbeddingModel(db);
  let vector: string | null = null;
  if (model) {
    try {
      const embedder = embedderFor(db, model, deps.embeddings ?? DEFAULT_EMBEDDINGS);
      const v = await embedder.embedQuery(denseText, query.lexicalTerms);
      vector = v ? vectorText(v) : null;
    } catch (err) {
      deps.onWarning?.('the embeddings provider failed; showing lexical results only', err);
    }
  }
  if (mode === 'dense' && vector === null && terms.length === 0) return [];
  let iterative = iterativeScan.get(db);
  if (iterative === undefined) {
    const v = (await vectorExtensionVersion(db)) ?? '0';
    const [maj = 0, min = 0] = v.split('.').map(Number);
    iterative = maj > 0 || min >= 8;
    iterativeScan.set(db, iterative);
  }
  const pool = Math.max(tuning.pool, limit);
  const rows = await db.transaction(async (tx) => {
    if (vector) await tuneVectorScan(tx, pool, iterative);
    return hybridSearch(tx, {
      terms,
      vector,
      modelId: model?.id ?? null,
      dim: model?.dim ?? 1,
      filters: { ...query.filters, excludeIds: query.excludeOutcomeIds },
      pool,
      limit,
      useLexical: mode !== 'dense',
      useDense: mode !== 'lexical',
      k1: tuning.k1,
      b: tuning.b,
      fusion: mode === 'hybrid' ? tuning.fusion : 'convex',
      denseWeight: mode === 'lexical' ? 0 : mode === 'dense' ? 1 : tuning.denseWeight,
      rrfK: tuning.rrfK,
      maxPerInstitution: tuning.maxPerInstitution,
    });
  });
  return rows.map((r, i) => toResult(r, i + 1, counts));
}

function toResult(r: HybridRow, rank: number, queryCounts: ReadonlyMap<string, number>): SearchResult {
  const n = Math.max(r.corpus_size, 1);
  const weights = new Map<string, number>();
  for (const t of r.matched ?? []) {
    const df = r.dfs?.[t] ?? 1;
    weights.set(t, (queryCounts.get(t) ?? 1) * Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  }
  const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
  return {
    id: r.id,
    sourceId: r.source_id,
    kind: r.kind,
    title: r.title,
    abstract: r.abstract,
    institution: opt(r.institution),
    disciplines: r.disciplines,
    keywords: r.keywords,
    year: opt(r.year),
    trl: opt(r.trl),
    ipStatus: opt(r.ip_status),
    region: opt(r.region),
    url: opt(r.url),
    language: r.language,
    explanation: {
      matchedTerms: displayTerms([...(r.matched ?? [])].sort((a, b) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0))),
      evidence: bestEvidence(r.title, r.abstract, weights),
      scores: {
        lexical: r.lexical === null ? null : round(r.lexical),
        dense: r.dense === null ? null : round(r.dense),
        fused: round(r.fused),
        ranks: { lexical: r.lexical_rank, dense: r.dense_rank, final: rank },
      },
    },
  };
}

const round = (x: number) => Math.round(Number(x) * 10_000) / 10_000;
