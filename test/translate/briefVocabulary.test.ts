import { describe, expect, it } from 'vitest';
import { createOfflineTranslator } from '../../src/translate/offline/offlineTranslator.js';
import type { ResearchBrief } from '../../src/translate/brief.js';
import { memoryCorpus, type MemoryDoc } from './memoryCorpus.js';

const NEED = '我们是做冷库的，夏天压缩机耗电太高，想降低能耗';

/** English patents on refrigeration, each also using the patent word "first". */
const ENGLISH_REFRIGERATION: MemoryDoc[] = [
  { id: 'e1', text: 'A first refrigeration compressor for a cold storage warehouse with a condenser that lowers electricity consumption.' },
  { id: 'e2', text: 'A first energy saving control for cold storage compressors: the condenser fan runs at variable speed to cut power consumption.' },
  { id: 'e3', text: 'A first evaporator and condenser arrangement reducing compressor energy consumption in cold rooms.' },
];

/** Patents on other subjects; "first" is in about a seventh of the store, so it names no topic. */
const OTHER_PATENTS: MemoryDoc[] = Array.from({ length: 70 }, (_, i) => ({ id: `o${i}`, text: `A ${i < 8 ? 'first ' : ''}bicycle saddle with a spring, variant ${i}.` }));

/** Chinese papers that share only 压缩 "compression" with the need. */
const CHINESE_OFF_TOPIC: MemoryDoc[] = [
  { id: 'c1', lang: 'zh', title: '胸腰椎压缩性骨折患者的康复指导', keywords: ['胸腰椎压缩性骨折', '康复指导'], text: '探讨胸腰椎压缩性骨折患者的康复护理方法。' },
  { id: 'c2', lang: 'zh', title: '火电厂振动数据的小波压缩算法', keywords: ['数据压缩', '小波'], text: '提出一种振动数据压缩算法。' },
];

const UNRELATED_KEYWORDS = CHINESE_OFF_TOPIC.flatMap((d) => d.keywords ?? []);

/** Chinese papers on the need's own subject. */
const CHINESE_ON_TOPIC: MemoryDoc[] = [
  { id: 'z1', lang: 'zh', title: '冷库制冷系统节能研究', keywords: ['冷库节能', '制冷压缩机'], text: '分析冷库压缩机耗电与能耗，提出冷库节能措施，降低夏季能耗。' },
  { id: 'z2', lang: 'zh', title: '冷库压缩机变频控制', keywords: ['变频控制', '冷库节能'], text: '冷库压缩机采用变频控制，夏天耗电降低，能耗下降。' },
];

async function briefOn(docs: MemoryDoc[]): Promise<ResearchBrief> {
  const corpus = memoryCorpus(docs);
  const r = await createOfflineTranslator(() => corpus).translate({ text: NEED });
  if (r.kind !== 'brief') throw new Error(`expected a brief, got: ${r.question}`);
  return r.brief;
}

describe('the research vocabulary an offline brief takes from the outcome store', () => {
  it('comes from the language whose outcomes cover the need, not from papers that share one word with it', async () => {
    const b = await briefOn([...ENGLISH_REFRIGERATION, ...OTHER_PATENTS, ...CHINESE_OFF_TOPIC]);
    const shown = [b.researchQuestions.join(' '), b.hypotheticalAbstract, ...b.keywords.map((k) => k.term)].join(' ');
    for (const unrelated of UNRELATED_KEYWORDS) expect(shown).not.toContain(unrelated);
    // With no Chinese research direction to name, the question is asked in the need's own words.
    expect(b.researchQuestions[0]).toMatch(/^哪些研究成果能解决与.*冷库.*相关的问题？/);
    const corpusWords = b.keywords.filter((k) => k.origin === 'corpus').map((k) => k.term);
    expect(corpusWords).toContain('condenser');
  });

  it('names the research directions of on-topic outcomes in the need language, and only theirs', async () => {
    const b = await briefOn([...ENGLISH_REFRIGERATION, ...OTHER_PATENTS, ...CHINESE_ON_TOPIC, ...CHINESE_OFF_TOPIC]);
    expect(b.researchQuestions[0]).toMatch(/^如何利用.*冷库节能/);
    expect(b.keywords).toContainEqual(expect.objectContaining({ term: '冷库节能', lang: 'zh', origin: 'corpus' }));
    const terms = b.keywords.map((k) => k.term);
    for (const unrelated of UNRELATED_KEYWORDS) expect(terms).not.toContain(unrelated);
  });

  it('leaves out feedback words a large share of the outcomes use', async () => {
    const b = await briefOn([...ENGLISH_REFRIGERATION, ...OTHER_PATENTS, ...CHINESE_OFF_TOPIC]);
    const corpusWords = b.keywords.filter((k) => k.origin === 'corpus').map((k) => k.term);
    expect(corpusWords).not.toContain('first');
  });
});
