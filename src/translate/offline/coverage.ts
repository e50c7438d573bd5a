import type { CorpusFeedback, FeedbackDoc, WeightedTerm } from '../corpusFeedback.js';
import { indexWords } from './attested.js';

/** Each outcome's index tokens (title, author keywords and text), tokenised once for the measures below. */
export function documentTokens(corpus: CorpusFeedback, docs: FeedbackDoc[]): Set<string>[] {
  return docs.map((d) => new Set(corpus.tokens(`${d.title} ${d.keywords.join(' ')} ${d.text}`).map((t) => t.token)));
}

/**
 * How well each outcome (given by its documentTokens) covers a query: the idf-weighted share of
 * the query's tokens it contains (0–1). Averaged over a language's best outcomes, a
 * query-performance predictor used to decide which language's outcomes a need most likely has
 * answers in.
 */
export async function documentCoverage(corpus: CorpusFeedback, query: WeightedTerm[], docs: Set<string>[]): Promise<number[]> {
  if (!docs.length || !query.length) return docs.map(() => 0);
  const weights = new Map<string, number>();
  for (const q of query) {
    const toks = corpus.tokens(q.term);
    for (const t of toks) weights.set(t.token, (weights.get(t.token) ?? 0) + q.weight / toks.length);
  }
  const { total, df } = await corpus.docFreq([...weights.keys()]);
  const idf = (t: string) => Math.log(1 + (total - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));
  let all = 0;
  for (const [t, w] of weights) all += w * idf(t);
  if (all <= 0) return docs.map(() => 0);
  return docs.map((present) => {
    let hit = 0;
    for (const [t, w] of weights) if (present.has(t)) hit += w * idf(t);
    return hit / all;
  });
}

/**
 * How many of the query's concepts (the need's words, each with its translations and synonyms)
 * each outcome (given by its documentTokens) names: a term counts when the outcome holds every
 * one of its index words (the character bigrams of the index's safety net aside). An outcome
 * naming one concept shares a word with the need, not its subject.
 */
export function conceptsCovered(corpus: CorpusFeedback, query: WeightedTerm[], docs: Set<string>[]): number[] {
  const terms = query.map((q) => ({ concept: q.concept ?? q.term, words: indexWords(corpus, q.term) }));
  return docs.map((present) => new Set(terms.filter((t) => t.words.length > 0 && t.words.every((w) => present.has(w))).map((t) => t.concept)).size);
}
