import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../storage/db.js';
import { searchOutcomes } from '../../src/search/searchOutcomes.js';
import { UserFacingError } from '../../src/errors.js';
import { hasVectorIndex } from '../../storage/repositories/searchIndex.js';
import { testEngines } from '../support/testDb.js';
import { loadOutcomes, OUTCOMES, rowsOf } from './searchFixture.js';
import { ingestOutcomes } from '../../src/outcomes/ingest.js';
import { createOutcomeIndexer } from '../../src/search/outcomeIndexer.js';

describe.each(testEngines)('searchOutcomes on $name', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await engine.open();
    await loadOutcomes(db);
  });
  afterAll(async () => db?.close());

  const ids = async (text: string, extra: Parameters<typeof searchOutcomes>[1] = { text }) =>
    (await searchOutcomes({ db }, { ...extra, text })).map((r) => r.sourceId);

  it('records the offline model, embeds every outcome with it and builds the HNSW index', async () => {
    const models = await db.query<{ id: string; provider: string; dim: number; active: boolean }>('SELECT id, provider, dim, active FROM embedding_models');
    expect(models.rows).toHaveLength(1);
    expect(models.rows[0]).toMatchObject({ provider: 'offline', active: true });
    const rows = await db.query<{ n: number; mine: number }>('SELECT count(*)::int AS n, count(v.model_id) FILTER (WHERE v.model_id = $1)::int AS mine FROM outcome_search s LEFT JOIN outcome_vectors v USING (outcome_id)', [models.rows[0]!.id]);
    expect(rows.rows[0]).toEqual({ n: OUTCOMES.length, mine: OUTCOMES.length });
    expect(await hasVectorIndex(db)).toBe(true);
  });

  it('finds by words and explains each hit: matched terms, evidence sentence, every score', async () => {
    const results = await searchOutcomes({ db }, { text: 'recover heat from kiln exhaust' });
    expect(results[0]!.sourceId).toBe('P-KILN');
    const e = results[0]!.explanation;
    expect(e.matchedTerms).toEqual(expect.arrayContaining(['kiln', 'exhaust']));
    expect(e.evidence).toMatch(/kiln exhaust/);
    expect(e.scores.lexical).toBeGreaterThan(0);
    expect(e.scores.dense).toBeGreaterThan(0);
    expect(e.scores.fused).toBeGreaterThan(0);
    expect(e.scores.ranks).toMatchObject({ lexical: 1, final: 1 });
    // Dense neighbours fill the list, but an unrelated one stays at the bottom.
    expect(results.map((r) => r.sourceId).indexOf('A-CRYPTO')).not.toBeLessThan(5);
  });

  it('finds Chinese outcomes from a Chinese query (segmented words and bigrams)', async () => {
    const results = await searchOutcomes({ db }, { text: '我们冷库的压缩机太耗电了' });
    expect(results[0]!.sourceId).toBe('C-COLD');
    expect(results[0]!.explanation.matchedTerms).toEqual(expect.arrayContaining(['冷库']));
    expect(results[0]!.explanation.evidence).toMatch(/冷库/);
  });

  it('applies hard filters', async () => {
    expect(await ids('waste heat', { text: '', filters: { kinds: ['capability'] } })).toEqual(['K-LAB']);
    const trl = await searchOutcomes({ db }, { text: 'waste heat', filters: { trlMin: 7, trlMax: 8 } });
    expect(trl.length).toBeGreaterThan(0);
    for (const r of trl) expect(r.trl).toBeGreaterThanOrEqual(7);
    expect(await ids('heat', { text: '', filters: { regions: ['ep'], yearMax: 2014 } })).toEqual(['P-HRV']);
    expect(await ids('heat', { text: '', filters: { institutions: ['nordic'] } })).toEqual(['P-HRV']);
    expect(await ids('heat', { text: '', filters: { disciplines: ['building'] } })).toEqual(['P-HRV']);
    expect(await ids('heat', { text: '', filters: { ipStatus: ['PENDING'] } })).toEqual(['P-ENGINE']);
    expect(await ids('heat recovery', { text: '', filters: { yearMin: 2019, yearMax: 2019 } })).toEqual(['P-KILN']);
    expect(await ids('kiln', { text: '', excludeOutcomeIds: [] })).toContain('P-KILN');
    const kiln = (await searchOutcomes({ db }, { text: 'kiln' }))[0]!;
    expect(await ids('kiln', { text: '', excludeOutcomeIds: [kiln.id] })).not.toContain(kiln.sourceId);
  });

  it('does not let one institution fill the top of the list', async () => {
    const results = await searchOutcomes({ db }, { text: 'waste heat recovery kiln furnace exhaust', limit: 6, mode: 'lexical' });
    const top4 = results.slice(0, 4).map((r) => r.institution);
    expect(top4.filter((i) => i === 'Tongji University').length).toBeLessThanOrEqual(3);
    expect(results.length).toBe(6);
  });

  it('under a postings budget, reads the rarest terms in full and completes the best candidates to their exact BM25 scores', async () => {
    const text = 'waste heat recovery kiln furnace exhaust';
    const run = (postingsBudget: number) => searchOutcomes({ db, tuning: { postingsBudget } }, { text, mode: 'lexical', limit: 50 });
    const exhaustive = await run(1e9);
    const budgeted = await run(1); // only the rarest query term is read in full
    const exact = new Map(exhaustive.map((r) => [r.id, r.explanation]));
    expect(budgeted.length).toBeGreaterThan(0);
    for (const r of budgeted) {
      expect(r.explanation.scores.lexical).toBeCloseTo(exact.get(r.id)!.scores.lexical!, 3);
      expect([...r.explanation.matchedTerms].sort()).toEqual([...exact.get(r.id)!.matchedTerms].sort());
    }
    // Outcomes without the rarest term are no lexical candidates then.
    expect(budgeted.length).toBeLessThan(exhaustive.length);
  });

  it('saturates the translations of one concept together, each keeping its own weight and IDF', async () => {
    const lexical = async (concept: string | undefined, postingsBudget = 1e9) => {
      const terms = ['kiln', 'exhaust'].map((term) => ({ term, weight: 1, lang: 'en' as const, ...(concept ? { concept } : {}) }));
      const results = await searchOutcomes({ db, tuning: { postingsBudget } }, { text: 'ceramic', lexicalTerms: terms, mode: 'lexical', limit: 50 });
      return new Map(results.map((r) => [r.sourceId, r.explanation.scores.lexical!]));
    };
    const apart = await lexical(undefined);
    const together = await lexical('窑炉');
    // P-KILN names both: less than two saturated terms. P-HRV names only "exhaust": plain BM25.
    expect(together.get('P-KILN')!).toBeLessThan(apart.get('P-KILN')! - 0.01);
    expect(together.get('P-HRV')!).toBeCloseTo(apart.get('P-HRV')!, 6);
    // The postings budget splits by concept: "ceramic" alone is read in full, the concept is looked up for its outcomes.
    const budgeted = await lexical('窑炉', 1);
    expect([...budgeted.keys()].sort()).toEqual(['P-FURNACE', 'P-KILN']);
    for (const [id, score] of budgeted) expect(score).toBeCloseTo(together.get(id)!, 3);
  });

  it('ranks by one side alone in lexical and dense modes', async () => {
    const lexical = await searchOutcomes({ db }, { text: 'rotary wheel ventilation', mode: 'lexical' });
    expect(lexical[0]!.sourceId).toBe('P-HRV');
    expect(lexical[0]!.explanation.scores.dense).toBeNull();
    // The offline model only knows words seen in two outcomes or more.
    const dense = await searchOutcomes({ db }, { text: 'recovers heat from exhaust air', mode: 'dense' });
    expect(dense[0]!.explanation.scores.dense).toBeGreaterThan(0);
    expect(dense[0]!.explanation.scores.ranks.dense).toBe(1);
  });

  it('puts added terms of the text’s language into the query vector in dense mode only', async () => {
    const kiln = [{ term: 'kiln', weight: 2, lang: 'en' as const }];
    const denseOf = async (mode: 'dense' | 'hybrid', lexicalTerms?: typeof kiln) =>
      (await searchOutcomes({ db }, { text: 'recovers heat from exhaust air', mode, lexicalTerms, limit: 20 })).find((r) => r.sourceId === 'P-KILN')!.explanation.scores.dense!;
    expect(await denseOf('dense', kiln)).toBeGreaterThan(await denseOf('dense'));
    // Hybrid search has the terms on its lexical side; its vector reads the text alone.
    expect(await denseOf('hybrid', kiln)).toBeCloseTo(await denseOf('hybrid'), 6);
  });

  it('takes weighted expansion terms and a separate dense text', async () => {
    const results = await searchOutcomes({ db }, { text: 'our cold room wastes power', lexicalTerms: [{ term: '冷库', weight: 1, lang: 'zh' }, { term: '节能', weight: 0.8, lang: 'zh' }], denseText: '冷库 制冷 节能' });
    expect(results[0]!.sourceId).toBe('C-COLD');
  });

  it('answers bad input with a clear message or a sensible result, never an SQL error', async () => {
    await expect(searchOutcomes({ db }, { text: '' })).rejects.toBeInstanceOf(UserFacingError);
    await expect(searchOutcomes({ db }, { text: 'a' })).rejects.toBeInstanceOf(UserFacingError);
    await expect(searchOutcomes({ db }, { text: `'&|!:*()\\` })).rejects.toBeInstanceOf(UserFacingError);
    await expect(searchOutcomes({ db }, { text: '🔥🔥' })).rejects.toBeInstanceOf(UserFacingError);
    await expect(searchOutcomes({ db }, { text: 'kiln', filters: { trlMin: 12 } })).rejects.toBeInstanceOf(UserFacingError);
    await expect(searchOutcomes({ db }, { text: 'kiln', filters: { yearMin: 2020, yearMax: 2010 } })).rejects.toBeInstanceOf(UserFacingError);
    expect((await searchOutcomes({ db }, { text: `kiln' & !exhaust:* (heat) | \\` }))[0]!.sourceId).toMatch(/^(P-KILN|K-LAB)$/);
    expect((await searchOutcomes({ db }, { text: '🔥 kiln 窑炉 exhaust 😀' })).length).toBeGreaterThan(0);
    const huge = 'waste heat kiln '.repeat(3_200).slice(0, 50_000);
    expect((await searchOutcomes({ db }, { text: huge }))[0]!.sourceId).toMatch(/^(P-KILN|P-CEMENT|K-LAB)$/);
    expect(await searchOutcomes({ db }, { text: 'kiln', filters: { regions: ['ATLANTIS'] } })).toEqual([]);
    expect(await searchOutcomes({ db }, { text: 'zzzqqq unknownword' })).toEqual([]);
  });

  it('refits the offline model when the corpus has grown a lot, and re-embeds everything', async () => {
    const before = (await db.query<{ id: string }>('SELECT id FROM embedding_models WHERE active')).rows[0]!.id;
    const more = Array.from({ length: 8 }, (_, i) => ({ sourceId: `X-${i}`, kind: 'paper', title: `Heat pump dryer study ${i}`, abstract: `A heat pump dryer for fruit, variant ${i}, saves energy.`, language: 'en' }));
    await ingestOutcomes(db, rowsOf(more), { source: 'more', indexer: createOutcomeIndexer({ provider: 'offline' }) });
    const models = await db.query<{ id: string }>('SELECT id FROM embedding_models WHERE active');
    expect(models.rows[0]!.id).not.toBe(before);
    const stale = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM outcome_search s LEFT JOIN outcome_vectors v USING (outcome_id) WHERE v.model_id IS DISTINCT FROM $1', [models.rows[0]!.id]);
    expect(stale.rows[0]!.n).toBe(0);
    expect((await searchOutcomes({ db }, { text: 'heat pump fruit dryer' }))[0]!.sourceId).toMatch(/^X-/);
  });
});
