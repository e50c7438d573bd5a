import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readQrels } from '../../src/search/eval/beirFiles.js';
import { scoreRanking, summarise } from '../../src/search/eval/rankingMetrics.js';
import { runCli } from '../support/runCli.js';

const fixtures = resolve(import.meta.dirname, 'fixtures');

describe('liaison eval (BEIR layout)', () => {
  it('prints a table and, as its last line, the figures as JSON (per kind, per mode); --run writes the rankings as TREC run files', async () => {
    const runFile = join(await mkdtemp(join(tmpdir(), 'liaison-run-')), 'run.txt');
    const res = await runCli([
      'eval', '--corpus', `${fixtures}/corpus.jsonl.gz`, '--queries', `${fixtures}/queries.jsonl`, '--qrels', `${fixtures}/qrels.tsv`, '--mode', 'all', '--k', '5', '--run', runFile,
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
    const byMode = last.by_mode as Record<string, { 'ndcg@10': number; 'recall@100': number; by_kind: Record<string, { queries: number }> }>;
    expect(Object.keys(byMode)).toEqual(['lexical', 'dense', 'hybrid']);
    expect(byMode.hybrid!.by_kind).toMatchObject({ A: { queries: 2 }, B: { queries: 2 } });
    expect(res.stdout).toMatch(/hybrid\s+all\s+\d\.\d{4}/);

    // One run file per mode, in trec_eval's six columns; scoring it again gives the printed figures.
    const qrels = await readQrels(`${fixtures}/qrels.tsv`);
    for (const mode of ['lexical', 'dense', 'hybrid']) {
      const rows = (await readFile(runFile.replace('.txt', `-${mode}.txt`), 'utf8')).trim().split('\n').map((l) => l.split(' '));
      expect(rows.every((r) => r.length === 6 && r[1] === 'Q0' && r[5] === `liaison-offline-${mode}`)).toBe(true);
      const byQuery = new Map<string, string[]>();
      for (const [qid, , doc, rank] of rows) {
        const ranked = byQuery.get(qid!) ?? [];
        expect(Number(rank)).toBe(ranked.length + 1);
        byQuery.set(qid!, [...ranked, doc!]);
      }
      // A query the mode finds nothing for has no lines (the format's way); it still counts, as zero.
      expect([...byQuery.keys()].every((q) => ['Q1', 'Q2', 'Q3', 'Q4'].includes(q))).toBe(true);
      const again = summarise(['Q1', 'Q2', 'Q3', 'Q4'].map((qid) => scoreRanking(byQuery.get(qid) ?? [], qrels.get(qid)!, 5)), 5);
      expect(again).toEqual(expect.objectContaining({ 'ndcg@10': byMode[mode]!['ndcg@10'], 'recall@100': byMode[mode]!['recall@100'] }));
    }
  }, 400_000);

  it('refuses missing files and unknown options with a usage message', async () => {
    const res = await runCli(['eval', '--corpus', 'nope.jsonl', '--queries', 'q', '--qrels', 'r']);
    expect(res.code).toBe(64);
    expect(res.stderr).toMatch(/Cannot read nope.jsonl/);
    const bad = await runCli(['eval', '--corpus', `${fixtures}/corpus.jsonl.gz`, '--queries', `${fixtures}/queries.jsonl`, '--qrels', `${fixtures}/qrels.tsv`, '--translate', 'klingon']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/--translate must be one of none/);
    const unwritable = await runCli(['eval', '--corpus', `${fixtures}/corpus.jsonl.gz`, '--queries', `${fixtures}/queries.jsonl`, '--qrels', `${fixtures}/qrels.tsv`, '--run', '/no/such/folder/run.txt']);
    expect(unwritable.code).toBe(64);
    expect(unwritable.stderr).toMatch(/Cannot write --run \/no\/such\/folder\/run.txt: its folder does not exist/);
  }, 300_000);
});
