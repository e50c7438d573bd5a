import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../storage/db.js';
import { testEngines } from '../support/testDb.js';
import { loadOutcomes, OUTCOMES, rowsOf } from './searchFixture.js';
import { ingestOutcomes } from '../../src/outcomes/ingest.js';
import { createOutcomeIndexer } from '../../src/search/outcomeIndexer.js';

/** BM25's corpus statistics are kept by triggers (migration 014); they must equal a fresh count after every kind of change. */
describe.each(testEngines)('search statistics on $name', (engine) => {
  let db: Db;
  const kept = async () => (await db.query<{ outcomes: number; tokens: number }>('SELECT outcomes::int, tokens::int FROM search_stats')).rows;
  const counted = async () => (await db.query<{ outcomes: number; tokens: number }>('SELECT count(*)::int AS outcomes, coalesce(sum(doc_len), 0)::int AS tokens FROM outcome_search')).rows;
  beforeAll(async () => {
    db = await engine.open();
    await loadOutcomes(db);
  });
  afterAll(async () => db?.close());

  it('counts what an import indexed', async () => {
    expect((await kept())[0]!.outcomes).toBe(OUTCOMES.length);
    expect(await kept()).toEqual(await counted());
  });

  it('follows re-indexed outcomes, deleted ones and an emptied store', async () => {
    const changed = OUTCOMES.slice(0, 3).map((o) => ({ ...o, abstract: `${String(o.abstract)} Extended with several more words about heat.` }));
    await ingestOutcomes(db, rowsOf(changed), { source: 'edit', indexer: createOutcomeIndexer({ provider: 'offline' }) });
    expect(await kept()).toEqual(await counted());
    await db.query("DELETE FROM outcomes WHERE source_id IN ('P-KILN', 'A-ASTRO')");
    expect((await kept())[0]!.outcomes).toBe(OUTCOMES.length - 2);
    expect(await kept()).toEqual(await counted());
    await db.exec('TRUNCATE outcomes CASCADE');
    expect(await kept()).toEqual([{ outcomes: 0, tokens: 0 }]);
  });
});
