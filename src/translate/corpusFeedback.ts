/**
 * What the offline translator needs from the outcome store at run time: the top outcomes for
 * a weighted query (for pseudo-relevance feedback) and document frequencies (to weigh terms).
 * The search layer implements it over whatever outcomes a deployment holds.
 */
export type Lang = 'en' | 'zh';

export interface WeightedTerm {
  term: string;
  weight: number;
  lang?: Lang;
  /** The need's word this term stands for (itself, or the word it translates or is a synonym of). */
  concept?: string;
}

export interface FeedbackDoc {
  id: string;
  title: string;
  text: string;
  keywords: string[];
  /** The outcome's discipline labels as stored (一级学科 names, IPC classes, free text). */
  disciplines?: string[];
  lang: string;
  score: number;
}

/** One index token of a text and the readable text it came from ("recoveri" ← "recovery"). */
export interface IndexToken {
  token: string;
  surface: string;
  lang: Lang;
}

/** An outcome's id in co-occurrence statistics: the store's numeric ids, or any string. */
export type DocId = string | number;

export interface CorpusFeedback {
  /** The store's own analyser, so feedback terms and frequencies use the index's tokens. */
  tokens(text: string): IndexToken[];
  /** Best outcomes for the terms, only those written in `lang` when it is given. */
  search(terms: WeightedTerm[], opts: { lang?: Lang; limit: number }): Promise<FeedbackDoc[]>;
  /** How many outcomes contain each index token, and how many outcomes there are. */
  docFreq(tokens: string[]): Promise<{ total: number; df: Map<string, number> }>;
  /** The outcomes (any stable ids) that contain each index token: for co-occurrence statistics. */
  documents(tokens: string[]): Promise<Map<string, Set<DocId>>>;
}
