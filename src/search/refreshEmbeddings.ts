import type { Db } from '../../storage/db.js';
import {
  analyzeSearchTables,
  clearEmbeddings,
  createVectorIndex,
  dropVectorIndex,
  ensureLexicalIndexes,
  hasVectorIndex,
  listUnembedded,
  listUnindexedOutcomeIds,
  loadIndexableOutcomes,
  writeEmbeddings,
} from '../../storage/repositories/searchIndex.js';
import { activeEmbeddingModel, countSearchRows, deleteInactiveModels, insertActiveModel } from '../../storage/repositories/searchModels.js';
import { embedderFor } from '../embeddings/activeEmbedder.js';
import type { EmbeddingSettings } from '../embeddings/embeddingSettings.js';
import type { CountTable } from '../embeddings/countTable.js';
import { fitOfflineModel } from '../embeddings/offlineEmbedder.js';
import { indexOutcomeText } from './indexOutcomes.js';
import { searchableText } from './searchableText.js';

export interface RefreshOptions {
  /** Fit a new offline model even if the corpus has not changed much. */
  refit?: boolean;
  /** Make the settings' provider/model the active one (re-embedding everything). */
  switchModel?: boolean;
  /** Refit the offline model when the corpus size moved by more than this fraction since the fit. */
  refitDrift?: number;
  /** More missing vectors than this: drop the HNSW index, embed, build it again. */
  rebuildThreshold?: number;
  /** Token counts already at hand (the import that just indexed them): the fit reads no postings back when they cover the index. */
  termCounts?: CountTable;
  onProgress?: (stage: string, done: number, total: number) => void;
  /** Called with the report when done (e.g. to log the stage timings). */
  onReport?: (report: RefreshReport) => void;
}

export interface RefreshReport {
  model: string;
  fitted: boolean;
  embedded: number;
  indexRebuilt: boolean;
  /** Seconds spent per stage (index, fit, embed, vector index, analyze). */
  seconds: Record<string, number>;
}

const PAGE = 1_000;

/**
 * Brings the search index up to date after imports or a model change: indexes any outcome still
 * without a lexical row, builds the lexical indexes a bulk load left out, fits the offline model
 * when there is none or the corpus changed a lot
 * (or on request), embeds every outcome not embedded by the active model, and (re)builds the HNSW
 * index (dropped first for a bulk load: inserting into it row by row is slow).
 */
export async function refreshEmbeddings(db: Db, settings: EmbeddingSettings, options: RefreshOptions = {}): Promise<RefreshReport> {
  const seconds: Record<string, number> = {};
  const since = (start: number) => Math.round((performance.now() - start) / 10) / 100;
  let mark = performance.now();
  const lap = (stage: string) => {
    seconds[stage] = since(mark);
    mark = performance.now();
  };
  for (let ids = await listUnindexedOutcomeIds(db, PAGE); ids.length > 0; ids = await listUnindexedOutcomeIds(db, PAGE)) {
    await db.transaction((tx) => indexOutcomeText(tx, ids));
  }
  lap('index');
  // The lexical indexes and the vectors do not depend on each other: on a PostgreSQL server the
  // indexes are built by the server while the model is fitted here (on PGlite they take turns).
  const started = performance.now();
  // An import that loaded the whole index has every outcome's counts: term_stats comes from them.
  const counts = options.termCounts;
  const known = async () => (counts && counts.size > 0 && counts.size === (await countSearchRows(db)) ? { terms: counts.terms, df: counts.documentFrequencies() } : undefined);
  // The fit holds this thread for seconds: the key's statement must be sent before it starts.
  let building!: () => void;
  const sent = new Promise<void>((resolve) => (building = resolve));
  const lexical = ensureLexicalIndexes(db, known, building).then(() => {
    seconds.lexical_index = since(started);
  });
  await Promise.race([sent, lexical]);
  const [, report] = await Promise.all([lexical, refreshVectors(db, settings, options, lap, seconds)]);
  options.onReport?.(report);
  return report;
}

