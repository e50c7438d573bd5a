import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestOutcomes, type IngestSummary, type OutcomeIndexer } from '../../src/outcomes/ingest.js';
import { readOutcomeFile } from '../../src/outcomes/readers/readOutcomeFile.js';
import type { SourceRow } from '../../src/outcomes/readers/sourceRow.js';
import { migrate } from '../../storage/migrate.js';
import { testEngines } from '../support/testDb.js';
import type { Db, Queryable } from '../../storage/db.js';
import { findOutcome } from '../../storage/repositories/outcomes.js';
import { listRecentImports } from '../../storage/repositories/outcomeImports.js';
import { indexOutcomeText } from '../../src/search/indexOutcomes.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

async function* rowsOf(records: unknown[]): AsyncGenerator<SourceRow> {
  let line = 0;
  for (const record of records) yield { line: ++line, record };
}

const paper = (i: number, extra: Record<string, unknown> = {}) => ({
  sourceId: `P-${i}`,
  kind: 'paper',
  title: `Paper ${i}`,
  abstract: `Abstract of paper ${i}.`,
  ...extra,
});

const count = async (db: Db) => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM outcomes')).rows[0]!.n);

describe.each(testEngines)('ingestOutcomes on $name', (engine) => {
  let db: Db;
  // One database for the suite (PGlite starts slowly); each test starts from empty tables.
  beforeAll(async () => {
    db = await engine.open();
    await migrate(db);
  });
  beforeEach(() => db.exec('TRUNCATE outcomes, outcome_imports RESTART IDENTITY CASCADE'));
  afterAll(() => db.close());

  it('removes an outcome\'s search postings with the outcome, and all of them when the store is emptied', async () => {
    const indexer: OutcomeIndexer = {
      indexBatch: (tx, ids) => indexOutcomeText(tx, ids),
      finish: async () => {},
    };
    await ingestOutcomes(db, rowsOf([paper(1), paper(2)]), { source: 'postings', indexer });
    const postings = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM outcome_terms')).rows[0]!.n);
    const before = await postings();
    expect(before).toBeGreaterThan(0);
    await db.query("DELETE FROM outcomes WHERE source_id = 'P-1'");
    const after = await postings();
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    const orphans = await db.query('SELECT 1 FROM outcome_terms t LEFT JOIN outcomes o ON o.id = t.outcome_id WHERE o.id IS NULL');
    expect(orphans.rows).toEqual([]);
    await db.exec('TRUNCATE outcomes CASCADE');
    expect(await postings()).toBe(0);
  });

  it('stores the good rows of a file and reports the bad ones with line and reason', async () => {
    const summary = await ingestOutcomes(db, readOutcomeFile(join(FIXTURES, 'outcomes-small.jsonl')), { source: 'small' });
    expect(summary).toMatchObject({ source: 'small', added: 4, updated: 0, unchanged: 0, rejected: 2 });
    expect(summary.errors).toEqual([
      { line: 4, reason: 'kind must be one of patent, paper, project, capability, instrument' },
      { line: 5, reason: expect.stringContaining('not valid JSON') },
    ]);
    const stored = await findOutcome(db, 'TST-001');
    expect(stored).toMatchObject({
      kind: 'patent',
      institution: 'Tongji University',
      disciplines: ['thermal engineering'],
      keywords: ['waste heat', 'kiln'],
      year: 2019,
      trl: 6,
      ipStatus: 'granted',
      region: 'CN',
      language: 'en',
    });
    expect(await findOutcome(db, 'TST-003')).toMatchObject({ trl: 5, contact: 'lab@example.org', kind: 'capability' });
    expect(await findOutcome(db, String(stored!.id))).toMatchObject({ sourceId: 'TST-001' });
    expect(await count(db)).toBe(4);
  });

  it('changes nothing when the same file is imported again', async () => {
    const file = join(FIXTURES, 'outcomes-small.jsonl');
    await ingestOutcomes(db, readOutcomeFile(file), { source: 'first' });
    const before = await db.query('SELECT id, source_id, content_hash, updated_at FROM outcomes ORDER BY id');
    const again = await ingestOutcomes(db, readOutcomeFile(file), { source: 'second' });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 4, rejected: 2 });
    const after = await db.query('SELECT id, source_id, content_hash, updated_at FROM outcomes ORDER BY id');
    expect(after.rows).toEqual(before.rows);
  });

  it('counts changed rows as updated and stores their new content', async () => {
    await ingestOutcomes(db, rowsOf([paper(1), paper(2), paper(3)]), { source: 'v1' });
    const summary = await ingestOutcomes(
      db,
      rowsOf([paper(1), paper(2, { title: 'Paper 2, revised', trl: 4 }), paper(3), paper(4)]),
      { source: 'v2', batchSize: 2 },
    );
    expect(summary).toMatchObject({ added: 1, updated: 1, unchanged: 2, rejected: 0 });
    expect(await findOutcome(db, 'P-2')).toMatchObject({ title: 'Paper 2, revised', trl: 4 });
  });

  it('handles the same source id twice in one batch: the later row wins', async () => {
    const summary = await ingestOutcomes(db, rowsOf([paper(1), paper(1, { title: 'Second version' }), paper(1, { title: 'Second version' })]), {
      source: 'dupes',
    });
    expect(summary).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
    expect(await findOutcome(db, 'P-1')).toMatchObject({ title: 'Second version' });
  });

  it('a crash in the second batch leaves whole batches only, and a re-run completes the import', async () => {
    const records = Array.from({ length: 25 }, (_, i) => paper(i));
    const indexed: number[][] = [];
    let batches = 0;
    const failing: OutcomeIndexer = {
      async indexBatch(tx: Queryable, ids: number[]) {
        // The rows of this batch are visible inside its transaction.
        const seen = await tx.query<{ n: string }>('SELECT count(*) AS n FROM outcomes WHERE id = ANY($1::bigint[])', [ids]);
        expect(Number(seen.rows[0]!.n)).toBe(ids.length);
        if (++batches === 2) throw new Error('index server went away');
        indexed.push(ids);
      },
      async finish() {
        throw new Error('finish must not run after a failure');
      },
    };
    await expect(ingestOutcomes(db, rowsOf(records), { source: 'crashing', batchSize: 10, indexer: failing })).rejects.toThrow(
      'index server went away',
    );
    expect(await count(db)).toBe(10);
    expect(indexed).toHaveLength(1);
    const [failed] = await listRecentImports(db, 1);
    expect(failed).toMatchObject({ source: 'crashing', status: 'failed', failure: 'index server went away', added: 10 });

    const finished: IngestSummary[] = [];
    const summary = await ingestOutcomes(db, rowsOf(records), {
      source: 'rerun',
      batchSize: 10,
      indexer: { indexBatch: async (_tx, ids) => void indexed.push(ids), finish: async (_db, s) => void finished.push(s) },
    });
    expect(summary).toMatchObject({ added: 15, updated: 0, unchanged: 10, rejected: 0 });
    expect(await count(db)).toBe(25);
    expect(indexed.flat()).toHaveLength(25);
    expect(finished).toEqual([summary]);
  });

  it('prepares each batch before its transaction and gives every written row what was prepared for it', async () => {
    await ingestOutcomes(db, rowsOf([paper(1), paper(2)]), { source: 'first' });
    const seen: { id: number; prepared: string }[] = [];
    const indexer: OutcomeIndexer<string> = {
      prepare: async (outcomes) => outcomes.map((o) => `prepared ${o.sourceId}`),
      async indexBatch(_tx, ids, prepared) {
        ids.forEach((id, i) => seen.push({ id, prepared: prepared[i]! }));
      },
      finish: async () => {},
    };
    // P-1 is unchanged (not written), so the written rows are not the batch's first positions.
    const summary = await ingestOutcomes(db, rowsOf([paper(1), paper(2, { title: 'Changed' }), paper(3), paper(4)]), { source: 'second', batchSize: 3, indexer });
    expect(summary).toMatchObject({ added: 2, updated: 1, unchanged: 1 });
    const sourceOf = async (id: number) => (await db.query<{ source_id: string }>('SELECT source_id FROM outcomes WHERE id = $1', [id])).rows[0]!.source_id;
    const pairs = await Promise.all(seen.map(async (s) => [await sourceOf(s.id), s.prepared]));
    expect(pairs).toEqual([['P-2', 'prepared P-2'], ['P-3', 'prepared P-3'], ['P-4', 'prepared P-4']]);
  });

  it('stops between rows when aborted and records the run as failed', async () => {
    const controller = new AbortController();
    const records = Array.from({ length: 30 }, (_, i) => paper(i));
    await expect(
      ingestOutcomes(db, rowsOf(records), {
        source: 'aborted',
        batchSize: 10,
        signal: controller.signal,
        onProgress: (done) => done === 15 && controller.abort(new Error('interrupted (Ctrl-C)')),
      }),
    ).rejects.toThrow('interrupted');
    expect(await count(db)).toBe(10);
    expect((await listRecentImports(db, 1))[0]).toMatchObject({ status: 'failed', failure: 'interrupted (Ctrl-C)' });
  });

  it('records each run with counts, first errors and who ran it', async () => {
    await ingestOutcomes(db, readOutcomeFile(join(FIXTURES, 'outcomes-small.csv'), { map: { title: 'name', abstract: 'description' } }), {
      source: 'outcomes-small.csv',
      actor: 'cli:tester',
    });
    const [run] = await listRecentImports(db, 5);
    expect(run).toMatchObject({
      source: 'outcomes-small.csv',
      status: 'finished',
      who: 'cli:tester',
      added: 2,
      rejected: 2,
      errors: [
        { line: 4, reason: 'expected 9 columns, found 3' },
        { line: 5, reason: 'year must be a whole number' },
      ],
    });
    expect(run!.finishedAt).toBeInstanceOf(Date);
    expect(await findOutcome(db, 'CSV-2')).toMatchObject({ kind: 'project', keywords: ['sensors', 'irrigation'], region: 'CN', year: 2021 });
    expect((await findOutcome(db, 'CSV-2'))!.trl).toBeUndefined();
  });

  it('stores text with NUL characters and lone surrogates instead of failing the batch', async () => {
    const summary = await ingestOutcomes(
      db,
      rowsOf([paper(1, { title: 'Nul\u0000 title', keywords: ['a\ud800b'] }), paper(2)]),
      { source: 'odd text' },
    );
    expect(summary).toMatchObject({ added: 2, rejected: 0 });
    expect(await findOutcome(db, 'P-1')).toMatchObject({ title: 'Nul title', keywords: ['a\ufffdb'] });
  });

  it('reports progress for every row read', async () => {
    const seen: number[] = [];
    await ingestOutcomes(db, rowsOf([paper(1), { bad: true }, paper(2)]), { source: 'p', onProgress: (n) => seen.push(n) });
    expect(seen).toEqual([1, 2, 3]);
  });
});
