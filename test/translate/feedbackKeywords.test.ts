import { describe, expect, it } from 'vitest';
import type { FeedbackDoc } from '../../src/translate/corpusFeedback.js';
import { conceptsCovered, documentTokens } from '../../src/translate/offline/coverage.js';
import { keywordsOf } from '../../src/translate/offline/expandNeed.js';
import { memoryCorpus } from './memoryCorpus.js';

const paper = (id: string, title: string, keywords: string[]): FeedbackDoc => ({ id, title, text: '', keywords, lang: 'zh', score: 1 });

/** Feedback papers for a need about seawater corroding steel pipes, in search rank order. */
const WATER_QUALITY = paper('q', '基于模糊神经网络的海水水质评价', ['海水水质评价', '模糊神经网络']);
const CONCRETE = paper('c', '海工混凝土耐腐蚀外加剂', ['海工混凝土', '外加剂', '氯离子渗透']);
const STEEL = paper('s', '碳钢在海水中的点蚀', ['碳钢', '点蚀']);

describe('the author keywords a brief shows from the feedback outcomes', () => {
  it('come only from outcomes that name two or more of the need\'s concepts', () => {
    // The water-quality paper covers as much of the need by one rare word as the others by two.
    const shown = keywordsOf([WATER_QUALITY, CONCRETE, STEEL], [0.4, 0.4, 0.4], [1, 2, 2], 3);
    expect(shown).not.toContain('海水水质评价');
    expect(shown).not.toContain('模糊神经网络');
    expect(shown).toEqual(expect.arrayContaining(['海工混凝土', '碳钢']));
  });

  it('a need of one concept asks for one', () => {
    expect(keywordsOf([WATER_QUALITY], [0.5], [1], 1)).toEqual(['海水水质评价', '模糊神经网络']);
  });

  it('come from the best-covering outcome first, then take turns, so a short list spans outcomes', () => {
    const shown = keywordsOf([CONCRETE, STEEL], [0.35, 0.4], [2, 2], 3);
    expect(shown.slice(0, 4)).toEqual(['碳钢', '海工混凝土', '点蚀', '外加剂']);
  });

  it('leave out outcomes covering much less of the need than the best one', () => {
    expect(keywordsOf([CONCRETE, STEEL], [0.2, 0.4], [2, 2], 3)).toEqual(['碳钢', '点蚀']);
  });
});

describe('how many of a need\'s concepts an outcome names', () => {
  const corpus = memoryCorpus([]);
  const query = [
    { term: '海水', weight: 1, concept: 'seawater' },
    { term: '腐蚀', weight: 1, concept: 'corrode' },
    { term: '锈蚀', weight: 1, concept: 'corrode' },
    { term: '管道', weight: 1, concept: 'pipes' },
  ];

  it('counts a concept once however many of its translations the outcome holds', () => {
    const doc = paper('x', '海水管道的腐蚀与锈蚀', []);
    expect(conceptsCovered(corpus, query, documentTokens(corpus, [doc]))).toEqual([3]);
  });

  it('does not count a term the outcome holds only as characters of other words', () => {
    // 海水 is not a word of 近海水域 for the segmenter, though its characters are there.
    const doc = paper('y', '近海水域的腐蚀监测', []);
    expect(conceptsCovered(corpus, query, documentTokens(corpus, [doc]))).toEqual([1]);
  });
});
