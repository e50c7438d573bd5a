import { FOS_2007 } from '../fos2007.js';
import { englishTokens } from '../text/tokenize.js';
import type { WeightedTerm } from '../corpusFeedback.js';

/**
 * Least share of the terms' weight a field's words must carry for the field to be suggested.
 * A need's English terms spread their weight over some forty to eighty words, so one word of
 * average weight carries 1–2 %: a field needs more than one such word, or one the need leans
 * on. A lone, faint dictionary sense is no evidence: 工艺 "process" is glossed "arts and crafts;
 * industrial arts", and its 3 % of "art" had made Arts the first field of a smelter's wastewater need.
 */
const MIN_FIELD_SHARE = 0.03;

/**
 * Candidate FOS 2007 fields for English research terms: the weighted overlap of the terms
 * with each field's label and notes (per square root of the field's vocabulary, so long notes
 * do not win by length). Up to three fields with a confidence relative to the first; none when
 * no field's words carry MIN_FIELD_SHARE of the terms' weight.
 */
export function suggestDisciplines(terms: WeightedTerm[]): { code: string; confidence: number }[] {
  const weights = new Map<string, number>();
  for (const t of terms) for (const tok of englishTokens(t.term)) weights.set(tok, (weights.get(tok) ?? 0) + t.weight);
  const total = [...weights.values()].reduce((a, w) => a + w, 0);
  const scored = FOS_2007.map((f) => {
    const vocab = new Set(englishTokens(`${f.en} ${f.notes}`));
    let s = 0;
    for (const [tok, w] of weights) if (vocab.has(tok)) s += w;
    return { code: f.code, matched: s, score: s / Math.sqrt(vocab.size) };
  })
    .filter((x) => x.score > 0 && x.matched >= MIN_FIELD_SHARE * total)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
  const top = scored[0]?.score ?? 1;
  return scored.map((x) => ({ code: x.code, confidence: Math.round((x.score / top) * 0.8 * 100) / 100 }));
}
