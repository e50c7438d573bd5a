import type { CorpusFeedback, FeedbackDoc, Lang, WeightedTerm } from '../corpusFeedback.js';
import { cjkBigrams, englishTokens } from '../text/tokenize.js';
import { chineseToEnglish, englishToChinese } from './crossLanguage.js';
import { fieldVotes } from './disciplines.js';
import { relevanceFeedback, type FeedbackResult } from './feedback.js';
import { conceptsCovered, documentCoverage, documentTokens } from './coverage.js';
import { weighByCoherence } from './coherence.js';
import { attestedTerms, indexWords } from './attested.js';
import { synonymsOf } from './synonyms.js';
import { sourceTerms, type SourceTerm } from './sourceTerms.js';
import { settleGuessedWords } from './guessedWords.js';

export interface ExpansionSettings {
  feedbackDocs: number;
  feedbackTerms: number;
  /** Share of the need's own-language block given to feedback terms. */
  feedbackShare: number;
  /** Share of the other language's block given to its feedback terms (translations keep the rest). */
  crossFeedbackShare: number;
  /** Share of the source-language block given to WordNet synonyms. */
  synonymShare: number;
  /** Weight of the other-language block relative to the need's own language, before selection. */
  crossShare: number;
  /** How sharply the block weights follow how well each language's outcomes cover the query. */
  selectionPower: number;
  /** Most weight the other language's block may get, as a multiple of the need text's weight. */
  maxCross: number;
  /** Most weight one added term may carry (a text token counts 1). */
  maxTermWeight: number;
  /**
   * Most weight one other-language term may carry while collection selection favours the need's
   * own language: no more than a word of the need's text, so the other language's outcomes
   * cannot take the top places on the strength of a few translations.
   */
  maxSecondaryTermWeight: number;
  /** Re-weigh dictionary translations and synonyms by how they co-occur with the need's other concepts in the outcomes. */
  coherence: boolean;
  /**
   * Added weight, per occurrence, of each of the need's own words as much as it co-occurs with
   * its other words in the outcomes (0: none; with `coherence` only). A long business need says
   * "feel", "say", "test" beside "regen" and "brake"; its text counts each word once, and this
   * stresses the words that belong together (key concepts of verbose queries, cf. Bendersky &
   * Croft 2008), measured with `liaison eval` (hybrid, offline): see `emphasisFloor`.
   */
  emphasis: number;
  /**
   * Share of `emphasis` every own word gets however little it co-occurs. Enterprise needs
   * nDCG@10 (dev split, on one store) with emphasis 0.5: floor 0 → 0.552, 0.5 → 0.561, 1 (the
   * same stress for every word) → 0.560 but recall@100 0.708 against 0.720; with none 0.550.
   * NFCorpus 0.349 → 0.348.
   */
  emphasisFloor: number;
}

export const DEFAULT_EXPANSION: ExpansionSettings = {
  feedbackDocs: 10,
  feedbackTerms: 20,
  feedbackShare: 0.1,
  crossFeedbackShare: 0.05,
  synonymShare: 0.1,
  crossShare: 1,
  selectionPower: 4,
  maxCross: 1,
  maxTermWeight: 2,
  maxSecondaryTermWeight: 1,
  coherence: true,
  emphasis: 0.5,
  emphasisFloor: 0.5,
};

export interface Expansion {
  lang: Lang;
  source: SourceTerm[];
  /** Per target language: the weighted query terms, before and after feedback. */
  blocks: Record<Lang, {
    base: WeightedTerm[];
    own: WeightedTerm[];
    added: WeightedTerm[];
    synonyms: WeightedTerm[];
    feedback: WeightedTerm[];
    keywords: string[];
    distinctive: string[];
    /** The base terms the store attests as words (attestedTerms): the translations a brief may show. */
    attested: string[];
    /** FOS 2007 fields voted for by the feedback outcomes close to the need (fieldVotes); none in 'translations' scope. */
    fields: Map<string, number>;
    coverage: number;
    share: number;
  }>;
  /** Final query: both language blocks, each normalised. */
  terms: WeightedTerm[];
  /** The need's own words (not compounds), weighted by how well each co-occurs with the others in the outcomes (settings.emphasis). */
  emphasis: WeightedTerm[];
}

