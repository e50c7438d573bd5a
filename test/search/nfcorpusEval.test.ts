import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEvaluation } from '../../src/search/eval/runEvaluation.js';
import { SHARED_DATA_DIR } from '../support/sharedDir.js';

const data = resolve(SHARED_DATA_DIR, 'nfcorpus');

describe('retrieval quality on the NFCorpus dev split', () => {
  it('hybrid search scores at least the reference BM25 (nDCG@10 0.330)', async () => {
    expect(existsSync(`${data}/corpus.jsonl.gz`), `NFCorpus not found at ${data} (set LIAISON_DATA_DIR)`).toBe(true);
    const report = await runEvaluation({
      corpus: `${data}/corpus.jsonl.gz`,
      queries: `${data}/queries.jsonl`,
      qrels: `${data}/qrels.tsv`,
      modes: ['hybrid'],
      k: 10,
      translate: 'none',
    });
    const hybrid = report.byMode.hybrid!;
    expect(hybrid.queries).toBe(220);
    expect(hybrid['ndcg@10']).toBeGreaterThanOrEqual(0.33);
  }, 900_000);
});
