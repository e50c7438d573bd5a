import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/runCli.js';

const fixtures = resolve(import.meta.dirname, 'fixtures');

describe('liaison eval (BEIR layout)', () => {
  it('prints a table and, as its last line, the figures as JSON (per kind, per mode)', async () => {
    const res = await runCli([
      'eval', '--corpus', `${fixtures}/corpus.jsonl.gz`, '--queries', `${fixtures}/queries.jsonl`, '--qrels', `${fixtures}/qrels.tsv`, '--mode', 'all', '--k', '5',
    ], { timeoutMs: 300_000 });
    expect(res.stderr).not.toMatch(/Error/);
    expect(res.code).toBe(0);
    const lines = res.stdout.trim().split('\n');
    const last = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
    // Q9 has no judgments and QX is not in the queries file: 4 queries count.
    // Without --translate the configured translator (offline by default) expands the queries.
    expect(last).toMatchObject({ mode: 'all', translate: 'offline', queries: 4 });
    for (const key of ['ndcg@10', 'ndcg@5', 'recall@100', 'mrr@10', 'seconds']) expect(typeof last[key]).toBe('number');
    expect(last['ndcg@10']).toBeGreaterThan(0.5);
    const byMode = last.by_mode as Record<string, { by_kind: Record<string, { queries: number }> }>;
    expect(Object.keys(byMode)).toEqual(['lexical', 'dense', 'hybrid']);
    expect(byMode.hybrid!.by_kind).toMatchObject({ A: { queries: 2 }, B: { queries: 2 } });
    expect(res.stdout).toMatch(/hybrid\s+all\s+\d\.\d{4}/);
  }, 400_000);

  it('refuses missing files and unknown options with a usage message', async () => {
    const res = await runCli(['eval', '--corpus', 'nope.jsonl', '--queries', 'q', '--qrels', 'r']);
    expect(res.code).toBe(64);
    expect(res.stderr).toMatch(/Cannot read nope.jsonl/);
    const bad = await runCli(['eval', '--corpus', `${fixtures}/corpus.jsonl.gz`, '--queries', `${fixtures}/queries.jsonl`, '--qrels', `${fixtures}/qrels.tsv`, '--translate', 'klingon']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/--translate must be one of none/);
  }, 300_000);
});
