import { describe, expect, it } from 'vitest';
import { configuredTranslate } from '../../src/cli/evalCommand.js';
import { extractConstraints, stripConstraints } from '../../src/translate/constraints.js';
import { sourceTerms } from '../../src/translate/offline/sourceTerms.js';
import { settleGuessedWords } from '../../src/translate/offline/guessedWords.js';
import { memoryCorpus } from './memoryCorpus.js';

describe('what the offline translator reads of a need', () => {
  it('leaves budget, timeline and location out of the terms, but still records them as constraints', () => {
    const text = 'Our kilns waste a lot of heat. Budget is about $50k and we need it within 6 months. Based in Germany.';
    expect(stripConstraints(text)).not.toMatch(/50k|6 months|Germany|Budget/);
    const terms = sourceTerms(text).map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(['kilns', 'waste', 'heat']));
    for (const noise of ['budget', 'months', 'germany', 'based']) expect(terms).not.toContain(noise);
    expect(extractConstraints(text)).toMatchObject({ budgetBand: '$50k', timeline: 'within 6 months' });
    const zh = sourceTerms('我们想在6个月内解决窑炉余热回收问题，预算50万元。').map((t) => t.term);
    expect(zh).toEqual(expect.arrayContaining(['窑炉', '余热', '回收']));
    expect(zh.some((t) => /预算|万元|个月/.test(t))).toBe(false);
  });

  it('takes a Chinese need\'s region from China\'s provinces and cities, not from any word ending in 省 or 市', () => {
    const region = (text: string) => extractConstraints(text).region;
    expect(region('新疆种棉花的，春天一刮风沙地膜就破')).toBe('新疆');
    expect(region('广东省佛山市的陶瓷厂，窑炉能耗高')).toBe('广东省');
    expect(region('我们在苏州，做注塑件')).toBe('苏州'); // a city's short name after 在 "in"
    expect(region('广西的蔗糖厂')).toBe('广西'); // 广西壮族自治区
    // 冷凝炉省气 "the condensing boiler saves gas", 怎么省 "how to save", 超市 "supermarket", 上市 "comes to market"
    for (const text of ['想了解冷凝炉省气的原理', '烟囱冒白汽，怎么省？', '真空包装的肉在超市放不了几天', '赶春节上市卖高价']) expect(region(text)).toBeUndefined();
    expect(region('白银冶炼废渣怎么处理')).toBeUndefined(); // 白银 is a city, and silver
  });

  it('drops the words of the business conversation, keeps the technical ones', () => {
    const terms = sourceTerms('Our company needs a better way to fix the boiler corrosion; the board wants to cut costs.').map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(['boiler', 'corrosion']));
    for (const noise of ['company', 'needs', 'better', 'way', 'fix', 'board', 'wants', 'costs']) expect(terms).not.toContain(noise);
    expect(sourceTerms('我们公司想了解冷凝炉省气的原理，有没有成熟方案？').map((t) => t.term)).not.toEqual(expect.arrayContaining(['公司']));
  });

  it('drops the questions a Chinese need asks, however jieba joins their words', () => {
    const terms = sourceTerms('想了解冷凝炉的原理和怎样才能真正冷凝下来。渗滤液怎么办？哪些因素影响效率？').map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(['冷凝', '原理', '滤液', '效率']));
    for (const question of ['怎样才能', '怎么办', '哪些因素', '哪些']) expect(terms).not.toContain(question);
  });

  it('drops Chinese words that say how rather than what, even where jieba tags them as nouns', () => {
    const terms = sourceTerms('县政府想让我们顺带处理生活垃圾，基本上每天频繁启停。').map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(['垃圾', '启停']));
    for (const how of ['顺带', '基本上', '频繁']) expect(terms).not.toContain(how);
  });

  describe('a word jieba guessed across a very common character (炉省 in 冷凝炉省气)', () => {
    const need = '想了解冷凝炉省气的原理；玻璃钢铣边老起层；两相流换热怎么算？';
    const guessed = (text: string) => Object.fromEntries(sourceTerms(text).filter((t) => t.unattested !== undefined).map((t) => [t.term, t.unattested]));

    it('is marked with what the need says without that character, or with nothing', () => {
      const marked = guessed(need);
      expect(marked['炉省']).toBeNull(); // 省 "save" is a very common word: only 炉 would be left
      expect(marked['老起层']).toMatchObject({ term: '起层' }); // 老 "always": 起层 "delaminates"
      expect(marked).not.toHaveProperty('铣边'); // a guess, but of no common character: a term the dictionaries lack
      expect(sourceTerms(need).map((t) => t.term)).toEqual(expect.arrayContaining(['冷凝', '铣边', '炉省', '老起层']));
    });

    it('stays a word of the need where an outcome uses it, and gives way where none does', async () => {
      const store = memoryCorpus([
        { id: 'z1', lang: 'zh', text: '气液两相流的换热与压降计算。' },
        { id: 'z2', lang: 'zh', text: '冷凝锅炉的原理与烟气冷凝换热。' },
      ]);
      const settled = (await settleGuessedWords(sourceTerms(need), store)).map((t) => t.term);
      expect(settled).toEqual(expect.arrayContaining(['冷凝', '原理', '铣边', '起层']));
      for (const join of ['炉省', '老起层']) expect(settled).not.toContain(join);
      expect(guessed(need)['两相流']).toMatchObject({ term: '相流' }); // 两 "two" is a common word…
      expect(settled).toContain('两相流'); // …but the store uses 两相流 "two-phase flow"
      expect(settled).not.toContain('相流');
      expect(await settleGuessedWords(sourceTerms(need), undefined)).toEqual(sourceTerms(need)); // no store: the guesses stand
    });
  });

  it('has liaison eval use the configured translator unless told otherwise', () => {
    expect(configuredTranslate({})).toBe('offline');
    expect(configuredTranslate({ TRANSLATOR: 'llm' })).toBe('offline');
    expect(configuredTranslate({ TRANSLATOR: 'llm', LLM_ALLOWED: 'true', OPENAI_BASE_URL: 'http://127.0.0.1:9', OPENAI_MODEL: 'm' })).toBe('llm');
  });
});
