import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../storage/db.js';
import { testEngines } from '../support/testDb.js';
import { loadOutcomes, OUTCOMES, rowsOf } from './searchFixture.js';
import { ingestOutcomes } from '../../src/outcomes/ingest.js';
import { createOutcomeIndexer } from '../../src/search/outcomeIndexer.js';

/**
 * BM25's corpus statistics (migration 014) and each term's document frequency (migration 015)
 * are kept by triggers; they must equal a fresh count after every kind of change.
 */
describe.each(testEngines)('search statistics on $name', (engine) => {
  let db: Db;
  const kept = async () => (await db.query<{ outcomes: number; tokens: number }>('SELECT outcomes::int, tokens::int FROM search_stats')).rows;
  const counted = async () => (await db.query<{ outcomes: number; tokens: number }>('SELECT count(*)::int AS outcomes, coalesce(sum(doc_len), 0)::int AS tokens FROM outcome_search')).rows;
  const keptDf = async () => (await db.query<{ term: string; df: number }>('SELECT term, df::int FROM term_stats ORDER BY term')).rows;
  const countedDf = async () => (await db.query<{ term: string; df: number }>('SELECT term, count(*)::int AS df FROM outcome_terms GROUP BY term ORDER BY term')).rows;
  beforeAll(async () => {
    db = await engine.open();
    await loadOutcomes(db);
  });
  afterAll(async () => db?.close());

  it('counts what an import indexed', async () => {
    expect((await kept())[0]!.outcomes).toBe(OUTCOMES.length);
    expect(await kept()).toEqual(await counted());
    expect((await keptDf()).length).toBeGreaterThan(50);
    expect(await keptDf()).toEqual(await countedDf());
  });

  it('follows re-indexed outcomes, deleted ones and an emptied store', async () => {
    const changed = OUTCOMES.slice(0, 3).map((o) => ({ ...o, abstract: `${String(o.abstract)} Extended with several more words about heat.` }));
    await ingestOutcomes(db, rowsOf(changed), { source: 'edit', indexer: createOutcomeIndexer({ provider: 'offline' }) });
    expect(await kept()).toEqual(await counted());
    expect(await keptDf()).toEqual(await countedDf());
    const galaxies = async () => (await db.query<{ term: string }>("SELECT term FROM term_stats WHERE term LIKE 'galax%'")).rows.length;
    expect(await galaxies()).toBe(1); // only A-ASTRO speaks of galaxies
    await db.query("DELETE FROM outcomes WHERE source_id IN ('P-KILN', 'A-ASTRO')");
    expect((await kept())[0]!.outcomes).toBe(OUTCOMES.length - 2);
    expect(await kept()).toEqual(await counted());
    // Terms no outcome holds any more are gone, not left at zero.
    expect(await galaxies()).toBe(0);
    expect(await keptDf()).toEqual(await countedDf());
    await db.exec('TRUNCATE outcomes CASCADE');
    expect(await kept()).toEqual([{ outcomes: 0, tokens: 0 }]);
    expect(await keptDf()).toEqual([]);
  });
});
