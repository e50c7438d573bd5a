import { describe, expect, it } from 'vitest';
import { surfaceForms, tokenizeText } from '../../src/search/tokenizeText.js';
import { lightStem } from '../../src/search/lightStem.js';

describe('tokenizeText', () => {
  it('lowercases, drops English stop words and folds inflections', () => {
    expect(tokenizeText('The Motors are Recovering heat from the Batteries')).toEqual(['motor', 'recover', 'heat', 'battery']);
  });

  it('keeps domain words whole in Chinese (jieba) and adds character bigrams as a safety net', () => {
    const tokens = tokenizeText('冷库节能改造');
    expect(tokens).toContain('冷库');
    expect(tokens).toContain('节能');
    expect(tokens).toEqual(expect.arrayContaining(['_冷库', '_库节', '_节能', '_能改', '_改造']));
  });

  it('splits mixed scripts, so an English word glued to Chinese is still a word', () => {
    const tokens = tokenizeText('PLC控制的5000吨冷库');
    expect(tokens).toContain('plc');
    expect(tokens).toContain('5000');
    expect(tokens).toContain('冷库');
  });

  it('treats query metacharacters and emoji as separators', () => {
    expect(tokenizeText(`heat' & | ! : * ( ) \\ pump 🔥😀`)).toEqual(['heat', 'pump']);
    expect(tokenizeText("'&|!:*()\\")).toEqual([]);
  });

  it('yields only tokens safe as tsvector lexemes', () => {
    for (const t of tokenizeText('Ünïcödé straße ＡＢＣ１２３ 中文。日本語 한국어 — x²')) expect(t).toMatch(/^[_\p{L}\p{N}]+$/u);
  });

  it('reads at most the first 20,000 characters of a huge text', () => {
    const tokens = tokenizeText('heat '.repeat(10_000));
    expect(tokens.length).toBe(4_000);
  });
});

describe('lightStem', () => {
  it.each([
    ['batteries', 'battery'], ['motors', 'motor'], ['boxes', 'box'], ['glasses', 'glass'], ['recovered', 'recover'],
    ['stopping', 'stop'], ['analysis', 'analysis'], ['gas', 'gas'], ['bus', 'bus'], ['co2', 'co2'],
  ])('%s → %s', (word, stem) => {
    expect(lightStem(word).replace(/e$/, '')).toBe(stem.replace(/e$/, ''));
  });
});

describe('surfaceForms', () => {
  it('maps each indexed token back to the first word it came from, for explanations', () => {
    const forms = surfaceForms('Cold Storage rooms and storages, 冷库 savings');
    expect(forms.get(lightStem('storage'))).toBe('storage');
    expect(forms.get(lightStem('savings'))).toBe('savings');
    expect(forms.has('and')).toBe(false); // stop word
    expect([...forms.values()].some((w) => /\p{Script=Han}/u.test(w))).toBe(false);
  });
});
