import { cedict } from '../lexicon/cedict.js';
import { subwords, tagChinese } from '../lexicon/jieba.js';
import { wordnet } from '../lexicon/wordnet.js';
import { englishTokens } from '../text/tokenize.js';
import type { WeightedTerm } from '../corpusFeedback.js';
import type { SourceTerm } from './sourceTerms.js';

/** How many dictionary senses of a headword count (later senses are rarer). */
const MAX_SENSES = 4;
/**
 * Senses kept of each part when a word is looked up through its parts: fewer, since a part's
 * senses are further from the word's meaning; co-occurrence weighting then picks among them.
 * Measured with `liaison eval` on the enterprise needs' Chinese needs (hybrid, offline): 1, 2, 3,
 * 4 and 6 senses gave recall@100 0.418, 0.442, 0.516, 0.489 and 0.461 on those answered in
 * English, nDCG@10 0.200, 0.248, 0.248, 0.242, 0.243.
 */
const FALLBACK_SENSES = 3;

/**
 * Chinese term → English words through CC-CEDICT. A word's weight is shared among its senses,
 * and each sense among its words, so a word that recurs across senses ("heat" in 余热:
 * residual heat; surplus heat; waste heat) gets most of it. Words jieba leaves unsplit and
 * CEDICT lacks (渗滤液) are looked up through their sub-words.
 */
export function chineseToEnglish(term: SourceTerm): WeightedTerm[] {
  const { senses, throughParts } = englishSenses(term.term);
  const scale = throughParts ? 0.7 : 1;
  const weights = new Map<string, number>();
  for (const sense of senses) {
    const words = [...new Set(englishTokens(sense))];
    for (const w of words) weights.set(w, (weights.get(w) ?? 0) + 1 / senses.length / Math.sqrt(words.length));
  }
  return [...weights].map(([t, w]) => ({ term: t, weight: w * term.weight * scale, lang: 'en' as const, concept: term.term }));
}

/**
 * The English senses CC-CEDICT gives a Chinese word ("to" dropped: 发电 → "generate electricity",
 * "send telegram"), or, when it lacks the word, those of the parts jieba finds inside it, else
 * of its characters (`throughParts`).
 */
export function englishSenses(word: string): { senses: string[]; throughParts: boolean } {
  const dict = cedict();
  const own = dict.glosses(word).slice(0, MAX_SENSES);
  if (own.length) return { senses: own.map(bare), throughParts: false };
  let parts = subwords(word).filter((w) => w.length >= 2 && dict.has(w));
  if (!parts.length) parts = [...word].filter((ch) => dict.has(ch) && !grammatical(ch)); // 冷凝 → 冷 cold, 凝 condense; 烧得 → 烧 burn
  return { senses: parts.flatMap((p) => dict.glosses(p).slice(0, FALLBACK_SENSES)).map(bare), throughParts: true };
}

const bare = (sense: string) => sense.replace(/^to /, '');

/**
 * A structural particle (得, 的, 地, 了, 着; jieba's u tags): looked up alone it would bring its
 * dictionary glosses ("get, obtain" for 得 in 烧得) into a need's terms. Only particles: a
 * character jieba tags as an adverb or preposition alone often means a thing inside a word (边
 * "edge" in 铣边 "edge milling").
 */
const grammatical = (ch: string) => tagChinese(ch).every((t) => /^u[a-z]?$/.test(t.tag));

/** How many Chinese candidates an English term keeps (co-occurrence in the outcomes picks among them). */
const MAX_CANDIDATES = 6;

/**
 * English term → Chinese words through the reverse CC-CEDICT index: headwords with a short
 * gloss containing every word of the term's dictionary form, scored by how much of the gloss
 * the term is ("rolling mill" is two thirds of 轧机 "steel rolling mill"), how early that sense
 * comes and how many senses the headword has. The word's other dictionary forms, then WordNet
 * synonyms (first sense), stand in when nothing matches. Single characters are skipped: alone
 * they match too much.
 */
export function englishToChinese(term: SourceTerm): WeightedTerm[] {
  const dict = cedict();
  const scored = new Map<string, number>();
  if (term.acronym) {
    // Only a sense that names the abbreviation itself: "EV" is no 电子伏 (electron volt, "eV").
    for (const hit of dict.chineseAbbreviated(term.term)) scored.set(hit.word, Math.max(scored.get(hit.word) ?? 0, 1 / (1 + hit.senseRank) / Math.sqrt(hit.senses)));
    return weighCandidates(term, scored);
  }
  const collect = (phrase: string, factor: number) => {
    const words = englishWords(phrase);
    if (!words.length) return;
    for (const hit of dict.chineseContaining(words[0]!)) {
      if (hit.word.length < 2) continue;
      const glossWords = englishWords(hit.gloss);
      if (!words.every((w) => glossWords.includes(w))) continue;
      const s = ((factor * words.length) / glossWords.length / (1 + hit.senseRank)) / Math.sqrt(hit.senses);
      scored.set(hit.word, Math.max(scored.get(hit.word) ?? 0, s));
    }
  };
  const lemma = term.lemma ?? term.term;
  collect(lemma, 1);
  if (lemma !== term.term) collect(term.term, 1);
  // A form WordNet lists for another word ("wells": H. G. Wells) hides the one the dictionary glosses ("well").
  if (scored.size === 0) for (const form of wordnet().baseForms(term.term)) if (form !== lemma) collect(form, 1);
  if (scored.size === 0) {
    const first = wordnet().synsets(lemma)[0];
    for (const syn of first?.words ?? []) if (syn !== lemma) collect(syn, 0.6);
  }
  return weighCandidates(term, scored);
}

/**
 * Whether a Chinese translation of an English need word names more than the word: it holds a
 * shorter headword one sense of which is the word itself (情趣酒店 "love hotel" holds 酒店, one
 * of whose senses is "hotel"; 到达大厅 "arrival hall" holds 大厅 "hall"), so it names a kind of
 * thing the need never mentioned. 液压 "hydraulic pressure" holds no such word and stays a
 * translation of "hydraulic".
 */
export function namesMoreThan(chinese: string, term: SourceTerm): boolean {
  const dict = cedict();
  return [...new Set([term.lemma ?? term.term, term.term])].some((phrase) => {
    const words = englishWords(phrase);
    return dict.chineseContaining(words[0] ?? '').some((hit) => {
      if (hit.word.length < 2 || hit.word === chinese || !chinese.includes(hit.word)) return false;
      const glossWords = englishWords(hit.gloss);
      return glossWords.length === words.length && words.every((w) => glossWords.includes(w));
    });
  });
}

/** The best-scored Chinese candidates, sharing the term's weight by score. */
function weighCandidates(term: SourceTerm, scored: Map<string, number>): WeightedTerm[] {
  const ranked = [...scored].sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES);
  const total = ranked.reduce((a, [, s]) => a + s, 0);
  return ranked.map(([word, s]) => ({ term: word, weight: (term.weight * s) / total, lang: 'zh' as const, concept: term.term }));
}

const englishWords = (phrase: string) => phrase.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
