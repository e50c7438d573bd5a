import { weightedCounts } from '../embeddings/offlineEmbedder.js';
import { tokenizeText } from '../search/tokenizeText.js';
import type { NeedQuery } from '../needs/brief/needBrief.js';

/** Key terms per need and per script: enough to name the problem, few enough that a good match covers many. */
const KEY_TERMS = 12;
const HAN = /\p{Script=Han}/u;

/**
 * How well an outcome answers a need, 0–1, comparable across needs (search scores are not: they
 * are normalised per query): the weighted share of the need's key terms that the outcome's
 * matched terms cover, in the need's own script or its translation's (Chinese and Latin key
 * terms are scored apart, so an English outcome can fully answer a translated Chinese need).
 */
export function matchStrength(query: NeedQuery, matchedTerms: readonly string[]): number {
  const counts = weightedCounts(query.text, query.lexicalTerms);
  const found = new Set(tokenizeText(matchedTerms.join(' ')));
  let best = 0;
  for (const han of [false, true]) {
    const key = [...counts.entries()]
      .filter(([t]) => HAN.test(t) === han)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, KEY_TERMS);
    const total = key.reduce((sum, [, w]) => sum + w, 0);
    if (total === 0) continue;
    const covered = key.reduce((sum, [t, w]) => sum + (found.has(t) ? w : 0), 0);
    best = Math.max(best, covered / total);
  }
  return Math.round(best * 100) / 100;
}
