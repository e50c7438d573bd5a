import type { WeightedTerm } from './searchQuery.js';
import { tokenizeText } from './tokenizeText.js';

/** One index token of a query with its weight; tokens of a translation keep the need word they stand for. */
export interface QueryToken {
  term: string;
  weight: number;
  concept?: string;
}

/** Most weight one added term may carry: an expansion cannot outweigh ten words of the text. */
const MAX_ADDED_WEIGHT = 10;

/**
 * A query's index tokens: each token of the text counts once per occurrence, and each added
 * term puts its weight (non-positive weights skipped, at most MAX_ADDED_WEIGHT) on its tokens.
 * Tokens of a term that translates a need word stay apart per concept, the lexical search's
 * unit for translations.
 */
export function queryTokens(text: string, extra: readonly WeightedTerm[] = []): QueryToken[] {
  const tokens = new Map<string, QueryToken>();
  const add = (term: string, weight: number, concept?: string) => {
    const key = concept === undefined ? term : `${concept}\u0000${term}`;
    const prev = tokens.get(key);
    if (prev) prev.weight += weight;
    else tokens.set(key, concept === undefined ? { term, weight } : { term, weight, concept });
  };
  for (const t of tokenizeText(text)) add(t, 1);
  for (const { term, weight, concept } of extra) {
    if (!(weight > 0)) continue;
    for (const t of tokenizeText(term)) add(t, Math.min(weight, MAX_ADDED_WEIGHT), concept);
  }
  return [...tokens.values()];
}

/** Each token's weight summed over the concepts it stands in: what the query vector and the explanations use. */
export function tokenWeights(tokens: readonly QueryToken[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t.term, (counts.get(t.term) ?? 0) + t.weight);
  return counts;
}
