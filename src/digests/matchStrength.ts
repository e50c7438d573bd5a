import { weightedCounts } from '../embeddings/offlineEmbedder.js';
import { tokenizeText } from '../search/tokenizeText.js';
import type { NeedQuery } from '../needs/brief/needBrief.js';

/** Key terms per need and per script: enough to name the problem, few enough that a good match covers many. */
const KEY_TERMS = 12;
const HAN = /\p{Script=Han}/u;

/** The need's terms with their query weights (the need's words and its brief's terms). */
export const needTerms = (query: NeedQuery): Map<string, number> => weightedCounts(query.text, query.lexicalTerms);

/**
 * How well an outcome answers a need, 0–1, comparable across needs (search scores are not: they
 * are normalised per query): the share of the need's key terms the outcome's matched terms
 * cover, each term weighted by its query weight times its rarity among the outcomes (`idf`), so
 * common words ("need", "system") count little and a concept no outcome mentions counts fully
 * against every match. Chinese and Latin key terms are scored apart (an English outcome can fully
 * answer a translated Chinese need); the better of the two counts.
 */
export function matchStrength(terms: ReadonlyMap<string, number>, idf: ReadonlyMap<string, number>, matchedTerms: readonly string[]): number {
  const found = new Set(tokenizeText(matchedTerms.join(' ')));
  let best = 0;
  for (const han of [false, true]) {
    const key = [...terms.entries()]
      .filter(([t]) => HAN.test(t) === han)
      .map(([t, w]) => [t, w * (idf.get(t) ?? 0)] as const)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, KEY_TERMS);
    const total = key.reduce((sum, [, w]) => sum + w, 0);
    if (total === 0) continue;
    const covered = key.reduce((sum, [t, w]) => sum + (found.has(t) ? w : 0), 0);
    best = Math.max(best, covered / total);
  }
  return Math.round(best * 100) / 100;
}
