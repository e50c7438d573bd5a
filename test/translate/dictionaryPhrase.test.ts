import { describe, expect, it } from 'vitest';
import { dictionaryPhrase } from '../../src/translate/lexicon/dictionaryPhrase.js';
import { englishToChinese } from '../../src/translate/offline/crossLanguage.js';
import { englishSourceTerms } from '../../src/translate/offline/sourceTerms.js';

describe('phrases CC-CEDICT translates as one (two adjacent words of a need)', () => {
  it('finds the phrase whatever the inflection or the British spelling', () => {
    expect(dictionaryPhrase('injection', 'moulded')).toBe('injection molding'); // 注塑
    expect(dictionaryPhrase('wood', 'chips')).toBe('wood chip'); // 木片
    expect(dictionaryPhrase('cold', 'rolling')).toMatch(/^cold roll/); // 冷轧 "cold-rolled", "cold-rolling"
  });

  it('finds nothing for words that are not one dictionary phrase, or a phrase that names no thing', () => {
    expect(dictionaryPhrase('moulded', 'housings')).toBeUndefined();
    expect(dictionaryPhrase('injection', 'pump')).toBeUndefined();
    expect(dictionaryPhrase('fire', 'faster')).toBeUndefined();
  });

  it('makes the pair a compound of the need, translated as a whole rather than word by word', () => {
    const terms = englishSourceTerms('Our injection-moulded PP housings warp after demoulding.');
    const phrase = terms.find((t) => t.term === 'injection moulded');
    expect(phrase).toMatchObject({ compound: true, lemma: 'injection molding' });
    expect(englishToChinese(phrase!)[0]?.term).toBe('注塑');
    // Word by word the dictionary's first choice is a medical injection, and a fungus is among its choices.
    expect(englishToChinese(terms.find((t) => t.term === 'injection')!)[0]?.term).toBe('注射');
    expect(englishToChinese(terms.find((t) => t.term === 'moulded')!).map((t) => t.term)).toContain('霉菌');
  });

  it('keeps business talk out of phrases (“make sense” is in the dictionary, but no technical term)', () => {
    const terms = englishSourceTerms('Would a heat pump make sense for our dryer?');
    expect(terms.some((t) => t.term === 'make sense')).toBe(false);
  });
});