/**
 * What an expansion works out: all that a need's brief and search use ('need'), or only what the
 * other language's search terms and the translations shown with them need ('translations', for
 * /search): the need's own language then keeps its feedback outcomes, which collection selection
 * reads, but not its feedback words, keywords, attested words or the stress on coherent words,
 * and neither language votes for fields. Both give the same other-language terms and shares.
 */
export type ExpansionScope = 'need' | 'translations';

/** Which language a need is written in: Chinese when CJK characters dominate. */
export function needLanguage(text: string): Lang {
  return cjkBigrams(text).length * 1.0 >= englishTokens(text).length ? 'zh' : 'en';
}

/**
 * The offline query expansion: the need's content words, their dictionary translations
 * (CC-CEDICT both ways), WordNet synonyms, and relevance feedback from the outcome store in
 * each language. Returns an empty expansion when the need has no content words.
 */
export async function expandNeed(
  text: string,
  corpus: CorpusFeedback | undefined,
  settings: ExpansionSettings = DEFAULT_EXPANSION,
  scope: ExpansionScope = 'need',
): Promise<Expansion> {
  const lang = needLanguage(text);
  const source = await settleGuessedWords(sourceTerms(text), corpus);
  const own: Record<Lang, WeightedTerm[]> = { en: [], zh: [] };
  for (const s of source) own[s.lang].push({ term: s.term, weight: s.weight, lang: s.lang, concept: s.term });
  const translated: Record<Lang, WeightedTerm[]> = { en: translate(source, 'en'), zh: translate(source, 'zh') };
  const synonyms = source.filter((s) => s.lang === 'en').flatMap(synonymsOf);
  const terms: WeightedTerm[] = [];
  // The two languages' blocks read the store independently: on a PostgreSQL server their
  // queries run side by side.
  const inputs = { lang, own, translated, synonyms, corpus, settings, scope };
  const [en, zh] = await Promise.all([languageBlock('en', inputs), languageBlock('zh', inputs)]);
  const blocks: Expansion['blocks'] = { en, zh };
  const emphasis = scope === 'need' && corpus && settings.coherence && settings.emphasis > 0 ? await emphasise(corpus, blocks[lang].own, source, settings) : [];
  // Collection selection: each language block counts as much as its best outcomes cover it.
  const raw = { en: 0, zh: 0 };
  for (const l of ['en', 'zh'] as const) raw[l] = (l === lang ? 1 : settings.crossShare) * blocks[l].coverage ** settings.selectionPower;
  const rawSum = raw.en + raw.zh || 1;
  for (const l of ['en', 'zh'] as const) {
    const b = blocks[l];
    b.share = raw[l] / rawSum;
    const block = merge([...scale(b.base, 1 - settings.feedbackShare), ...scale(b.feedback, b.feedback.length ? settings.feedbackShare : 0)]);
    terms.push(...scale(block, b.share));
  }
  return { lang, source, blocks, terms: terms.filter((t) => t.weight > 0), emphasis };
}

interface BlockInputs {
  lang: Lang;
  own: Record<Lang, WeightedTerm[]>;
  translated: Record<Lang, WeightedTerm[]>;
  synonyms: WeightedTerm[];
  corpus: CorpusFeedback | undefined;
  settings: ExpansionSettings;
  scope: ExpansionScope;
}

