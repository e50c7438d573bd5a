import type { Lang } from './corpusFeedback.js';
import type { ResearchBrief } from './brief.js';

export interface TranslateInput {
  text: string;
  /** A confidential need also has company names redacted before any external call. */
  confidential?: boolean;
  /** Names known to belong to people or organisations (e.g. the author, their company), redacted too. */
  knownNames?: string[];
  knownOrgs?: string[];
}

/** Either a brief, or a question back when the text says nothing technical enough to translate. */
export type TranslationResult =
  | { kind: 'brief'; brief: ResearchBrief }
  | { kind: 'clarify'; question: string; language: Lang; translator: string };

/** Business language in, research brief out. Implementations: offline (default) and llm. */
export interface Translator {
  /** Shown to the broker with every brief, e.g. 'offline (WordNet, CC-CEDICT, jieba)'. */
  readonly name: string;
  translate(input: TranslateInput): Promise<TranslationResult>;
}
