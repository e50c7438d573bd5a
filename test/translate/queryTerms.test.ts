import { describe, expect, it } from 'vitest';
import type { WeightedTerm } from '../../src/translate/corpusFeedback.js';
import { DEFAULT_EXPANSION, type Expansion } from '../../src/translate/offline/expandNeed.js';
import { expansionQueryTerms } from '../../src/translate/offline/queryTerms.js';

type Block = Expansion['blocks']['en'];
const block = (base: WeightedTerm[], share: number): Block => ({ base, own: [], added: [], synonyms: [], feedback: [], keywords: [], distinctive: [], attested: base.map((t) => t.term), fields: new Map(), coverage: share, share });

/** An English need of 20 text tokens whose two Chinese translations carry the whole other-language block. */
function expansion(enShare: number): Expansion {
  const zh = [
    { term: '余热', weight: 1, lang: 'zh' as const, concept: 'waste heat' },
    { term: '发电', weight: 1, lang: 'zh' as const, concept: 'power' },
  ];
  return { lang: 'en', source: [], blocks: { en: block([], enShare), zh: block(zh, 1 - enShare) }, terms: [], emphasis: [] };
}

const zhWeights = (e: Expansion) => expansionQueryTerms(e, 20, DEFAULT_EXPANSION).filter((t) => t.lang === 'zh').map((t) => t.weight);

describe('query terms of an offline expansion', () => {
  it('caps a translation at one need word while the need’s own language looks likelier to hold the answers', () => {
    // Uncapped, the block would be 20 × 0.4 / 0.6 ≈ 13.3, i.e. 6.7 for each translation.
    expect(zhWeights(expansion(0.6))).toEqual([DEFAULT_EXPANSION.maxSecondaryTermWeight, DEFAULT_EXPANSION.maxSecondaryTermWeight]);
  });

  it('lets translations weigh more when collection selection favours the other language', () => {
    expect(zhWeights(expansion(0.1))).toEqual([DEFAULT_EXPANSION.maxTermWeight, DEFAULT_EXPANSION.maxTermWeight]);
    expect(DEFAULT_EXPANSION.maxTermWeight).toBeGreaterThan(DEFAULT_EXPANSION.maxSecondaryTermWeight);
  });

  it('keeps the English word each Chinese translation stands for, for the search to saturate them together', () => {
    expect(expansionQueryTerms(expansion(0.6), 20, DEFAULT_EXPANSION).filter((t) => t.lang === 'zh').map((t) => t.concept)).toEqual(['waste heat', 'power']);
  });

  it('searches the English sense words of a Chinese need word, its own words and feedback as terms of their own', () => {
    const zhBlock = block([{ term: '余热', weight: 1, lang: 'zh', concept: '余热' }], 0.6);
    const en = block([{ term: 'heat', weight: 1, lang: 'en', concept: '余热' }, { term: 'waste', weight: 1, lang: 'en', concept: '余热' }], 0.4);
    const e: Expansion = { lang: 'zh', source: [], blocks: { zh: { ...zhBlock, feedback: [{ term: '回收', weight: 1, lang: 'zh', concept: '回收' }] }, en }, terms: [], emphasis: [] };
    expect(expansionQueryTerms(e, 20, DEFAULT_EXPANSION).every((t) => t.concept === undefined)).toBe(true);
  });

  it('adds the stress on the need’s coherent words in proportion to the odds of the need’s language', () => {
    const stressed = (enShare: number): Expansion => ({ ...expansion(enShare), emphasis: [{ term: 'corrosion', weight: 0.5, lang: 'en' }] });
    const weightOf = (e: Expansion) => expansionQueryTerms(e, 10, DEFAULT_EXPANSION).find((t) => t.term === 'corrosion')!.weight;
    expect(weightOf(stressed(0.6))).toBe(0.5);
    expect(weightOf(stressed(0.25))).toBeCloseTo(0.5 / 3, 3);
  });

  it('leaves small translation weights alone', () => {
    const e = expansion(0.6);
    const small = expansionQueryTerms(e, 2, DEFAULT_EXPANSION).filter((t) => t.lang === 'zh');
    expect(small.map((t) => t.weight)).toEqual([0.667, 0.667]);
  });
});
