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
  /**
   * Candidates the HNSW index examines for the dense list (hnsw.ef_search; at least `pool`). LSA
   * vectors are hard for a graph index: at 100,000 outcomes on PostgreSQL, ef_search 100 found
   * 0.939 of the exact ten nearest, 200 found 0.960 and 400 found 0.982 (100 bench queries); 300
   * keeps recall above 0.95 for a few ms less per search than 400 (see README, search latency).
   */
  efSearch: number;
  maxPerInstitution: number;
  /**
   * BM25 reads the postings of the rarest query terms in full while their document frequencies
   * sum to at most this; the frequent rest are looked up only for the best `completeCandidates`
   * outcomes (and the dense candidates). Bounds the work of long queries on large stores, where
   * a few common words held most of the postings read; stores and queries under it are scored
   * exhaustively. Agreement with exhaustive BM25 is measured by `liaison bench search`: at
   * 100,000 outcomes on PostgreSQL (50 bench queries), 500 candidates kept 0.990 of its top ten,
   * 300 kept 0.986 and 200 0.973 (each candidate costs an index lookup per frequent term).
   */
  postingsBudget: number;
  completeCandidates: number;
  /** Most query terms kept (highest weights first): long texts keep their strongest words. */
  maxQueryTerms: number;
  /**
   * In dense mode, the query vector reads the text (or denseText) plus the query's added terms in
   * the text's own language, scaled to this share of the text's weight (0: the text alone):
   * relevance feedback and stressed need words move the vector towards the outcomes that answer,
   * as Rocchio's feedback does. Measured with `liaison eval` (offline translator, dense nDCG@10):
   * enterprise needs 0 → 0.234, 0.3 → 0.344, 0.5 → 0.338, 1 → 0.342; NFCorpus 0 → 0.313, 0.3
   * → 0.317, 1 → 0.324. Hybrid search keeps the text alone: its lexical side already has these
   * terms, and with them in the vector too the hybrid figure fell on three of four LSA fit
   * samples (enterprise 0.551 / 0.561 / 0.556 / 0.550 → 0.544 / 0.563 / 0.548 / 0.545).
   * Other-language terms never enter it: mixed into one vector they pull it away from both
   * languages.
   */
  denseTermShare: number;
  /**
   * When some added terms are in another language than the text (a translated need), those terms
   * are also searched on their own (with their own query vector); that list, max-normalised and
   * scaled by the weight the query gives the other language, is merged into the whole query's,
   * so the other language's outcomes are not buried under the long text's matches. False: one search.
   */
  languageFusion: boolean;
}

export const DEFAULT_TUNING: SearchTuning = {
  k1: 1.2,
  b: 0.75,
  fusion: 'convex',
  denseWeight: 0.2,
  rrfK: 60,
  pool: 100,
  efSearch: 300,
  maxPerInstitution: 3,
  postingsBudget: 20_000,
  completeCandidates: 300,
  maxQueryTerms: 64,
  denseTermShare: 0.3,
  languageFusion: true,
};
