import type { BriefContent, BriefKeyword } from '../brief.js';
import { extractConstraints } from '../constraints.js';
import type { Lang, WeightedTerm } from '../corpusFeedback.js';
import { rankFields, suggestDisciplines } from './disciplines.js';
import type { Expansion } from './expandNeed.js';
import { openQuestions } from './openQuestions.js';
import type { SourceTerm } from './sourceTerms.js';
import { englishSenses, namesMoreThan } from './crossLanguage.js';
import { englishTokens } from '../text/tokenize.js';

const top = (terms: WeightedTerm[], n: number) => [...terms].sort((a, b) => b.weight - a.weight).slice(0, n);
const uniq = (xs: string[]) => [...new Set(xs)];

/**
 * Assembles a brief from an offline expansion. The wording comes from fixed sentence frames
 * in the need's language filled with the expansion's terms: less fluent than a model, but
 * every term in it is traceable to the need, a dictionary, WordNet or the outcome corpus.
 */
export function offlineBrief(text: string, e: Expansion): BriefContent {
  const lang = e.lang;
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  const ownTerms = needTerms(e, 6);
  const translationKeywords = lang === 'zh' ? englishPhrases(e, 6) : byNeedWord(e, shownTranslations(e, 8));
  const translated = translationKeywords.map((group) => group[0]!);
  const corpusWords = corpusVocabulary(e);
  const keywords: BriefKeyword[] = [
    ...ownTerms.map((term) => ({ term, lang: lang === 'zh' && !/\p{Script=Han}/u.test(term) ? ('en' as const) : lang, synonyms: [], origin: 'need' as const })),
    ...translationKeywords.map(([term, ...synonyms]) => ({ term: term!, lang: other, synonyms, origin: 'translation' as const })),
    ...corpusWords.map((k) => ({ term: k.term, lang: k.lang, synonyms: [], origin: 'corpus' as const })),
  ].slice(0, 40);
  // The research directions the store's own outcomes suggest; none when they are in the other language.
  const focus = uniq(corpusWords.filter((k) => k.lang === lang).map((k) => k.term)).slice(0, 4);
  const constraints = extractConstraints(text);
  const english = [...e.blocks.en.base, ...e.blocks.en.feedback];
  const shortNeed = [...text].length > 240 ? `${[...text].slice(0, 240).join('')}…` : text;
  const f = FRAMES[lang];
  return {
    problem: f.problem(shortNeed, ownTerms),
    researchQuestions: [f.question(focus, ownTerms)],
    keywords,
    disciplines: disciplinesOf(e, english) as BriefContent['disciplines'],
    hypotheticalAbstract: f.abstract(ownTerms, focus, uniq([...translated, ...corpusWords.filter((k) => k.lang === other).map((k) => k.term)]).slice(0, 5)),
    constraints,
    openQuestions: openQuestions(constraints, lang),
  };
}

/**
 * The need's words in its own language that the brief names first: the heaviest in its search,
 * i.e. by occurrences (Chinese words scaled by specificity) plus the stress a word gets for
 * occurring with the need's other words in the outcomes (`emphasis`), so "ignore previous
 * instructions" does not lead a kiln need's brief however early it is written. A compound
 * stands for its words ("ceramic tiles", not "ceramic tiles, ceramic, tiles"), stressed as its
 * most stressed word. On the English dev needs, 0.35 of the first three words were in one of the
 * need's relevant outcomes in the order of writing, 0.59 by stress; on CSL papers, the first three
 * were in the paper's author keywords 0.666 → 0.672 (notebook, 2026-12-06).
 */
function needTerms(e: Expansion, n: number): string[] {
  // An abbreviation in Latin letters is the need's own word in a Chinese need too ("废水COD超标").
  const own = e.source.filter((s) => s.lang === e.lang || s.acronym);
  const inCompounds = new Set(own.filter((s) => s.compound).flatMap((s) => s.term.split(' ')));
  const stress = new Map(e.emphasis.map((t) => [t.term, t.weight]));
  const stressOf = (s: SourceTerm) => (s.compound ? Math.max(...s.term.split(' ').map((w) => stress.get(w) ?? 0)) : (stress.get(s.term) ?? 0));
  const shown = own.filter((s) => s.compound || !inCompounds.has(s.term));
  // An abbreviation is shown as written ("EV", not "ev").
  return top(shown.map((s) => ({ term: s.acronym ? s.term.toUpperCase() : s.term, weight: s.weight + stressOf(s) })), n).map((t) => t.term);
}

