import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../storage/db.js';
import { testEngines } from '../support/testDb.js';
import { loadOutcomes } from '../search/searchFixture.js';
import { searchExpansion } from '../../src/translate/searchExpansion.js';
import { searchFeedback } from '../../src/translate/searchFeedback.js';
import { expandNeed } from '../../src/translate/offline/expandNeed.js';
import { searchTermsOf } from '../../src/translate/offline/offlineTranslator.js';
import { shownTranslations } from '../../src/translate/offline/offlineBrief.js';

/**
 * /search works out only the other language's half of a need's expansion (its own language's
 * feedback words, keywords and stress are not searched): the terms it adds must be exactly
 * those the whole expansion gives.
 */
describe.each(testEngines)("a search's translations on $name", (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await engine.open();
    await loadOutcomes(db);
  });
  afterAll(async () => db?.close());

  it.each([
    '冷库 节能',
    '热泵 干燥 水稻',
    'heat pump drying of rice',
    'cold storage warehouse compressors waste electricity',
    '我们的冷库压缩机耗电太大，想节能改造',
  ])('adds the same other-language terms as the whole expansion: %s', async (text) => {
    const whole = await expandNeed(text, searchFeedback(db));
    const other = whole.lang === 'en' ? 'zh' : 'en';
    const expected = searchTermsOf(whole, searchFeedback(db).tokens(text).length).filter((t) => t.lang === other);
    const got = await searchExpansion(db, text);
    expect(got.query.lexicalTerms ?? []).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    if (whole.blocks[other].share >= 0.2) expect(got.alsoSearched).toEqual(shownTranslations(whole, 6));
  });
});
