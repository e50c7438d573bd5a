/** Per-query ranking measures as trec_eval / BEIR compute them (gain = grade, log2 discount). */
export interface QueryScores {
  /** nDCG at the cut-off k (10 by default). */
  ndcgK: number;
  ndcg10: number;
  recall100: number;
  mrr10: number;
}

function ndcgAt(ranked: readonly string[], judged: ReadonlyMap<string, number>, k: number): number {
  let dcg = 0;
  for (let i = 0; i < ranked.length && i < k; i++) dcg += (judged.get(ranked[i]!) ?? 0) / Math.log2(i + 2);
  const ideal = [...judged.values()].filter((g) => g > 0).sort((a, b) => b - a);
  let idcg = 0;
  for (let i = 0; i < ideal.length && i < k; i++) idcg += ideal[i]! / Math.log2(i + 2);
  return idcg > 0 ? dcg / idcg : 0;
}

export function scoreRanking(ranked: readonly string[], judged: ReadonlyMap<string, number>, k = 10): QueryScores {
  const relevant = [...judged.values()].filter((g) => g > 0).length;
  let found100 = 0;
  let rr = 0;
  for (let i = 0; i < ranked.length && i < 100; i++) {
    if ((judged.get(ranked[i]!) ?? 0) <= 0) continue;
    found100++;
    if (i < 10 && rr === 0) rr = 1 / (i + 1);
  }
  return {
    ndcgK: ndcgAt(ranked, judged, k),
    ndcg10: ndcgAt(ranked, judged, 10),
    recall100: relevant > 0 ? found100 / relevant : 0,
    mrr10: rr,
  };
}

export interface Summary {
  'ndcg@10': number;
  'recall@100': number;
  'mrr@10': number;
  queries: number;
  [cutoff: `ndcg@${number}`]: number;
}

export function summarise(scores: readonly QueryScores[], k = 10): Summary {
  const n = scores.length || 1;
  const mean = (f: (s: QueryScores) => number) => round(scores.reduce((a, s) => a + f(s), 0) / n);
  const out: Summary = { 'ndcg@10': mean((s) => s.ndcg10), 'recall@100': mean((s) => s.recall100), 'mrr@10': mean((s) => s.mrr10), queries: scores.length };
  if (k !== 10) out[`ndcg@${k}`] = mean((s) => s.ndcgK);
  return out;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
