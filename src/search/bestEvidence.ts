import { tokenizeText } from './tokenizeText.js';

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

/** How a matched token reads to a person: bigram markers dropped, duplicates removed. */
export function displayTerms(tokens: readonly string[], surface: ReadonlyMap<string, string> = new Map()): string[] {
  return [...new Set(tokens.map((t) => (t.startsWith('_') ? t.slice(1) : (surface.get(t) ?? t))))];
}
