/**
 * Ranking parameters. BM25 k1/b are the usual Lucene values; the convex fusion gives the cosine a
 * fifth of the weight (a weak-but-different dense signal helps without letting it override exact
 * term matches); measured with `liaison eval` on NFCorpus and the enterprise needs.
 */
export interface SearchTuning {
  k1: number;
  b: number;
  fusion: 'convex' | 'rrf';
  denseWeight: number;
  rrfK: number;
  /** Candidates from each of the lexical and dense lists. */
  pool: number;
  maxPerInstitution: number;
  /** Most query terms kept (highest weights first): long texts keep their strongest words. */
  maxQueryTerms: number;
}

export const DEFAULT_TUNING: SearchTuning = {
  k1: 1.2,
  b: 0.75,
  fusion: 'convex',
  denseWeight: 0.2,
  rrfK: 60,
  pool: 100,
  maxPerInstitution: 3,
  maxQueryTerms: 64,
};
