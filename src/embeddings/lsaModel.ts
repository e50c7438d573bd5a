import type { CountTable } from './countTable.js';
import { availableParallelism } from 'node:os';
import { withKernels } from './kernelPool.js';
import { randomizedSvd, type SparseRows } from './randomizedSvd.js';
import { isCharacterBigram } from '../search/tokenizeText.js';

/**
 * The built-in offline embedding model: latent semantic analysis, i.e. a truncated SVD of the
 * corpus's TF-IDF matrix. A text is embedded by folding its TF-IDF vector into the latent space
 * (x·V·Σ^-α) and normalising, so documents and queries are embedded the same way.
 */
export interface LsaModel {
  terms: string[];
  idf: Float32Array;
  /** terms.length × dim, row-major: each term's latent vector (already scaled by Σ^-α). */
  projection: Float32Array;
  dim: number;
}

export interface LsaOptions {
  dim?: number;
  /** Largest vocabulary kept (most frequent terms by document frequency). */
  maxTerms?: number;
  minDf?: number;
  /** Exponent α of the Σ^-α scaling of the latent axes (0 = plain fold-in, 1 = whitened). */
  sigmaPower?: number;
  /**
   * Most documents the SVD is fitted on: a larger corpus is sampled evenly (vocabulary and IDF
   * still come from every document), since the SVD's cost grows with the rows. Measured with
   * `liaison eval`: fitting the 13,953 mixed outcomes on an even 5,000 of them scored as well as
   * on all (hybrid nDCG@10 0.410 vs 0.400 on the enterprise needs, none translation).
   */
  maxFitDocs?: number;
  /**
   * Power iterations of the randomized SVD. One is enough for LSA: with two, NFCorpus dense
   * nDCG@10 was 0.311, with one 0.316 (hybrid 0.348 / 0.346), at a third less fitting time.
   */
  powerIterations?: number;
}

/**
 * Multiply-adds of one sparse product (nonzeros × columns) from which a fit uses two threads:
 * below it, starting the helper (~0.2 s) costs more than it saves.
 */
const PARALLEL_WORK = 20_000_000;

export const LSA_DEFAULTS = { dim: 256, maxTerms: 40_000, minDf: 2, sigmaPower: 0.5, maxFitDocs: 5_000, powerIterations: 1 } as const;

export function fitLsa(table: CountTable, options: LsaOptions = {}): LsaModel {
  const { dim, maxTerms, minDf, sigmaPower, maxFitDocs, powerIterations } = { ...LSA_DEFAULTS, ...options };
  const df = table.documentFrequencies();
  const n = table.size;
  // The full text's character bigrams ("_冷库", its safety net for segmentation mistakes) stay out
  // of the latent model: they repeat the jieba words they overlap, doubled every Chinese outcome's
  // entries in the SVD and took 63 % of the vocabulary on the bundled sample. Without them, on the
  // enterprise needs (fresh import, offline translation): hybrid nDCG@10 0.560 → 0.563, recall@100
  // 0.722 → 0.717, dense 0.344 → 0.328 / 0.506 → 0.525; NFCorpus unchanged (no Chinese); the 10k
  // PostgreSQL import's fit 3.4–4.2 → 2.4–2.7 s (bench/MEASUREMENTS.md).
  const kept = [...df.keys()]
    .filter((id) => df[id]! >= minDf && df[id]! < n && !isCharacterBigram(table.terms[id]!)) // a term in every document carries no signal
    .sort((a, b) => df[b]! - df[a]! || (table.terms[a]! < table.terms[b]! ? -1 : 1))
    .slice(0, maxTerms);
  const terms = kept.map((id) => table.terms[id]!);
  /** Table term id → model row, or -1. */
  const index = new Int32Array(table.terms.length).fill(-1);
  kept.forEach((id, row) => (index[id] = row));
  const idf = Float32Array.from(kept, (id) => Math.log((n + 1) / (df[id]! + 1)) + 1);
  const rows = [...table.rows()];
  const fitDocs = n > maxFitDocs ? Array.from({ length: maxFitDocs }, (_, j) => rows[Math.floor((j * n) / maxFitDocs)]!) : rows;
  const nonzeros = fitDocs.reduce((a, d) => a + d.ids.length, 0);
  // A large fit shares its products with a helper thread (started now, while the matrix is built).
  const svd = withKernels(availableParallelism() > 1 && nonzeros * (dim + 16) >= PARALLEL_WORK, (kernels) => {
    const matrix = tfidfRows(fitDocs, index, idf);
    // Half the documents at most: with as many axes as documents the last ones are rounding noise.
    return randomizedSvd(matrix, Math.max(1, Math.min(dim, terms.length, Math.floor(fitDocs.length / 2))), { powerIterations, kernels });
  });
  const k = svd.k;
  const projection = new Float32Array(terms.length * k);
  // Axes with (numerically) no variance would be blown up by Σ^-α: they get no weight.
  const scale = Float64Array.from(svd.sigma, (s) => (s > svd.sigma[0]! * 1e-4 ? s ** -sigmaPower : 0));
  for (let at = 0; at < projection.length; at += k) for (let c = 0; c < k; c++) projection[at + c] = svd.v[at + c]! * scale[c]!;
  return { terms, idf, projection, dim: k };
}

