import { describe, expect, it } from 'vitest';
import { displayTerms } from '../../src/search/bestEvidence.js';

describe('matched terms as a person reads them', () => {
  it('shows a Chinese word once, not also the character bigrams inside it', () => {
    expect(displayTerms(['_器人', '_机器', '机器人', '_的时', '电池'])).toEqual(['机器人', '电池']);
  });

  it('keeps a bigram that is a word of its own, and drops one that straddles two words', () => {
    expect(displayTerms(['冷库', '_耗电', '_了一'])).toEqual(['冷库', '耗电']);
  });

  it('shows the bigrams when they are all that matched', () => {
    expect(displayTerms(['_的时', '_冷库'])).toEqual(['的时', '冷库']);
  });

  it('shows Latin tokens in the form the outcome uses, in the given order', () => {
    expect(displayTerms(['storag', 'kiln'], new Map([['storag', 'storage']]))).toEqual(['storage', 'kiln']);
  });
});
