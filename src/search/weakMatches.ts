import type { SearchResult } from './searchResult.js';

/** Share of the best match's similarity in meaning a result sharing no word with the query must reach to be shown. */
export const MEANING_SHARE = 0.6;

/**
 * Splits a result list into the matches worth a broker's reading and the weak tail: results that
 * share no word with the query and are much further from it in meaning than the best match
 * (under MEANING_SHARE of its cosine). The dense side always returns its nearest outcomes, so
 * on a store with little on the subject the list fills up with outcomes on other subjects (a
 * paper on flavonoid extraction, cosine 0.31, for "冷库 节能", whose best match has 0.73),
 * while an outcome close in meaning but in other words still shows.
 */
export function withoutWeakMatches(results: readonly SearchResult[]): { shown: SearchResult[]; weak: number } {
  const reference = results[0]?.explanation.scores.dense ?? null;
  if (reference === null || reference <= 0) return { shown: [...results], weak: 0 };
  const shown = results.filter(({ explanation: { scores } }) => scores.lexical !== null || (scores.dense ?? 0) >= reference * MEANING_SHARE);
  return { shown, weak: results.length - shown.length };
}
