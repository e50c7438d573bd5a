import { ENGLISH_STOP_WORDS, INTERROGATIVE_ZH, NEED_TALK_WORDS, NEED_TALK_WORDS_ZH, NUMBER_WORDS } from '../text/stopwords.js';
import { isCjk } from '../text/tokenize.js';
import { chineseIdf, tagChinese } from '../lexicon/jieba.js';
import { wordnet } from '../lexicon/wordnet.js';
import { dictionaryPhrase } from '../lexicon/dictionaryPhrase.js';
import { englishSenses } from './crossLanguage.js';
import { cedict } from '../lexicon/cedict.js';
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
  /**
   * Chinese: a word only jieba's statistical model found (in neither its dictionary nor
   * CC-CEDICT) that begins or ends with a character which is a very common word alone, so it
   * may join that word to its neighbour (炉省 in 冷凝炉省气, 种多密 in 种多密): what the need
   * says instead if the outcomes never use it, its edges cut off (起层 for 老起层), or null
   * when less than two characters are left (炉省). See `settleGuessedWords`.
   */
  unattested?: { term: string; weight: number } | null;
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
    const weight = contentWeight(word);
    if (weight === undefined) continue;
    const prev = out.get(word);
    if (prev) prev.weight += weight;
    else {
      const unattested = tag === 'x' ? insteadOfGuess(word) : undefined; // jieba tags the words it guessed x
      out.set(word, { term: word, lang: 'zh', weight, ...(unattested !== undefined && { unattested }) });
    }
  }
  return [...out.values()];
}

/** jieba IDF below which a word is too common to say anything about a need's topic (公司, 问题, 现在…). */
const COMMON_IDF = 6;

/** A Chinese word's weight as a content word of a need (its specificity), or undefined when it is none. */
function contentWeight(word: string): number | undefined {
  if (NEED_TALK_WORDS_ZH.has(word) || INTERROGATIVE_ZH.test(word) || adverbial(word)) return undefined;
  const idf = chineseIdf(word) ?? 12;
  return idf < COMMON_IDF ? undefined : Math.min(1, idf / 12);
}

/** What a guessed word stands for if the store never uses it (`SourceTerm.unattested`); undefined when it has no common edge. */
function insteadOfGuess(word: string): SourceTerm['unattested'] {
  const rest = withoutCommonEdges(word);
  if (rest === word) return undefined;
  const weight = rest ? contentWeight(rest) : undefined;
  return weight === undefined ? null : { term: rest, weight };
}

/**
 * A word CC-CEDICT lacks without the very common characters at its edges (老起层 → 起层, 炉省 →
 * 炉, 种冬茬 → 冬茬), each edge cut once; '' when less than two characters are left.
 */
function withoutCommonEdges(word: string): string {
  if (word.length < 2 || cedict().has(word)) return word;
  const common = (ch: string | undefined) => ch !== undefined && (chineseIdf(ch) ?? Infinity) < COMMON_IDF;
  const chars = [...word];
  const kept = chars.slice(common(chars[0]) ? 1 : 0, common(chars.at(-1)) ? -1 : undefined);
  return kept.length === chars.length ? word : kept.length >= 2 ? kept.join('') : '';
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
