import type { CorpusFeedback } from '../corpusFeedback.js';
import { isCharacterBigram } from '../../search/tokenizeText.js';

/** Fewest outcomes that must use every word of a term before a broker is shown it: one is an accident. */
const MIN_OUTCOMES = 2;

/**
 * The terms the outcome store attests as words: each of the term's index words (not the
 * character bigrams that are the index's safety net) is in at least two outcomes. A dictionary
 * sense the store knows only through a bigram (行刑队 "firing squad", for "firing", through
 * 行刑 in two papers) or from one outcome is no vocabulary of the store's, whatever the
 * search makes of it. `minOutcomes` 1 asks only whether the store uses the word at all.
 */
export async function attestedTerms(corpus: CorpusFeedback, terms: readonly string[], minOutcomes = MIN_OUTCOMES): Promise<Set<string>> {
  if (!terms.length) return new Set();
  const words = terms.map((t) => indexWords(corpus, t));
  const { df } = await corpus.docFreq([...new Set(words.flat())]);
  return new Set(terms.filter((_, i) => words[i]!.length > 0 && words[i]!.every((tok) => (df.get(tok) ?? 0) >= minOutcomes)));
}

/** A term's index tokens that are words, not the character bigrams ("_" tokens) of the index's safety net. */
export function indexWords(corpus: CorpusFeedback, term: string): string[] {
  return corpus.tokens(term).map((x) => x.token).filter((tok) => !isCharacterBigram(tok));
}
