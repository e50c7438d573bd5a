import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../storage/db.js';
import { searchOutcomes } from '../../src/search/searchOutcomes.js';
import { testEngines } from '../support/testDb.js';
import { loadOutcomes } from '../search/searchFixture.js';
import { searchFeedback } from '../../src/translate/searchFeedback.js';

describe.each(testEngines)('searching with a translated need on $name', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await engine.open();
    await loadOutcomes(db);
  });
  afterAll(async () => db?.close());

  const query = (share: number) => ({
    text: 'our cold storage warehouse compressors waste electricity',
    lexicalTerms: [
      { term: '冷库', weight: 3 * share, lang: 'zh' as const },
      { term: '节能', weight: 2 * share, lang: 'zh' as const },
    ],
  });

  it('lets outcomes in the other language surface, as far as the query weighs that language', async () => {
    const strong = await searchOutcomes({ db }, query(1));
    expect(strong[0]!.sourceId).toBe('C-COLD');
    const weak = await searchOutcomes({ db }, query(0.05));
    const rank = weak.findIndex((r) => r.sourceId === 'C-COLD');
    expect(rank).toBeGreaterThan(0);
  });

  it('keeps other-language terms out of the query vector (dense mode reads the text)', async () => {
    const plain = await searchOutcomes({ db }, { text: 'kiln exhaust heat exchanger', mode: 'dense', limit: 5 });
    const mixed = await searchOutcomes({ db }, { text: 'kiln exhaust heat exchanger', mode: 'dense', limit: 5, lexicalTerms: [{ term: '冷库', weight: 0.01, lang: 'zh' }] }, );
    expect(mixed[0]!.sourceId).toBe(plain[0]!.sourceId);
    expect(plain[0]!.sourceId).not.toBe('C-COLD');
  });

  it('searches as one query when fusion is switched off', async () => {
    const results = await searchOutcomes({ db, tuning: { languageFusion: false } }, query(1));
    expect(results.map((r) => r.sourceId)).toContain('C-COLD');
  });
});

describe.each(testEngines)('corpus statistics for the offline translator on $name', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await engine.open();
    await loadOutcomes(db);
  });
  afterAll(async () => db?.close());

  it('lists the outcomes holding each index token, for co-occurrence', async () => {
    const docs = await searchFeedback(db).documents(['冷库', 'exhaust', 'nosuchtoken']);
    expect(docs.get('冷库')!.size).toBe(1);
    expect(docs.get('exhaust')!.size).toBeGreaterThan(0);
    expect(docs.get('nosuchtoken')!.size).toBe(0);
    const { df } = await searchFeedback(db).docFreq(['exhaust']);
    expect(docs.get('exhaust')!.size).toBe(df.get('exhaust'));
    // The same outcomes, by id, as a lexical search for the one word finds.
    const found = await searchOutcomes({ db }, { text: 'exhaust', mode: 'lexical', limit: 100 });
    expect(docs.get('exhaust')).toEqual(new Set(found.map((r) => r.id)));
  });

  it('reads each token’s outcomes once per translation, however often they are asked for', async () => {
    const asked: unknown[][] = [];
    const counting = { ...db, query: ((sql: string, params?: unknown[]) => (asked.push(params ?? []), db.query(sql, params))) as Db['query'] };
    const feedback = searchFeedback(counting);
    const first = await feedback.documents(['exhaust', '冷库']);
    const again = await feedback.documents(['冷库', 'kiln']);
    expect(asked).toEqual([[['exhaust', '冷库']], [['kiln']]]);
    expect(again.get('冷库')).toEqual(first.get('冷库'));
    expect(again.get('kiln')).toEqual((await searchFeedback(db).documents(['kiln'])).get('kiln'));
  });

  it('reads each token’s document frequency once per translation, and the store size with the first', async () => {
    const asked: unknown[][] = [];
    const counting = { ...db, query: ((sql: string, params?: unknown[]) => (asked.push(params ?? []), db.query(sql, params))) as Db['query'] };
    const feedback = searchFeedback(counting);
    const first = await feedback.docFreq(['exhaust', '冷库', 'nosuchtoken']);
    const again = await feedback.docFreq(['冷库', 'nosuchtoken']);
    const more = await feedback.docFreq(['kiln', 'exhaust']);
    expect(asked).toEqual([[['exhaust', '冷库', 'nosuchtoken']], [['kiln']]]);
    expect(first.total).toBeGreaterThan(0);
    expect(again).toEqual({ total: first.total, df: new Map([['冷库', 1]]) });
    expect(more).toEqual(await searchFeedback(db).docFreq(['kiln', 'exhaust']));
    expect(first.df.has('nosuchtoken')).toBe(false);
  });
});
