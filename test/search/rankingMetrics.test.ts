import { describe, expect, it } from 'vitest';
import { scoreRanking, summarise } from '../../src/search/eval/rankingMetrics.js';

describe('ranking metrics (trec_eval / BEIR conventions)', () => {
  const judged = new Map([['a', 2], ['b', 1], ['c', 1]]);

  it('nDCG@10 uses gain = grade, log2 discount and the ideal from all judged grades', () => {
    // ranked: x, a, b → DCG = 2/log2(3) + 1/log2(4); ideal: 2/1 + 1/log2(3) + 1/2
    const s = scoreRanking(['x', 'a', 'b'], judged);
    const dcg = 2 / Math.log2(3) + 1 / 2;
    const idcg = 2 + 1 / Math.log2(3) + 1 / 2;
    expect(s.ndcg10).toBeCloseTo(dcg / idcg, 10);
    expect(s.mrr10).toBeCloseTo(1 / 2, 10);
    expect(s.recall100).toBeCloseTo(2 / 3, 10);
  });

  it('a perfect ranking scores 1, nothing found scores 0', () => {
    expect(scoreRanking(['a', 'b', 'c'], judged).ndcg10).toBeCloseTo(1, 10);
    expect(scoreRanking(['x', 'y'], judged)).toEqual({ ndcgK: 0, ndcg10: 0, recall100: 0, mrr10: 0 });
  });

  it('reports another cut-off next to @10 when asked', () => {
    const s = summarise([scoreRanking(['x', 'a'], judged, 1)], 1);
    expect(s['ndcg@1']).toBe(0);
    expect(s.queries).toBe(1);
  });
});
