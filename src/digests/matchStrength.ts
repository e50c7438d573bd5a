import { weightedCounts } from '../embeddings/offlineEmbedder.js';
import { isCharacterBigram, tokenizeText } from '../search/tokenizeText.js';
import type { NeedQuery } from '../needs/brief/needBrief.js';

/** Key terms per need and per script: enough to name the problem, few enough that a good match covers many. */
const KEY_TERMS = 12;
/**
 * An outcome in the other language is judged on the need's translated terms, which dictionary
 * translation makes noisier (several senses per word): its coverage counts for this much.
 */
const TRANSLATION_DISCOUNT = 0.8;
const HAN = /\p{Script=Han}/u;

/** A need's key terms per script, each weighted by query weight × rarity (idf). */
export interface KeyTerms {
  needHan: boolean;
  latin: [string, number][];
  han: [string, number][];
}

/** The need's terms with their query weights (the need's words and its brief's terms). */
export const needTerms = (query: NeedQuery): Map<string, number> => weightedCounts(query.text, query.lexicalTerms);

/**
 * The need's key terms: the strongest by query weight times rarity among the outcomes (`idf`),
 * so common words ("need", "system") count little and a concept no outcome mentions counts
 * fully against every match. Chinese character bigrams ("_冷库") are left out: they repeat the
 * segmented words and would count one phrase several times.
 */
export function keyTerms(terms: ReadonlyMap<string, number>, idf: ReadonlyMap<string, number>, needLanguage: string): KeyTerms {
  const pick = (han: boolean) =>
    [...terms.entries()]
      .filter(([t]) => HAN.test(t) === han && !isCharacterBigram(t))
      .map(([t, w]) => [t, w * (idf.get(t) ?? 0)] as [string, number])
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, KEY_TERMS);
  return { needHan: needLanguage === 'zh', latin: pick(false), han: pick(true) };
}

/**
 * How well an outcome answers a need, 0–1, comparable across needs (search scores are not: they
 * are normalised per query): the weighted share of the need's key terms, in the outcome's own
 * script, that the outcome's matched terms cover; discounted when that script is the need's
 * translation rather than its own words.
 */
export function matchStrength(key: KeyTerms, outcome: { title: string; matchedTerms: readonly string[] }): number {
  const outcomeHan = HAN.test(outcome.title);
  const group = outcomeHan ? key.han : key.latin;
  const total = group.reduce((sum, [, w]) => sum + w, 0);
  if (total === 0) return 0;
  const found = new Set(tokenizeText(outcome.matchedTerms.join(' ')));
  const covered = group.reduce((sum, [t, w]) => sum + (found.has(t) ? w : 0), 0);
  const share = (covered / total) * (outcomeHan === key.needHan ? 1 : TRANSLATION_DISCOUNT);
  return Math.round(share * 100) / 100;
}