/** One language's block: the need's words or their translations into it, weighed by the store, with its feedback and coverage. */
async function languageBlock(l: Lang, { lang, own, translated, synonyms, corpus, settings, scope }: BlockInputs): Promise<Expansion['blocks'][Lang]> {
  const mine = await keepKnown(corpus, own[l]);
  let added = await keepKnown(corpus, merge(scale(translated[l], 1)));
  let syn = l === 'en' ? await keepKnown(corpus, merge(synonyms)) : [];
  const compose = () => {
    const core = merge([...scale(mine, 1), ...scale(added, 1)]);
    return syn.length ? merge([...scale(core, 1 - settings.synonymShare), ...scale(syn, settings.synonymShare)]) : core;
  };
  if (corpus && settings.coherence && (added.length || syn.length)) {
    const picked = await weighByCoherence(corpus, [...mine, ...added, ...syn], [...added, ...syn]);
    added = picked.slice(0, added.length);
    syn = picked.slice(added.length);
  }
  const base = compose();
  let fb: FeedbackResult = { terms: [], distinctive: [], docs: [] };
  let coverage = base.length ? 1 : 0;
  let keywords: string[] = [];
  let fields = new Map<string, number>();
  const full = scope === 'need' || l !== lang;
  if (corpus && base.length) {
    fb = await relevanceFeedback(corpus, base, l, { docs: settings.feedbackDocs, terms: full ? settings.feedbackTerms : 0 });
    const tokens = documentTokens(corpus, fb.docs);
    const covered = await documentCoverage(corpus, base, tokens);
    coverage = mean(covered.slice(0, COVERAGE_DOCS));
    if (full) {
      const concepts = conceptsCovered(corpus, base, tokens);
      const needConcepts = new Set(base.map((t) => t.concept ?? t.term)).size;
      keywords = keywordsOf(fb.docs, covered, concepts, needConcepts);
      if (scope === 'need') fields = fieldVotes(fb.docs.filter((_, i) => isClose(concepts[i]!, needConcepts)));
      fb = { ...fb, distinctive: sharedByCloseOutcomes(corpus, fb.distinctive, tokens, concepts, needConcepts) };
    }
    // Feedback words from a few top outcomes drift to whatever else those outcomes discuss; those
    // that co-occur with the need's words across the whole store keep their weight (the same
    // co-occurrence test that picks translations).
    if (full && settings.coherence && fb.terms.length) fb = { ...fb, terms: scale(await weighByCoherence(corpus, [...base, ...fb.terms], fb.terms), 1) };
  }
  const attested = !full ? [] : corpus ? [...(await attestedTerms(corpus, base.map((t) => t.term)))] : base.map((t) => t.term);
  return { base, own: mine, added, synonyms: syn, feedback: fb.terms, keywords, distinctive: fb.distinctive, attested, fields, coverage, share: 0 };
}

/** The need's own single words (its compounds repeat them), stressed by how they co-occur with each other. */
async function emphasise(corpus: CorpusFeedback, own: WeightedTerm[], source: SourceTerm[], s: ExpansionSettings): Promise<WeightedTerm[]> {
  const compounds = new Set(source.filter((x) => x.compound).map((x) => x.term));
  const words = own.filter((t) => !compounds.has(t.term));
  if (words.length < 2) return [];
  const picked = await weighByCoherence(corpus, words, words, s.emphasisFloor);
  return picked.map((t) => ({ ...t, weight: s.emphasis * t.weight }));
}

/** How many of a language's best outcomes its coverage is averaged over. */
const COVERAGE_DOCS = 3;
/** Share of the best feedback outcome's coverage another must reach for its author keywords to be shown. */
const KEYWORD_COVERAGE = 0.8;
/** Concepts of the need an outcome must name to be close to it (fewer if the need has fewer). */
const KEYWORD_CONCEPTS = 2;
/** Whether an outcome naming this many of the need's concepts is close to it: whose author keywords, words and fields a brief may take. */
const isClose = (concepts: number, needConcepts: number) => concepts >= Math.min(KEYWORD_CONCEPTS, needConcepts);

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/**
 * Author keywords of the feedback outcomes that cover the need about as well as the best one
 * and name at least two of its concepts, the best-covering outcome's first keyword first, then
 * each next outcome's, so a short list spans several outcomes. An outcome that shares one word
 * with the need ("压缩" in a paper on compression fractures, for a compressor need; "海水" in
 * one on seawater quality, for a seawater-pipe corrosion need) brings keywords on another topic.
 */
