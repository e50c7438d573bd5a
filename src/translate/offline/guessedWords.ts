import type { CorpusFeedback } from '../corpusFeedback.js';
import { attestedTerms } from './attested.js';
import type { SourceTerm } from './sourceTerms.js';

/**
 * A need's words as the outcome store bears them out. A word jieba guessed across a very common
 * character (`SourceTerm.unattested`) stays when an outcome uses it (两相流, 多酚 and 总氮 are in
 * CSL's papers) and otherwise gives way to what is left of it without that character, or to
 * nothing: no outcome says 炉省 (冷凝炉省气, "a condensing boiler saves gas"), 前要 or 用土.
 * Without a store the guess stands.
 */
export async function settleGuessedWords(terms: SourceTerm[], corpus: CorpusFeedback | undefined): Promise<SourceTerm[]> {
  const guessed = terms.filter((t) => t.unattested !== undefined);
  if (!corpus || !guessed.length) return terms;
  const used = await attestedTerms(corpus, guessed.map((t) => t.term), 1);
  const out = new Map<string, SourceTerm>();
  for (const { unattested, ...term } of terms) {
    const kept = unattested === undefined || used.has(term.term) ? term : unattested && { ...term, ...unattested };
    if (!kept) continue;
    const prev = out.get(kept.term);
    if (prev) prev.weight += kept.weight;
    else out.set(kept.term, kept);
  }
  return [...out.values()];
}