/**
 * The need's candidate fields: those the outcomes close to it are filed under (each language's
 * votes weighed by its share of the query, as collection selection weighs its outcomes), else,
 * when none of them is labelled, the fields whose vocabulary its English terms name.
 */
function disciplinesOf(e: Expansion, english: WeightedTerm[]): { code: string; confidence: number }[] {
  const scores = new Map<string, number>();
  for (const b of [e.blocks.en, e.blocks.zh]) {
    const total = [...b.fields.values()].reduce((a, v) => a + v, 0);
    for (const [code, v] of b.fields) scores.set(code, (scores.get(code) ?? 0) + (b.share * v) / total);
  }
  const voted = rankFields(scores);
  return voted.length ? voted : suggestDisciplines(english);
}

/**
 * The need's words in the other language worth showing: its heaviest translations that the
 * store uses as words (attestedTerms), so a reader is not shown dictionary senses that
 * nothing is written in, nor a Chinese compound that names a kind of what the need said
 * (情趣酒店 "love hotel" for "hotel": namesMoreThan). The search keeps them all.
 */
export function shownTranslations(e: Expansion, n: number): string[] {
  const other: Lang = e.lang === 'en' ? 'zh' : 'en';
  const attested = new Set(e.blocks[other].attested);
  const needWord = new Map(e.source.map((s) => [s.term, s]));
  const specific = (t: WeightedTerm) => {
    const word = other === 'zh' ? needWord.get(t.concept ?? '') : undefined;
    return word !== undefined && namesMoreThan(t.term, word);
  };
  return top(e.blocks[other].base.filter((t) => attested.has(t.term) && !specific(t)), n).map((t) => t.term);
}

/**
 * An English need's Chinese translations grouped by the need word they translate, the heaviest
 * first in each group: a keyword and its synonyms (melt → 熔融, 熔化).
 */
function byNeedWord(e: Expansion, translations: string[]): string[][] {
  const other: Lang = e.lang === 'en' ? 'zh' : 'en';
  const conceptOf = new Map(e.blocks[other].base.map((t) => [t.term, t.concept ?? t.term]));
  const groups = new Map<string, string[]>();
  for (const t of translations) {
    const key = conceptOf.get(t) ?? t;
    groups.get(key)?.push(t) ?? groups.set(key, [t]);
  }
  return [...groups.values()];
}

/** Longest sense shown, in words: longer ones describe ("put together an order and deliver it" for 配送) rather than name. */
const MAX_PHRASE_WORDS = 4;
/** Share of the best sense's score another sense of the same word needs to be shown beside it. */
const SENSE_SHARE = 0.5;

/**
 * A Chinese need's words in English as the dictionary phrases them (余热 → "waste heat",
 * "residual heat"; 发电 → "generate electricity"), not as the separate words the search takes:
 * each need word's senses whose words the store uses (attested), scored by the weight in the
 * search (after co-occurrence weighing) of their least weighted word, the best first and those
 * scoring at least half as well as its synonyms; the need words whose translations weigh most
 * first. A sense is as apt as its least apt word: 发电 in a cement kiln's need is "generate
 * electricity", and "send a telegram", which "send" alone would carry, is not shown beside it.
 */