export function keywordsOf(docs: FeedbackDoc[], covered: number[], concepts: number[], needConcepts: number): string[] {
  const best = Math.max(0, ...covered);
  const chosen = docs
    .map((d, i) => ({ keywords: d.keywords, covered: covered[i]!, concepts: concepts[i]!, rank: i }))
    .filter((x) => best > 0 && x.covered >= best * KEYWORD_COVERAGE && isClose(x.concepts, needConcepts))
    .sort((a, b) => b.covered - a.covered || a.rank - b.rank);
  const out = new Set<string>();
  const longest = Math.max(0, ...chosen.map((x) => x.keywords.length));
  for (let k = 0; k < longest; k++) for (const x of chosen) if (k < x.keywords.length) out.add(x.keywords[k]!);
  return [...out];
}

/**
 * The feedback words a brief may show: those in at least two of the feedback outcomes that name
 * two or more of the need's concepts. One outcome's vocabulary is an accident of that outcome:
 * on a store with nothing about ceramics, "our tiles crack when we fire them faster" found an
 * abstract on grid cells (which "tile" space and "fire") and showed "winning, prize,
 * neuroscientists"; a Chinese wastewater need, through one sense of a translation, a
 * cryptography abstract's "fibonacci, readability". The search keeps every feedback word.
 */
export function sharedByCloseOutcomes(corpus: CorpusFeedback, words: string[], docs: Set<string>[], concepts: number[], needConcepts: number): string[] {
  const close = docs.filter((_, i) => isClose(concepts[i]!, needConcepts));
  return words.filter((w) => {
    const tokens = indexWords(corpus, w);
    return tokens.length > 0 && close.filter((d) => tokens.every((t) => d.has(t))).length >= MIN_SHOWN_OUTCOMES;
  });
}

/** Feedback outcomes (naming two of the need's concepts) that must share a word for a brief to show it. */
const MIN_SHOWN_OUTCOMES = 2;

/** Dictionary translations into `target` of the terms written in the other language. */
function translate(terms: SourceTerm[], target: Lang): WeightedTerm[] {
  return target === 'en' ? terms.filter((s) => s.lang === 'zh').flatMap(chineseToEnglish) : terms.filter((s) => s.lang === 'en').flatMap(englishToChinese);
}

/** Rescales weights to sum to `total`. */
export function scale(terms: WeightedTerm[], total: number): WeightedTerm[] {
  const sum = terms.reduce((a, t) => a + t.weight, 0);
  return sum > 0 ? terms.map((t) => ({ ...t, weight: (t.weight * total) / sum })) : [];
}

function merge(terms: WeightedTerm[]): WeightedTerm[] {
  const m = new Map<string, WeightedTerm>();
  for (const t of terms) {
    const prev = m.get(t.term);
    if (prev) prev.weight += t.weight;
    else m.set(t.term, { ...t });
  }
  return [...m.values()];
}

/** Drops translations and synonyms no outcome contains: they cannot help and may mislead. */
async function keepKnown(corpus: CorpusFeedback | undefined, terms: WeightedTerm[]): Promise<WeightedTerm[]> {
  if (!corpus || !terms.length) return terms;
  const tokens = terms.map((t) => corpus.tokens(t.term).map((x) => x.token));
  const { df } = await corpus.docFreq([...new Set(tokens.flat())]);
  return terms.filter((_, i) => tokens[i]!.some((tok) => (df.get(tok) ?? 0) > 0));
}
