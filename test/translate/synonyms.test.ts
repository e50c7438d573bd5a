import { describe, expect, it } from 'vitest';
import { wordnet } from '../../src/translate/lexicon/wordnet.js';
import { sourceTerms } from '../../src/translate/offline/sourceTerms.js';
import { synonymsOf } from '../../src/translate/offline/synonyms.js';

const synonymsIn = (need: string, word: string) => {
  const term = sourceTerms(need).find((t) => t.term === word);
  if (!term) throw new Error(`"${word}" is not a term of "${need}"`);
  return synonymsOf(term).map((s) => s.term);
};

describe('WordNet synonyms of a need\'s English words', () => {
  it('read a comparative as its adjective, not as a noun of the same spelling', () => {
    // "fast" as a noun is abstaining from food.
    expect(synonymsIn('our tiles crack when we fire them faster', 'faster')).toEqual(['fast']);
    expect(synonymsIn('we need stronger welds', 'stronger')).toEqual(['strong']);
  });

  it('take the noun of other inflections: braking is about brakes', () => {
    expect(synonymsIn('regenerative braking for buses', 'braking')).toEqual(expect.arrayContaining(['restraint']));
  });

  it('find a base form by the inflections of its part of speech only', () => {
    const wn = wordnet();
    expect(wn.baseFormAs('faster', 'adj')).toBe('fast');
    expect(wn.baseFormAs('faster', 'noun')).toBeUndefined();
    expect(wn.baseFormAs('tiles', 'noun')).toBe('tile');
    expect(wn.baseFormAs('tiles', 'adj')).toBeUndefined();
  });
});