/** The vector side of refreshEmbeddings: fit or refit, embed what is missing, (re)build the HNSW index. */
async function refreshVectors(
  db: Db,
  settings: EmbeddingSettings,
  options: RefreshOptions,
  lap: (stage: string) => void,
  seconds: Record<string, number>,
): Promise<RefreshReport> {
  const corpus = await countSearchRows(db);
  let model = await activeEmbeddingModel(db);
  const wantSwitch = options.switchModel && model && (model.provider !== settings.provider || (settings.provider === 'openai' && settings.model !== model.name));
  const drift = model?.provider === 'offline' && model.corpusSize ? Math.abs(corpus - model.corpusSize) / model.corpusSize : 0;
  const refit = (!model && settings.provider === 'offline') || (wantSwitch && settings.provider === 'offline') ||
    (model?.provider === 'offline' && (options.refit || drift > (options.refitDrift ?? 0.3)));
  let fitted: Awaited<ReturnType<typeof fitOfflineModel>> | undefined;
  if (corpus === 0 && !model) return { model: 'none', fitted: false, embedded: 0, indexRebuilt: false, seconds };
  if (refit) {
    options.onProgress?.('fitting the offline model', 0, corpus);
    fitted = await fitOfflineModel(db, settings.dim ? { dim: settings.dim } : {}, options.termCounts);
    if (!fitted && !model) return { model: 'none', fitted: false, embedded: 0, indexRebuilt: false, seconds };
    model = await activeEmbeddingModel(db);
    lap('fit');
  } else if (!model || wantSwitch) {
    if (!settings.model || !settings.dim) throw new Error('EMBEDDINGS_MODEL and EMBEDDINGS_DIM are required for the openai embeddings provider');
    await insertActiveModel(db, { provider: 'openai', name: settings.model, dim: settings.dim, params: { dimensions: settings.dim, baseURL: settings.baseURL ?? null } });
    model = await activeEmbeddingModel(db);
  }
  if (!model) throw new Error('no active embedding model');
  if (fitted || wantSwitch) {
    await dropVectorIndex(db);
    await clearEmbeddings(db);
  }

  // Every id to embed, once (re-listing them page by page rescans the table each time).
  const missing = await listUnembedded(db, model.id);
  // A new model may have another dimension than the index expression: always rebuild then.
  const rebuild = Boolean(fitted || wantSwitch) || missing.length > (options.rebuildThreshold ?? Math.max(2_000, corpus * 0.2)) || !(await hasVectorIndex(db));
  if (rebuild) await dropVectorIndex(db);
  const embedder = embedderFor(db, model, settings);
  let done = 0;
  for (let at = 0; at < missing.length; at += PAGE) {
    const ids = missing.slice(at, at + PAGE);
    let vectors: (Float32Array | null)[];
    if (fitted) {
      // The counts the model was just fitted on: no postings read back, no text tokenised again.
      vectors = ids.map(fitted.embedFitted);
    } else {
      const outcomes = await loadIndexableOutcomes(db, ids);
      const byId = new Map(outcomes.map((o) => [o.id, searchableText(o)]));
      vectors = await embedder.embedDocuments(ids.map((id) => byId.get(id) ?? ''));
    }
    await writeEmbeddings(db, model.id, ids.map((id, i) => ({ outcomeId: id, vector: vectors[i] ?? null })));
    done += ids.length;
    options.onProgress?.('embedding outcomes', done, missing.length);
  }
  lap('embed');
  if (rebuild) {
    options.onProgress?.('building the vector index', 0, 1);
    // On a PostgreSQL server the lexical tables are analysed while the index is built.
    await Promise.all([createVectorIndex(db, model.dim), analyzeSearchTables(db, 'lexical')]);
    lap('vector_index');
  }
  if (fitted || wantSwitch) await deleteInactiveModels(db);
  if (rebuild) {
    await analyzeSearchTables(db, 'vectors');
    lap('analyze');
  }
  return { model: `${model.provider} ${model.name}`, fitted: Boolean(fitted), embedded: done, indexRebuilt: rebuild, seconds };
}
