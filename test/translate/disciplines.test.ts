import { describe, expect, it } from 'vitest';
import { createOfflineTranslator } from '../../src/translate/offline/offlineTranslator.js';
import { fieldsOfLabel, fieldVotes, rankFields, suggestDisciplines } from '../../src/translate/offline/disciplines.js';
import { memoryCorpus, type MemoryDoc } from './memoryCorpus.js';

const terms = (pairs: [string, number][]) => pairs.map(([term, weight]) => ({ term, weight }));

describe('the OECD FOS 2007 fields of an outcome’s discipline label', () => {
  it('reads a Chinese first-level discipline, an IPC class and English field names', () => {
    expect(fieldsOfLabel('园艺学')).toEqual(['4.1']);
    expect(fieldsOfLabel('机械工程')).toEqual(['2.3']);
    expect(fieldsOfLabel('IPC F23G 5/46')).toEqual(['2.3', '2.7']); // incineration: a class of its own
    expect(fieldsOfLabel('IPC H01M 10/44')).toEqual(['2.2']); // section H, electricity
    expect(fieldsOfLabel('astrophysics')).toEqual(['1.3']);
    expect(fieldsOfLabel('cultural anthropology')).toEqual(['5.4']);
  });

  it('reads the catalogue’s official names and the combined labels data sets use', () => {
    expect(fieldsOfLabel('化学工程与技术')).toEqual(['2.4', '1.4']);
    expect(fieldsOfLabel('化学/化学工程与技术')).toEqual(['1.4', '2.4']); // CSL's label: both names' fields
    expect(fieldsOfLabel('畜牧学/兽医学')).toEqual(['4.2', '4.3']);
    expect(fieldsOfLabel(' 软件工程 ')).toEqual(['1.2']);
    expect(fieldsOfLabel('军事学')).toEqual([]); // no clear place in FOS 2007
  });

  it('gives none for a label that names no one field, rather than a guess', () => {
    expect(fieldsOfLabel('工学')).toEqual([]); // the whole of engineering
    expect(fieldsOfLabel('thermal engineering')).toEqual([]); // "engineering" is in eight fields' words
    expect(fieldsOfLabel('')).toEqual([]);
  });
});

describe('fields voted for by the outcomes a need finds', () => {
  it('gives each outcome one vote, shared among its fields; unlabelled outcomes do not vote', () => {
    const votes = fieldVotes([{ disciplines: ['农学', '园艺学'] }, { disciplines: ['IPC F24F 12/00'] }, { disciplines: [] }, {}]);
    expect(Object.fromEntries(votes)).toEqual({ '4.1': 1, '2.3': 0.5, '2.1': 0.5 });
  });

  it('ranks at most three, the first at 80 %, leaving out a field with under an eighth of the first one’s score', () => {
    expect(rankFields(new Map([['4.1', 4], ['2.3', 2], ['2.1', 1], ['1.6', 0.4]]))).toEqual([
      { code: '4.1', confidence: 0.8 },
      { code: '2.3', confidence: 0.4 },
      { code: '2.1', confidence: 0.2 },
    ]);
    expect(rankFields(new Map([['4.1', 8], ['2.3', 0.9]]))).toEqual([{ code: '4.1', confidence: 0.8 }]);
    expect(rankFields(new Map())).toEqual([]);
  });
});

describe('fields named by a need’s English terms (when no outcome it finds is labelled)', () => {
  it('matches the terms against the fields’ words, ignoring words most fields share', () => {
    const d = suggestDisciplines(terms([['waste', 0.2], ['heat', 0.2], ['recovery', 0.1], ['cement', 0.1], ['kiln', 0.1]]));
    expect(d[0]).toEqual({ code: '2.7', confidence: 0.8 }); // environmental engineering: waste, heat, recovery
    expect(d.map((x) => x.code)).toContain('2.5'); // materials engineering: cement
    expect(suggestDisciplines(terms([['engineering', 1], ['science', 1]]))).toEqual([]);
    expect(suggestDisciplines(terms([['hello', 1]]))).toEqual([]);
  });
});

describe('a brief’s disciplines', () => {
  const GREENHOUSE: MemoryDoc[] = [
    { id: 'g1', lang: 'zh', title: '日光温室番茄越冬栽培技术', text: '日光温室番茄越冬栽培的温度管理与育苗技术。', disciplines: ['农学', '园艺学'] },
    { id: 'g2', lang: 'zh', title: '温室番茄冬季育苗', text: '冬季温室番茄育苗的光照与温度管理。', disciplines: ['农学', '园艺学'] },
    { id: 'g3', lang: 'zh', title: '温室加温系统设计', text: '温室冬季加温系统的设计与温度控制。', disciplines: ['工学', '农业工程'] },
    { id: 'x1', lang: 'zh', title: '城市规划设计方法', text: '城市规划的设计方法研究。', disciplines: ['工学', '建筑学'] },
  ];

  it('come from what the outcomes close to the need are filed under', async () => {
    const corpus = memoryCorpus(GREENHOUSE);
    const r = await createOfflineTranslator(() => corpus).translate({ text: '我们的温室番茄冬天育苗总是长不好，温度怎么管理？' });
    if (r.kind !== 'brief') throw new Error('expected a brief');
    expect(r.brief.disciplines[0]?.code).toBe('4.1'); // agriculture: two horticulture papers and an agricultural engineering one
    expect(r.brief.disciplines.map((d) => d.code)).not.toContain('6.4'); // 建筑学's paper shares only 设计 with the need
  });

  it('fall back on the fields the English terms name when no outcome is labelled', async () => {
    const kilns: MemoryDoc[] = [
      { id: 'k1', text: 'Waste heat recovery from a cement kiln preheater drives a steam turbine.' },
      { id: 'k2', text: 'A cement kiln cooler whose exhaust heat is recovered for drying raw meal.' },
    ];
    const corpus = memoryCorpus([...kilns, ...GREENHOUSE.map(({ disciplines: _, ...d }) => d)]);
    const r = await createOfflineTranslator(() => corpus).translate({ text: 'Our cement kiln wastes heat; we want waste heat recovery.' });
    if (r.kind !== 'brief') throw new Error('expected a brief');
    expect(r.brief.disciplines[0]?.code).toBe('2.7');
  });
});
