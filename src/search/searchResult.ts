import type { OutcomeValues } from '../../storage/repositories/outcomes.js';

/** One search hit: the outcome (all but its contact) and why it was found. */
export interface SearchResult extends Omit<OutcomeValues, 'contact'> {
  id: number;
  explanation: SearchExplanation;
}

export interface SearchExplanation {
  /** Query terms found in the outcome (tokens as indexed; Chinese bigrams shown as plain text). */
  matchedTerms: string[];
  /** The sentence of the title/abstract that best covers the query terms. */
  evidence: string;
  scores: {
    /** BM25 score (null: no query term occurs in the outcome). */
    lexical: number | null;
    /** Cosine similarity of the embeddings (null: no dense side). */
    dense: number | null;
    fused: number;
    ranks: { lexical: number | null; dense: number | null; final: number };
  };
}
