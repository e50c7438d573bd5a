import { FOS_2007 } from '../fos2007.js';
import { englishTokens } from '../text/tokenize.js';
import type { WeightedTerm } from '../corpusFeedback.js';

/**
 * Candidate FOS 2007 fields for English research terms: the weighted overlap of the terms
 * with each field's label and notes. Returns up to three fields with a relative confidence.
 */
export function suggestDisciplines(terms: WeightedTerm[]): { code: string; confidence: number }[] {
  const weights = new Map<string, number>();
  for (const t of terms) for (const tok of englishTokens(t.term)) weights.set(tok, (weights.get(tok) ?? 0) + t.weight);
  const scored = FOS_2007.map((f) => {
    const vocab = new Set(englishTokens(`${f.en} ${f.notes}`));
    let s = 0;
    for (const [tok, w] of weights) if (vocab.has(tok)) s += w;
    return { code: f.code, score: s / Math.sqrt(vocab.size) };
  })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
  const top = scored[0]?.score ?? 1;
  return scored.map((x) => ({ code: x.code, confidence: Math.round((x.score / top) * 0.8 * 100) / 100 }));
}
