import { describe, expect, it } from 'vitest';
import { createOfflineTranslator } from '../../src/translate/offline/offlineTranslator.js';
import type { ResearchBrief } from '../../src/translate/brief.js';
import { documentTokens } from '../../src/translate/offline/coverage.js';
import { sharedByCloseOutcomes } from '../../src/translate/offline/expandNeed.js';
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

async function briefOn(docs: MemoryDoc[], need = NEED): Promise<ResearchBrief> {
  const corpus = memoryCorpus(docs);
  const r = await createOfflineTranslator(() => corpus).translate({ text: need });
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

  it('shows an English word\'s Chinese translations, not the compounds naming a kind of it, which the search keeps', async () => {
    // Chinese papers on hotels: two on love hotels (情趣酒店, one also on capsule hotels), two on hotel pool halls.
    const papers: MemoryDoc[] = [
      { id: 'h1', lang: 'zh', title: '情趣酒店的市场定位', text: '情趣酒店客源与房价分析。' },
      { id: 'h2', lang: 'zh', title: '情趣酒店与胶囊酒店选址研究', text: '城市情趣酒店、胶囊酒店的选址与经营。' },
      { id: 'h3', lang: 'zh', title: '酒店室内泳池大厅的除湿通风', text: '酒店泳池大厅潮湿，除湿机能耗高，提出通风除湿方案。' },
      { id: 'h4', lang: 'zh', title: '室内游泳馆大厅湿度控制', text: '酒店室内泳池大厅的湿度与结露控制。' },
    ];
    const b = await briefOn([...papers, ...OTHER_PATENTS], 'Our hotel has an indoor pool; the pool hall is muggy and the dehumidifiers cost a fortune.');
    const translations = b.keywords.filter((k) => k.origin === 'translation').flatMap((k) => [k.term, ...k.synonyms]);
    expect(translations).toContain('大厅'); // "hall"
    expect(translations).not.toContain('情趣酒店'); // "love hotel"
    expect(translations).not.toContain('胶囊酒店'); // "capsule hotel"
    expect(b.queryTerms?.map((t) => t.term)).toContain('情趣酒店');
  });

  it('shows a Chinese word\'s dictionary sense as apt as its least apt word: 发电 "generate electricity", not "send a telegram"', async () => {
    // Cement-kiln patents that burn garbage for electricity; signalling patents that "send" (two a telegram).
    const patents: MemoryDoc[] = [
      { id: 'k1', text: 'A cement kiln co-processes garbage and the waste heat boiler helps generate electricity.' },
      { id: 'k2', text: 'Garbage is burned in the cement kiln; a steam turbine is used to generate electricity.' },
      { id: 'k3', text: 'A cement plant that treats garbage and sends its flue gas to a boiler to generate electricity.' },
      { id: 's1', text: 'A controller sends a signal to the cement mixer and sends the garbage truck a message.' },
      { id: 's2', text: 'The station sends a telegram; the relay sends it on.' },
      { id: 's3', text: 'A telegram key that sends pulses down the line.' },
    ];
    const b = await briefOn([...patents, ...OTHER_PATENTS], '县里的水泥厂想顺带处理生活垃圾，还说能发电，有没有成熟的方案？');
    const senses = b.keywords.filter((k) => k.origin === 'translation').flatMap((k) => [k.term, ...k.synonyms]);
    expect(senses).toContain('generate electricity');
    expect(senses).not.toContain('send a telegram');
  });

  describe('for an English need about firing ceramic tiles', () => {
    const TILE_NEED = 'Our ceramic tiles crack when we fire them faster in the kiln; we want shorter firing cycles.';
    /** Kiln patents in claim language: "comprises", "respective" and "preferably" are in every one. */
    const KILN_PATENTS: MemoryDoc[] = [
      { id: 'k1', text: 'A tunnel kiln for ceramic tiles comprises burners with respective nozzles, preferably fed with preheated air, so that tiles fire faster without a crack.' },
      { id: 'k2', text: 'A roller kiln for ceramic tiles comprises burners and a cooling zone; respective fans preferably blow air against crack formation in fast firing.' },
      { id: 'k3', text: 'Ceramic tiles fired in a kiln whose burners sit in respective rows; the kiln preferably comprises a recuperator to shorten firing cycles.' },
    ];
    /** Chinese papers: two on cracks in firing cycles, one on executions (行刑), one on geological cycles (旋回). */
    const CHINESE_PAPERS: MemoryDoc[] = [
      { id: 'z1', lang: 'zh', title: '陶瓷砖快速烧成中的裂纹扩展', text: '研究陶瓷砖在快速烧成循环中的裂纹与热应力。' },
      { id: 'z2', lang: 'zh', title: '烧成循环对陶瓷裂纹的影响', text: '分析窑炉烧成循环与陶瓷坯体裂纹的关系。' },
      { id: 'z3', lang: 'zh', title: '明代行刑制度考', text: '考察明代行刑的程序与地点。' },
      { id: 'z4', lang: 'zh', title: '沉积旋回与层序地层', text: '讨论盆地沉积旋回的划分方法。' },
    ];
    const tileBrief = () => briefOn([...KILN_PATENTS, ...OTHER_PATENTS, ...CHINESE_PAPERS], TILE_NEED);

    it('shows the dictionary translations the store uses as words in more than one outcome', async () => {
      const b = await tileBrief();
      const translations = b.keywords.filter((k) => k.origin === 'translation').map((k) => k.term);
      expect(translations).toEqual(expect.arrayContaining(['裂纹', '循环']));
      // "firing squad", known to the store only through the bigram 行刑, and 旋回, in one paper.
      expect(translations).not.toContain('行刑队');
      expect(translations).not.toContain('旋回');
    });

    it('shows feedback words that may name a thing, not the claim language of patents', async () => {
      const b = await tileBrief();
      const corpusWords = b.keywords.filter((k) => k.origin === 'corpus').map((k) => k.term);
      expect(corpusWords).toContain('burners');
      for (const claimWord of ['comprises', 'respective', 'preferably']) expect(corpusWords).not.toContain(claimWord);
    });

    /** An abstract that names two of the need's words in other senses: grid cells "fire" and "tile" space. */
    const GRID_CELLS: MemoryDoc = {
      id: 'a1',
      text: 'Since their Nobel prize winning discovery, grid cells have been studied by neuroscientists: the cells fire in patterns that tile the environment.',
    };
    const ACCIDENTAL = ['prize', 'winning', 'neuroscientists', 'grid'];
    /** Other abstracts using those words, so that the store knows them as words (none names the need's). */
    const NEUROSCIENCE: MemoryDoc[] = [
      { id: 'a2', text: 'Neuroscientists report a prize winning model of grid cells in the entorhinal cortex.' },
      { id: 'a3', text: 'A review of grid cell models by neuroscientists, and the prize that followed.' },
    ];

    it('shows no words of an outcome that is alone in sharing them, and then asks in the need\'s own words', async () => {
      const b = await briefOn([GRID_CELLS, ...NEUROSCIENCE, ...OTHER_PATENTS], TILE_NEED);
      const shown = [b.researchQuestions.join(' '), b.hypotheticalAbstract, ...b.keywords.map((k) => k.term)].join(' ');
      for (const word of ACCIDENTAL) expect(shown).not.toContain(word);
      expect(b.keywords.filter((k) => k.origin === 'corpus')).toEqual([]);
      expect(b.researchQuestions[0]).toMatch(/^Which research results can solve the problem involving ceramic tiles, .*crack/);
    });

    it('shows the words outcomes on the subject share, beside such an outcome', async () => {
      const b = await briefOn([GRID_CELLS, ...NEUROSCIENCE, ...KILN_PATENTS, ...OTHER_PATENTS], TILE_NEED);
      const corpusWords = b.keywords.filter((k) => k.origin === 'corpus').map((k) => k.term);
      expect(corpusWords).toContain('burners');
      for (const word of ACCIDENTAL) expect(corpusWords).not.toContain(word);
    });
  });
});

describe('the feedback words a brief may show', () => {
  const corpus = memoryCorpus([]);
  const docs = documentTokens(corpus, [
    { id: 'a', title: '', text: 'kiln burners for ceramic tiles, winning prize', keywords: [], lang: 'en', score: 3 },
    { id: 'b', title: '', text: 'kiln burners firing tiles', keywords: [], lang: 'en', score: 2 },
    { id: 'c', title: '', text: 'prize money for a kiln', keywords: [], lang: 'en', score: 1 },
  ]);

  it('are in two or more of the outcomes that name two or more of the need\'s concepts', () => {
    // c names one concept (kiln): its "prize" is not a second outcome's.
    expect(sharedByCloseOutcomes(corpus, ['burners', 'prize', 'winning'], docs, [3, 2, 1], 4)).toEqual(['burners']);
  });

  it('are shared by two outcomes of a one-concept need that name it', () => {
    expect(sharedByCloseOutcomes(corpus, ['burners', 'prize'], docs, [1, 1, 1], 1)).toEqual(['burners', 'prize']);
  });
});
