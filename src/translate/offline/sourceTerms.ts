import { ENGLISH_STOP_WORDS, INTERROGATIVE_ZH, NEED_TALK_WORDS, NEED_TALK_WORDS_ZH, NUMBER_WORDS } from '../text/stopwords.js';
import { isCjk } from '../text/tokenize.js';
import { chineseIdf, tagChinese } from '../lexicon/jieba.js';
import { wordnet } from '../lexicon/wordnet.js';
import { dictionaryPhrase } from '../lexicon/dictionaryPhrase.js';
import { englishSenses } from './crossLanguage.js';
import type { Lang } from '../corpusFeedback.js';
import { stripConstraints } from '../constraints.js';

/** A content word or compound of the need, in the need's own language. */
export interface SourceTerm {
  term: string;
  lang: Lang;
  /** Occurrences, scaled by specificity (Chinese: jieba IDF). */
  weight: number;
  /** English: WordNet dictionary form, used for lookups. */
  lemma?: string;
  compound?: boolean;
  /** English: written in capitals ("EV", "COD", "ORC"): an abbreviation, not the word it spells (ev, cod, orc). */
  acronym?: boolean;
}

/** A word written in capitals, two to six letters or digits, with a plural -s ("EVs"). */
const ACRONYM = /\b[A-Z][A-Z0-9]{1,5}(?=s?\b)/g;

/** jieba part-of-speech tags that carry no technical content (pronouns, particles, adverbs…). */
const FUNCTION_TAGS = /^(r|u|d|p|c|m|q|y|e|o|w|t|f|s|zg|mq|rr|rz|uj|ul|ug|uv|ud|uz|x)$/;

export function englishSourceTerms(text: string): SourceTerm[] {
  const wn = wordnet();
  // A text mostly in capitals, several words of it, is shouted rather than abbreviated.
  const capitals = text.match(ACRONYM) ?? [];
  const shouted = capitals.length >= 3 && (text.match(/[A-Z]/g)?.length ?? 0) > (text.match(/[a-z]/g)?.length ?? 0);
  const acronyms = new Set(shouted ? [] : capitals.map((a) => a.toLowerCase()));
  const words = (text.toLowerCase().match(/[a-z][a-z0-9-]*[a-z0-9]|[a-z]/g) ?? []).flatMap((w) => w.split('-'));
  const out = new Map<string, SourceTerm>();
  const add = (t: SourceTerm) => {
    const prev = out.get(t.term);
    if (prev) prev.weight += t.weight;
    else out.set(t.term, t);
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (next && !ENGLISH_STOP_WORDS.has(w) && !ENGLISH_STOP_WORDS.has(next) && !(NEED_TALK_WORDS.has(w) && NEED_TALK_WORDS.has(next))) {
      const found = wn.baseForm(`${w}_${wn.baseForm(next) ?? next}`) ?? wn.baseForm(`${w}_${next}`);
      const nounCompound = found && wn.synsets(found, 'noun').length ? found.replace(/_/g, ' ') : undefined;
      // A phrase CC-CEDICT translates as one, when WordNet does not know it (business talk aside).
      const lemma = nounCompound ?? (NEED_TALK_WORDS.has(w) || NEED_TALK_WORDS.has(next) ? undefined : dictionaryPhrase(w, next));
      if (lemma) add({ term: `${w} ${next}`, lemma, lang: 'en', weight: 1, compound: true });
    }
    // Adverbs ("quickly", "already") say how, not what: the Chinese side drops them by jieba's tag.
    // Business talk is recognised in any inflection ("uses" as "use").
    const talk = NEED_TALK_WORDS.has(w) || NEED_TALK_WORDS.has(wn.baseForm(w) ?? w);
    if (ENGLISH_STOP_WORDS.has(w) || talk || NUMBER_WORDS.has(w) || w.length < 2 || wn.onlyAdverb(w)) continue;
    const abbreviation = [w, w.replace(/s$/, '')].find((x) => acronyms.has(x)); // "evs" is "EV"
    if (abbreviation) add({ term: abbreviation, lemma: abbreviation, lang: 'en', weight: 1, acronym: true });
    else add({ term: w, lemma: wn.baseForm(w) ?? w, lang: 'en', weight: 1 });
  }
  return [...out.values()];
}

export function chineseSourceTerms(text: string): SourceTerm[] {
  const out = new Map<string, SourceTerm>();
  for (const { word, tag } of tagChinese(text)) {
    if (!isCjk(word) && !/^[A-Za-z]{2,}/.test(word)) continue;
    if (FUNCTION_TAGS.test(tag) && !(tag === 'x' && word.length >= 2 && isCjk(word))) continue;
    if (/^[A-Za-z]/.test(word)) continue; // Latin words inside Chinese text go through the English path
    if (NEED_TALK_WORDS_ZH.has(word) || INTERROGATIVE_ZH.test(word) || adverbial(word)) continue;
    const idf = chineseIdf(word) ?? 12;
    if (idf < 6) continue; // very common words (公司, 问题, 现在…) say nothing about the topic
    const weight = Math.min(1, idf / 12);
    const prev = out.get(word);
    if (prev) prev.weight += weight;
    else out.set(word, { term: word, lang: 'zh', weight });
  }
  return [...out.values()];
}

/**
 * A Chinese word every CC-CEDICT sense of which WordNet knows only as an adverb (顺带 "in passing;
 * incidentally", 基本上 "basically", 频繁 "frequently"): how something is done, which jieba's tags
 * miss (it tags 顺带 a noun).
 */
function adverbial(word: string): boolean {
  const { senses, throughParts } = englishSenses(word);
  const wn = wordnet();
  return !throughParts && senses.length > 0 && senses.every((g) => wn.onlyAdverb(g.replace(/ /g, '_')));
}

/** Content terms of a need that may mix English and Chinese (its budget, timeline and region left out). */
export function sourceTerms(raw: string): SourceTerm[] {
  const text = stripConstraints(raw);
  const latin = text.replace(/[\u3400-\u9fff\uf900-\ufaff]+/g, ' ');
  return [...chineseSourceTerms(text), ...englishSourceTerms(latin)];
}
