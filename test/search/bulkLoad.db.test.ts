import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../storage/db.js';
import { migrate } from '../../storage/migrate.js';
import { ingestOutcomes } from '../../src/outcomes/ingest.js';
import type { SourceRow } from '../../src/outcomes/readers/sourceRow.js';
import { createOutcomeIndexer } from '../../src/search/outcomeIndexer.js';
import { ensureSearchIndexes } from '../../src/search/ensureSearchIndexes.js';
import { searchOutcomes } from '../../src/search/searchOutcomes.js';
import { indexOutcomeText } from '../../src/search/indexOutcomes.js';
import { testEngines } from '../support/testDb.js';
import { OUTCOMES } from './searchFixture.js';

const LEXICAL = ['outcome_terms_pkey'];

/** A source that yields the records, then fails (a file cut off mid-way) when `failAfter` is set. */
async function* source(records: readonly Record<string, unknown>[], failAfter?: number): AsyncGenerator<SourceRow> {
  for (const [i, record] of records.entries()) {
    if (i === failAfter) throw new Error('disk read error');
    yield { line: i + 1, record };
  }
}

/**
 * The first import into an empty index loads without the postings key and builds it at the end; an import cut short in between leaves them to the next
 * import or to the start-up check. Search is correct either way.
 */
describe.each(testEngines)('bulk loading the search index on $name', (engine) => {
  let db: Db;
  const lexicalIndexes = async () =>
    (await db.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ANY($1) ORDER BY 1`, [LEXICAL])).rows.map((r) => r.indexname);
  /** Terms whose kept document frequency differs from a fresh count of their postings. */
  const termStatsDrift = async () =>
    (await db.query(`SELECT coalesce(k.term, f.term) AS term FROM term_stats k FULL JOIN (SELECT term, count(*) AS df FROM outcome_terms GROUP BY term) f USING (term) WHERE k.df IS DISTINCT FROM f.df`)).rows;
  beforeAll(async () => {
    db = await engine.open();
    await migrate(db);
  });
  afterAll(async () => db?.close());

  it('an import cut short leaves the postings key dropped, search still right; the start-up check builds it', async () => {
    const indexer = createOutcomeIndexer({ provider: 'offline' });
    await expect(ingestOutcomes(db, source(OUTCOMES, 6), { source: 'cut', batchSize: 4, indexer })).rejects.toThrow('disk read error');
    expect(await lexicalIndexes()).toEqual([]);
    // Document frequencies are counted once at the end of a bulk load: none yet, and search counts them itself.
    expect((await db.query('SELECT 1 FROM term_stats')).rows).toEqual([]);
    const [hit] = await searchOutcomes({ db }, { text: 'recover heat from kiln exhaust', mode: 'lexical' });
    expect(hit?.sourceId).toBe('P-KILN');
    expect(await ensureSearchIndexes(db)).toBe(true);
    expect(await lexicalIndexes()).toEqual(LEXICAL);
    expect(await termStatsDrift()).toEqual([]);
    expect((await db.query('SELECT 1 FROM term_stats')).rows.length).toBeGreaterThan(0);
  });

  it('a completed import into an existing index keeps them, and postings stay unique', async () => {
    await ingestOutcomes(db, source(OUTCOMES), { source: 'whole', batchSize: 4, indexer: createOutcomeIndexer({ provider: 'offline' }) });
    expect(await lexicalIndexes()).toEqual(LEXICAL);
    const dup = await db.query('SELECT term, outcome_id FROM outcome_terms GROUP BY 1, 2 HAVING count(*) > 1');
    expect(dup.rows).toEqual([]);
    const [hit] = await searchOutcomes({ db }, { text: '冷库 节能' });
    expect(hit?.sourceId).toBe('C-COLD');
  });

  it('a first import into an empty index ends with the postings key built', async () => {
    await db.exec('TRUNCATE outcomes CASCADE');
    await ingestOutcomes(db, source(OUTCOMES), { source: 'fresh', batchSize: 4, indexer: createOutcomeIndexer({ provider: 'offline' }) });
    expect(await lexicalIndexes()).toEqual(LEXICAL);
    expect(await termStatsDrift()).toEqual([]);
    expect(await ensureSearchIndexes(db)).toBe(false);
  });

  it('stores the postings an import encoded before its rows had ids exactly as indexing the stored text does', async () => {
    const postings = async () =>
      (await db.query('SELECT o.source_id, t.term, t.tf, t.doc_len FROM outcome_terms t JOIN outcomes o ON o.id = t.outcome_id ORDER BY 1, 2')).rows;
    await db.exec('TRUNCATE outcomes CASCADE');
    await ingestOutcomes(db, source(OUTCOMES), { source: 'fresh', batchSize: 4, indexer: createOutcomeIndexer({ provider: 'offline' }) });
    // Batches where some rows are unchanged (not written) take the other path: encoded inside the transaction. ("revised" is stemmed to "revis".)
    const changed = OUTCOMES.map((o, i) => (i % 3 === 0 ? { ...o, title: `${String(o.title)} (revised)` } : o));
    await ingestOutcomes(db, source(changed), { source: 'edit', batchSize: 4, indexer: createOutcomeIndexer({ provider: 'offline' }) });
    const imported = await postings();
    expect(imported.length).toBeGreaterThan(OUTCOMES.length * 5);
    expect(imported.filter((p) => p.term === 'revis')).toHaveLength(Math.ceil(OUTCOMES.length / 3));
    const ids = (await db.query<{ id: string }>('SELECT id FROM outcomes')).rows.map((r) => Number(r.id));
    await db.transaction((tx) => indexOutcomeText(tx, ids));
    expect(await postings()).toEqual(imported);
  });
});
