import type { OutcomeFilterValues } from '../../storage/repositories/searchQueries.js';

/** A term with a weight, e.g. from query expansion or translation ("冷库" 0.8, lang zh). */
export interface WeightedTerm {
  term: string;
  weight: number;
  lang?: 'en' | 'zh';
  /** The word of the need this term translates: BM25 saturates the terms of one concept together (see hybridSearch). */
  concept?: string;
}

/** Hard filters: an outcome failing any of them is never returned. */
export type SearchFilters = Omit<OutcomeFilterValues, 'excludeIds'>;

export type SearchMode = 'lexical' | 'dense' | 'hybrid';

/**
 * One search. `text` is what the person typed; `lexicalTerms` adds weighted terms to the full-text
 * side (expansions, translations); `denseText` replaces `text` for the embedding side (e.g. a
 * hypothetical abstract).
 */
export interface SearchQuery {
  text: string;
  lexicalTerms?: WeightedTerm[];
  denseText?: string;
  filters?: SearchFilters;
  limit?: number;
  mode?: SearchMode;
  excludeOutcomeIds?: number[];
}
