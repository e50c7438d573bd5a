/** One proposed outcome with the evidence a broker can check. */
export interface Candidate {
  outcomeId: number;
  sourceId: string;
  kind: string;
  title: string;
  institution?: string;
  trl?: number;
  region?: string;
  /** Query terms found in the outcome. */
  matchedTerms: string[];
  /** The sentence that best supports the match. */
  evidence?: string;
}
