import { describe, expect, it } from 'vitest';
import { cedict } from '../../src/translate/lexicon/cedict.js';
import { wordnet } from '../../src/translate/lexicon/wordnet.js';
import { chineseToEnglish, englishSenses, englishToChinese, namesMoreThan } from '../../src/translate/offline/crossLanguage.js';
import { sourceTerms } from '../../src/translate/offline/sourceTerms.js';
import { synonymsOf } from '../../src/translate/offline/synonyms.js';

describe('dictionary translation (CC-CEDICT)', () => {
  it('finds headwords whose short gloss contains an English word', () => {
    const hits = cedict().chineseContaining('mill');
    expect(hits.map((h) => h.word)).toContain('轧机'); // "steel rolling mill"
    expect(hits.every((h) => h.gloss.split(/[^a-z0-9]+/).filter(Boolean).length <= 4)).toBe(true);
  });

  it('translates an English compound that is nobody’s whole gloss through the glosses containing it', () => {
    const out = englishToChinese({ term: 'rolling mill', lemma: 'rolling mill', lang: 'en', weight: 1 });
    expect(out.map((t) => t.term)).toContain('轧机');
    expect(out.every((t) => t.concept === 'rolling mill' && t.lang === 'zh')).toBe(true);
    expect(out.reduce((a, t) => a + t.weight, 0)).toBeCloseTo(1, 5);
  });

  it('ranks a whole-gloss match above a partial one', () => {
    const out = englishToChinese({ term: 'asphalt', lang: 'en', weight: 1 });
    expect(out[0]!.term).toMatch(/沥青|柏油/);
  });

  it('tells a compound that names a kind of the word ("love hotel") from a translation of the word', () => {
    const hotel = { term: 'hotel', lang: 'en' as const, weight: 1 };
    expect(namesMoreThan('情趣酒店', hotel)).toBe(true); // holds 酒店, one of whose senses is "hotel"
    expect(namesMoreThan('酒店', hotel)).toBe(false);
    expect(namesMoreThan('到达大厅', { term: 'hall', lang: 'en', weight: 1 })).toBe(true); // "arrival hall" holds 大厅 "hall"
    expect(namesMoreThan('液压', { term: 'hydraulic', lang: 'en', weight: 1 })).toBe(false); // "hydraulic pressure", nothing inside means "hydraulic"
    expect(namesMoreThan('市场定位', { term: 'positioning', lang: 'en', weight: 1 })).toBe(true);
  });

  it('looks up the other dictionary forms of a word whose listed form has no gloss', () => {
    // WordNet lists "wells" (H. G. Wells), so it is its own dictionary form; CC-CEDICT glosses "well".
    expect(wordnet().baseForms('wells')).toEqual(['wells', 'well']);
    const out = englishToChinese({ term: 'wells', lemma: 'wells', lang: 'en', weight: 1 });
    expect(out.map((t) => t.term)).toContain('水井');
    expect(out.every((t) => t.concept === 'wells')).toBe(true);
  });

  it('undoes a doubled consonant before -ing', () => {
    expect(wordnet().baseForm('plugging')).toBe('plug');
    expect(wordnet().baseForms('stopped')).toContain('stop');
  });

  it('leaves out CEDICT’s placeholders for somebody and something', () => {
    // 代理: "to act on behalf of sb in a responsible position"; "sb" would match antimony (Sb).
    const out = chineseToEnglish({ term: '代理', lang: 'zh', weight: 1 });
    expect(out.map((t) => t.term)).toContain('behalf');
    expect(out.map((t) => t.term)).not.toContain('sb');
    expect(cedict().glosses('代理').join(' ')).not.toMatch(/\bsb\b/);
  });

  it('reads a word in its standard written senses, without pronunciation notes or cross-references', () => {
    // CC-CEDICT: 垃圾 "trash; refuse; garbage; (coll.) of poor quality; Taiwan pr. [le4 se4]".
    expect(cedict().glosses('垃圾')).toEqual(['trash', 'refuse', 'garbage']);
    expect(chineseToEnglish({ term: '垃圾', lang: 'zh', weight: 1 }).map((t) => t.term)).not.toEqual(expect.arrayContaining(['poor', 'quality', 'taiwan']));
    // Nor its abbreviation: 中密度纤维板 "medium-density fiberboard; abbr. to 中纤板".
    expect(cedict().glosses('中密度纤维板')).toEqual(['medium-density fiberboard']);
    // A word known only in a marked register keeps it: 半拉 "(coll.) half".
    expect(cedict().glosses('半拉')).toEqual(['half']);
  });

  it('skips a name’s entry even when it also gives the name’s abbreviation and pronunciation', () => {
    // 法 has two entries: "France; French; abbr. for 法国; Taiwan pr. [Fa4]" and "law; method; way; …".
    expect(cedict().glosses('法').slice(0, 3)).toEqual(['law', 'method', 'way']);
    const senses = englishSenses('干法').senses; // no entry: read through 干 "dry" and 法
    expect(senses).toEqual(expect.arrayContaining(['dry', 'method']));
    expect(senses.join(' ')).not.toMatch(/france|french|taiwan/);
  });

  it('tags every English translation of a Chinese word with the word it stands for', () => {
    const out = chineseToEnglish({ term: '余热', lang: 'zh', weight: 1 });
    expect(out.map((t) => t.term)).toContain('heat');
    expect(out.every((t) => t.concept === '余热')).toBe(true);
  });

  it('looks up a word the dictionary lacks through its characters, leaving out structural particles', () => {
    expect(cedict().glosses('烧得')).toEqual([]);
    const terms = chineseToEnglish({ term: '烧得', lang: 'zh', weight: 1 }).map((t) => t.term);
    expect(terms).toContain('burn');
    expect(cedict().glosses('得').join(' ')).toMatch(/\bobtain\b/); // what 得 alone would have added
    expect(terms).not.toContain('obtain');
    expect(chineseToEnglish({ term: '冷凝', lang: 'zh', weight: 1 }).map((t) => t.term)).toContain('cold');
  });

  it('reads a word in capitals as an abbreviation: translated only where the dictionary names it, with no WordNet synonyms', () => {
    const [ev] = sourceTerms('EV maker: the car holds itself on a slope.').filter((t) => t.term === 'ev');
    expect(ev).toMatchObject({ acronym: true });
    expect(englishToChinese(ev!)).toEqual([]); // not 电子伏, the electron volt ("eV")
    expect(synonymsOf(ev!)).toEqual([]); // not WordNet's "electron volt"
    const [cod] = sourceTerms('我们的印染废水COD超标').filter((t) => t.term === 'cod');
    // "chemical oxygen demand; COD", not 货到付款 "cash on delivery (COD)" nor 鳕鱼 the fish
    expect(englishToChinese(cod!).map((t) => t.term)).toEqual(['化学需氧量']);
    expect(englishToChinese(sourceTerms('an LED lamp')[0]!).map((t) => t.term)).toEqual(['发光二极管']);
  });

  it('does not take a shouted need for abbreviations', () => {
    const terms = sourceTerms('OUR BOILER LEAKS WATER AT THE SEAMS');
    expect(terms.find((t) => t.term === 'boiler')?.acronym).toBeUndefined();
    expect(englishToChinese(terms.find((t) => t.term === 'boiler')!).map((t) => t.term)).toContain('锅炉');
  });
});
