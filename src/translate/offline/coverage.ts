import type { CorpusFeedback, FeedbackDoc, WeightedTerm } from '../corpusFeedback.js';

/**
 * How well the best outcomes in one language cover a query: the idf-weighted share of the
 * query's tokens that the top documents contain, averaged over them (0–1). A query-performance
 * predictor used to decide which language's outcomes a need most likely has answers in.
 */
export async function queryCoverage(corpus: CorpusFeedback, query: WeightedTerm[], docs: FeedbackDoc[]): Promise<number> {
  if (!docs.length || !query.length) return 0;
  const weights = new Map<string, number>();
  for (const q of query) {
    const toks = corpus.tokens(q.term);
    for (const t of toks) weights.set(t.token, (weights.get(t.token) ?? 0) + q.weight / toks.length);
  }
  const { total, df } = await corpus.docFreq([...weights.keys()]);
  const idf = (t: string) => Math.log(1 + (total - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));
  let all = 0;
  for (const [t, w] of weights) all += w * idf(t);
  if (all <= 0) return 0;
  let sum = 0;
  for (const d of docs) {
    const present = new Set(corpus.tokens(`${d.title} ${d.keywords.join(' ')} ${d.text}`).map((t) => t.token));
    let hit = 0;
    for (const [t, w] of weights) if (present.has(t)) hit += w * idf(t);
    sum += hit / all;
  }
  return sum / docs.length;
}