function englishPhrases(e: Expansion, n: number): string[][] {
  const en = e.blocks.en;
  const attested = new Set(en.attested);
  const weight = new Map(en.base.map((t) => [t.term, t.weight]));
  const conceptWeight = new Map<string, number>();
  for (const t of en.added) if (t.concept) conceptWeight.set(t.concept, (conceptWeight.get(t.concept) ?? 0) + (weight.get(t.term) ?? 0));
  const groups: string[][] = [];
  for (const [concept] of [...conceptWeight].sort((a, b) => b[1] - a[1])) {
    const scored = englishSenses(concept).senses.flatMap((phrase) => {
      const words = [...new Set(englishTokens(phrase))];
      if (!words.length || phrase.split(/\s+/).length > MAX_PHRASE_WORDS || !words.every((w) => attested.has(w))) return [];
      return [{ phrase, score: Math.min(...words.map((w) => weight.get(w) ?? 0)) }];
    });
    const best = Math.max(0, ...scored.map((x) => x.score));
    const shown = uniq(scored.filter((x) => best > 0 && x.score >= best * SENSE_SHARE).sort((a, b) => b.score - a.score).map((x) => x.phrase)).slice(0, 3);
    if (shown.length && !groups.some((g) => g.includes(shown[0]!))) groups.push(shown);
    if (groups.length >= n) break;
  }
  return groups;
}

/**
 * Least share of the query collection selection gives a language for its outcomes' vocabulary
 * to be shown (and, in /search, its translations: below it they barely count in the search).
 */
export const MIN_SHOWN_SHARE = 0.2;

/**
 * Research vocabulary the outcome corpus contributed (author keywords first, then distinctive
 * feedback words), from the languages whose outcomes cover the need (collection selection),
 * the better first. A language whose best outcomes cover the need poorly has vocabulary on
 * other topics to offer (a Chinese cold-store need, on a store whose Chinese papers say
 * nothing about cold stores, drew 胸腰椎压缩性骨折 from a paper on compression fractures).
 */
function corpusVocabulary(e: Expansion): { term: string; lang: Lang }[] {
  const langs = (['en', 'zh'] as const).filter((l) => e.blocks[l].share >= MIN_SHOWN_SHARE).sort((a, b) => e.blocks[b].share - e.blocks[a].share);
  return langs.flatMap((l) => {
    const b = e.blocks[l];
    const kws = b.keywords.filter((k) => k.length <= 40).slice(0, 6);
    const distinctive = new Set(b.distinctive);
    const words = l === 'en' ? top(b.feedback.filter((t) => distinctive.has(t.term)), 8).map((t) => t.term) : [];
    return uniq([...kws, ...words]).slice(0, 8).map((term) => ({ term, lang: l }));
  });
}

const list = (xs: string[], sep: string) => xs.join(sep);

const FRAMES: Record<Lang, {
  problem: (need: string, terms: string[]) => string;
  question: (focus: string[], terms: string[]) => string;
  abstract: (terms: string[], focus: string[], other: string[]) => string;
}> = {
  en: {
    problem: (need, terms) => `The enterprise reports: "${need}" Technical focus: ${list(terms, ', ')}.`,
    question: (focus, terms) =>
      focus.length
        ? `Which methods in ${list(focus, ', ')} can solve the problem involving ${list(terms.slice(0, 3), ', ')}, and under what operating conditions?`
        : `Which research results can solve the problem involving ${list(terms.slice(0, 4), ', ')}, and under what operating conditions?`,
    abstract: (terms, focus, other) =>
      `This work addresses ${list(terms.slice(0, 3), ', ')}.${focus.length ? ` It studies ${list(focus, ', ')},` : ' It'} proposes a method or device that solves the stated problem, and validates it under industrial conditions.${other.length ? ` Related terms in Chinese: ${list(other, '、')}.` : ''}`,
  },
  zh: {
    problem: (need, terms) => `企业描述：“${need}” 技术要点：${list(terms, '、')}。`,
    question: (focus, terms) =>
      focus.length
        ? `如何利用${list(focus, '、')}等方面的方法，解决与${list(terms.slice(0, 3), '、')}相关的问题？适用的工况条件是什么？`
        : `哪些研究成果能解决与${list(terms.slice(0, 4), '、')}相关的问题？适用的工况条件是什么？`,
    abstract: (terms, focus, other) =>
      `本研究针对${list(terms.slice(0, 3), '、')}问题，${focus.length ? `研究${list(focus, '、')}，` : ''}提出解决该问题的方法或装置，并在工业条件下验证其效果。${other.length ? `相关英文术语：${list(other, ', ')}。` : ''}`,
  },
};
