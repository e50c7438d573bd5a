import { describe, expect, it } from 'vitest';
import { keyTerms, matchStrength } from '../../src/digests/matchStrength.js';

describe('match strength', () => {
  const terms = new Map([['kiln', 1], ['cement', 1], ['need', 1], ['heat', 1], ['水泥', 1], ['_水泥', 1], ['窑', 1]]);
  const idf = new Map([['kiln', 5], ['cement', 4], ['need', 0.5], ['heat', 1], ['水泥', 4], ['_水泥', 4], ['窑', 4]]);

  it('weights key terms by rarity: the rare words of a need count, its common ones barely', () => {
    const key = keyTerms(terms, idf, 'en');
    expect(matchStrength(key, { title: 'Cement kiln', matchedTerms: ['kiln', 'cement'] })).toBe(0.86);
    expect(matchStrength(key, { title: 'What we need', matchedTerms: ['need', 'heat'] })).toBe(0.14);
    expect(matchStrength(key, { title: 'Unrelated', matchedTerms: [] })).toBe(0);
  });

  it('judges an outcome in the other language on the translated terms, discounted, bigrams counted once', () => {
    const key = keyTerms(terms, idf, 'en');
    expect(key.han.map(([t]) => t)).toEqual(['水泥', '窑']);
    expect(matchStrength(key, { title: '水泥窑余热', matchedTerms: ['水泥', '窑'] })).toBe(0.8);
    expect(matchStrength(keyTerms(terms, idf, 'zh'), { title: '水泥窑余热', matchedTerms: ['水泥', '窑'] })).toBe(1);
  });
});