function tfidfRows(docs: readonly { ids: Int32Array; counts: Int32Array }[], index: Int32Array, idf: Float32Array): SparseRows {
  const indptr = new Int32Array(docs.length + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  docs.forEach((d, i) => {
    const start = cols.length;
    d.ids.forEach((id, p) => {
      const j = index[id]!;
      if (j < 0) return;
      cols.push(j);
      vals.push(termWeight(d.counts[p]!, idf[j]!));
    });
    let norm = 0;
    for (let p = start; p < vals.length; p++) norm += vals[p]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let p = start; p < vals.length; p++) vals[p]! /= norm;
    indptr[i + 1] = cols.length;
  });
  return { rows: docs.length, cols: idf.length, indptr, indices: Int32Array.from(cols), values: Float32Array.from(vals) };
}

/**
 * A term's weight in a document or query: sublinear TF × IDF. Query expansion terms carry
 * fractional counts: below 1 the weight is linear in the count (continuous and smooth at 1),
 * since 1 + ln(count) turns negative below 1/e and would push the query away from the term.
 */
export function termWeight(count: number, idf: number): number {
  return (count < 1 ? count : 1 + Math.log(count)) * idf;
}

/** Folds weighted term rows into the latent space and normalises; all zeros when no term is known. */
export function foldIn(entries: readonly { weight: number; vector: ArrayLike<number> }[], dim: number): Float32Array {
  const out = new Float64Array(dim);
  for (const { weight, vector } of entries) addScaled(out, weight, vector, 0, dim);
  return normalised(out);
}

/**
 * out[0..dim) += weight × src[from..from+dim): the fold-in's inner loop, four lanes at a time
 * (V8 runs the unrolled loop about a third faster; embedding 100,000 outcomes spends most of its
 * time here).
 */
export function addScaled(out: Float64Array, weight: number, src: ArrayLike<number>, from: number, dim: number): void {
  let k = 0;
  for (; k + 3 < dim; k += 4) {
    out[k]! += weight * src[from + k]!;
    out[k + 1]! += weight * src[from + k + 1]!;
    out[k + 2]! += weight * src[from + k + 2]!;
    out[k + 3]! += weight * src[from + k + 3]!;
  }
  for (; k < dim; k++) out[k]! += weight * src[from + k]!;
}

/** The vector scaled to unit length, as float32; all zeros stay zeros. */
export function normalised(v: Float64Array): Float32Array {
  let norm = 0;
  for (let c = 0; c < v.length; c++) norm += v[c]! ** 2;
  norm = Math.sqrt(norm);
  return Float32Array.from(v, (x) => (norm > 0 ? x / norm : 0));
}
