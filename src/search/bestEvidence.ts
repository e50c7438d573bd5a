import { segmentChinese } from './chineseSegmenter.js';
import { isCharacterBigram, tokenizeText } from './tokenizeText.js';

const SENTENCES = /[^.!?。！？；;\n]+[.!?。！？；;]?/gu;
const MAX_EVIDENCE = 300;

/**
 * The sentence of a text that carries the most query evidence: the sum of the IDF of the distinct
 * matched terms it contains (rarer terms count more), ties to the earlier sentence.
 */
export function bestEvidence(title: string, abstract: string, weights: ReadonlyMap<string, number>): string {
  const sentences = [...`${abstract}`.matchAll(SENTENCES)].map((m) => m[0].trim()).filter((s) => s.length > 0);
  let best = '';
  let bestScore = 0;
  for (const s of sentences) {
    const seen = new Set(tokenizeText(s));
    let score = 0;
    for (const t of seen) score += weights.get(t) ?? 0;
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  const chosen = best || sentences[0] || title;
  return chosen.length > MAX_EVIDENCE ? `${chosen.slice(0, MAX_EVIDENCE - 1)}…` : chosen;
}

/**
 * How matched tokens read to a person, in their order: Latin tokens in the form the outcome uses,
 * Chinese words once. A character bigram (the index's safety net, marked "_") is shown only when
 * it is a word of its own and not part of a word already shown (机器人, not also 机器 and 器人;
 * not 的时, which straddles two words), or when nothing else matched.
 */
export function displayTerms(tokens: readonly string[], surface: ReadonlyMap<string, string> = new Map()): string[] {
  const words = tokens.filter((t) => !isCharacterBigram(t)).map((t) => surface.get(t) ?? t);
  const bigrams = tokens.filter(isCharacterBigram).map((t) => t.slice(1));
  if (words.length === 0) return [...new Set(bigrams)];
  const shown = tokens.flatMap((t) => {
    if (!isCharacterBigram(t)) return [surface.get(t) ?? t];
    const b = t.slice(1);
    return words.some((w) => w.includes(b)) || segmentChinese(b).length > 1 ? [] : [b];
  });
  return [...new Set(shown)];
}
