import type { Db, Queryable } from '../../storage/db.js';
import { countSearchRows, insertActiveModel, insertModelTerms, loadModelTerms, streamPostings, type EmbeddingModelRow } from '../../storage/repositories/searchModels.js';
import { termCounts, tokenizeText } from '../search/tokenizeText.js';
import type { WeightedTerm } from '../search/searchQuery.js';
import { queryTokens, tokenWeights } from '../search/queryTokens.js';
import type { Embedder } from './embedder.js';
import { CountTable } from './countTable.js';
import { addScaled, fitLsa, foldIn, LSA_DEFAULTS, normalised, termWeight, type LsaModel, type LsaOptions } from './lsaModel.js';

interface TermRow {
  idf: number;
  vec: Float32Array;
}

/**
 * Fits the offline LSA model on the token counts of every indexed outcome and stores it as the
 * active model. `known` (counts the caller already has, e.g. from the import that just indexed
 * them) spares reading the postings back when it covers the whole index. Returns the new
 * model's row id, its dimension and an embedder of the outcomes it was fitted on.
 */
export async function fitOfflineModel(
  db: Db,
  options: LsaOptions = {},
  known?: CountTable,
): Promise<{ modelId: number; dim: number; embedFitted: (outcomeId: number) => Float32Array } | undefined> {
  let counts: CountTable;
  if (known && known.size > 0 && known.size === (await countSearchRows(db))) {
    counts = known;
  } else {
    counts = new CountTable();
    for await (const page of streamPostings(db)) for (const d of page) counts.set(d.outcomeId, d.terms);
  }
  const model = fitLsa(counts, options);
  // A handful of documents shares no term twice: no latent axis to fit, search stays lexical.
  if (model.dim === 0) return undefined;
  const settings = { ...LSA_DEFAULTS, ...options };
  const modelId = await db.transaction(async (tx) => {
    const id = await insertActiveModel(tx, {
      provider: 'offline',
      name: `lsa-${model.dim}`,
      dim: model.dim,
      params: { method: 'LSA: randomized truncated SVD of sublinear TF-IDF', ...settings, vocabulary: model.terms.length },
      corpusSize: counts.size,
    });
    await insertModelTerms(tx, id, { terms: model.terms, idf: model.idf, vectors: model.projection, dim: model.dim });
    return id;
  });
  return { modelId, dim: model.dim, embedFitted: fittedEmbedder(model, counts) };
}

/**
 * Embeds the outcomes a model was just fitted on from their packed counts: the same sublinear
 * TF × IDF fold-in as embedCounts, reading term rows by id instead of looking up each term.
 */
function fittedEmbedder(model: LsaModel, table: CountTable): (outcomeId: number) => Float32Array {
  const rowOf = new Int32Array(table.terms.length).fill(-1);
  model.terms.forEach((t, row) => {
    const id = table.termId(t);
    if (id !== undefined) rowOf[id] = row;
  });
  const { dim, idf, projection } = model;
  const sum = new Float64Array(dim);
  return (outcomeId) => {
    sum.fill(0);
    const counts = table.row(outcomeId);
    if (counts) {
      for (let p = 0; p < counts.ids.length; p++) {
        const row = rowOf[counts.ids[p]!]!;
        const c = counts.counts[p]!;
        if (row >= 0 && c > 0) addScaled(sum, termWeight(c, idf[row]!), projection, row * dim, dim);
      }
    }
    return normalised(sum);
  };
}

/** Embeds token counts with an in-memory vocabulary (sublinear TF × IDF folded into the latent space). */
function embedCounts(vocabulary: ReadonlyMap<string, TermRow>, counts: ReadonlyMap<string, number>, dim: number): Float32Array {
  const entries: { weight: number; vector: Float32Array }[] = [];
  for (const [t, c] of counts) {
    const row = vocabulary.get(t);
    if (row && c > 0) entries.push({ weight: termWeight(c, row.idf), vector: row.vec });
  }
  return foldIn(entries, dim);
}

/** A query's token counts: the text's tokens, plus expansion terms at their weights (as the lexical search counts them). */
export function weightedCounts(text: string, extra: readonly WeightedTerm[] = []): Map<string, number> {
  return tokenWeights(queryTokens(text, extra));
}

/**
 * The offline embedder over a stored model: a query loads only its own terms' rows; document
 * batches load the whole vocabulary once.
 */
export function createOfflineEmbedder(q: Queryable, model: EmbeddingModelRow): Embedder & { embedTermCounts(c: ReadonlyMap<string, number>): Promise<Float32Array | null> } {
  let whole: Map<string, TermRow> | undefined;
  const toRows = (rows: { term: string; idf: number; vec: Float32Array }[]) => new Map(rows.map((r) => [r.term, { idf: r.idf, vec: r.vec }]));
  const nonZero = (v: Float32Array) => (v.some((x) => x !== 0) ? v : null);
  return {
    provider: 'offline',
    modelId: model.id,
    name: model.name,
    dim: model.dim,
    async embedDocuments(texts) {
      whole ??= toRows(await loadModelTerms(q, model.id));
      return texts.map((t) => nonZero(embedCounts(whole!, termCounts(tokenizeText(t)), model.dim)));
    },
    async embedQuery(text, extraTerms) {
      return this.embedTermCounts(weightedCounts(text, extraTerms));
    },
    async embedTermCounts(counts) {
      const vocab = whole ?? toRows(await loadModelTerms(q, model.id, [...counts.keys()]));
      return nonZero(embedCounts(vocab, counts, model.dim));
    },
  };
}
