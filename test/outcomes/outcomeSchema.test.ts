import { describe, expect, it } from 'vitest';
import { outcomeSchema } from '../../src/outcomes/outcome.js';
import { describeIssues } from '../../src/outcomes/describeIssues.js';
import { contentHash } from '../../src/outcomes/contentHash.js';
import { titleFromText } from '../../src/outcomes/titleFromText.js';
import { detectLanguage } from '../../src/outcomes/detectLanguage.js';

const minimal = { sourceId: 'X-1', kind: 'paper', title: 'A title' };

describe('outcome schema', () => {
  it('accepts a minimal record and fills the defaults', () => {
    expect(outcomeSchema.parse(minimal)).toEqual({
      ...minimal,
      abstract: '',
      disciplines: [],
      keywords: [],
      language: 'en',
    });
  });

  it('reads CSV-style text: numbers, lists split on ; or |, blanks as missing', () => {
    const parsed = outcomeSchema.parse({
      ...minimal,
      year: ' 2019 ',
      trl: '7',
      keywords: 'heat; kiln | exhaust;',
      disciplines: '',
      institution: '',
      region: null,
      language: 'ZH',
    });
    expect(parsed).toMatchObject({ year: 2019, trl: 7, keywords: ['heat', 'kiln', 'exhaust'], disciplines: [], language: 'zh' });
    expect(parsed.institution).toBeUndefined();
    expect(outcomeSchema.parse({ ...minimal, kind: ' Patent ' }).kind).toBe('patent');
    expect(parsed.region).toBeUndefined();
  });

  it('rejects bad records with readable reasons naming the field', () => {
    const result = outcomeSchema.safeParse({ kind: 'gadget', title: ' ', trl: 12, year: 'soon', url: 'ftp://x.org/a', language: 'english' });
    expect(result.success).toBe(false);
    const text = describeIssues(result.error!);
    expect(text).toContain('sourceId is missing');
    expect(text).toContain('kind must be one of patent, paper, project, capability, instrument');
    expect(text).toContain('title is empty');
    expect(text).toContain('trl must be between 1 and 9');
    expect(text).toContain('year must be a whole number');
    expect(text).toContain('url must be an http(s) address');
    expect(text).toContain('language must be a code like en or zh');
  });

  it('rejects a TRL of 0 and a fractional year', () => {
    expect(outcomeSchema.safeParse({ ...minimal, trl: 0 }).success).toBe(false);
    expect(outcomeSchema.safeParse({ ...minimal, year: 2019.5 }).success).toBe(false);
    const numbers = outcomeSchema.safeParse({ ...minimal, keywords: [1, 2] });
    expect(describeIssues(numbers.error!)).toBe('keywords.0: each keyword must be text; keywords.1: each keyword must be text');
  });

  it('hashes content independently of key order, and differently when a field changes', () => {
    const a = outcomeSchema.parse({ ...minimal, keywords: ['a'], year: 2020 });
    const b = outcomeSchema.parse({ year: 2020, keywords: ['a'], title: 'A title', kind: 'paper', sourceId: 'X-1' });
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash({ ...a, year: 2021 })).not.toBe(contentHash(a));
  });
});

describe('derived titles and language', () => {
  it('takes the first sentence, cut at a word boundary within 120 characters', () => {
    expect(titleFromText('A brake system for a vehicle. It has a cylinder.')).toBe('A brake system for a vehicle');
    const long = `${'word '.repeat(40)}end.`;
    const title = titleFromText(long);
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title.endsWith('…')).toBe(true);
    expect(title.slice(0, -1).endsWith('word')).toBe(true);
    expect(titleFromText('采用修正的参数建立了模型。仿真结果表明有效。')).toBe('采用修正的参数建立了模型。');
    expect(titleFromText('Version 2.5 of the tool is fast. More.')).toBe('Version 2.5 of the tool is fast');
  });

  it('tells Chinese from English by the share of CJK characters', () => {
    expect(detectLanguage('采用修正的Rodrigues参数(MRP),建立了飞行器姿态控制系统的数学模型')).toBe('zh');
    expect(detectLanguage('A heat exchanger (换热器) for kilns and furnaces in ceramic plants')).toBe('en');
    expect(detectLanguage('')).toBe('en');
  });
});
