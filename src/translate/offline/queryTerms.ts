import type { WeightedTerm } from '../corpusFeedback.js';
import { scale, type Expansion, type ExpansionSettings } from './expandNeed.js';

/**
 * The weighted terms a search adds to the need's own text. The search counts every token of
 * the text once and adds each term's weight (see src/search/searchQuery.ts), so the blocks are
 * sized against the text's token count: in the need's language, synonyms and feedback terms
 * take their settings' share; the other language's block (translations and its feedback) gets
 * the text's weight times the ratio of the two blocks' shares (collection selection). Each term
 * is capped: at `maxTermWeight`, or at `maxSecondaryTermWeight` for the other language's terms
 * while the need's own language has the larger share. Chinese translations keep the English word
 * they translate (`concept`): the search saturates one word's translations together.
 */
export function expansionQueryTerms(e: Expansion, textTokens: number, s: ExpansionSettings): WeightedTerm[] {
  const own = e.blocks[e.lang];
  const other = e.blocks[e.lang === 'en' ? 'zh' : 'en'];
  const t = Math.max(1, textTokens);
  const fs = s.feedbackShare;
  const ownOdds = Math.min(1, own.share / Math.max(other.share, 1e-9));
  const out: WeightedTerm[] = [
    ...scale(own.added, t * 0.1).map(single), // words of the other script inside a mixed need, translated
    ...scale(own.synonyms, t * s.synonymShare).map(single),
    // Feedback in the need's own language counts only as much as that language's outcomes look likely to answer.
    ...scale(own.feedback, own.feedback.length ? ((t * fs) / (1 - fs)) * ownOdds : 0).map(single),
    // The stress on the need's coherent words, by the same odds: it favours the need's language.
    ...e.emphasis.map((x) => ({ ...single(x), weight: x.weight * ownOdds })),
  ];
  if (other.base.length && own.share + other.share > 0) {
    const total = own.share > 0 ? Math.min(s.maxCross, other.share / own.share) * t : s.maxCross * t;
    const f = other.feedback.length ? s.crossFeedbackShare : 0;
    out.push(...scale(other.base, total * (1 - f)).map(alternatives), ...scale(other.feedback, total * f).map(single));
  }
  const merged = new Map<string, WeightedTerm>();
  for (const x of out) {
    const key = `${x.lang}:${x.concept ?? ''}:${x.term}`;
    const prev = merged.get(key);
    if (prev) prev.weight += x.weight;
    else merged.set(key, { ...x });
  }
  // A translation may outweigh a word of the need only when the other language's outcomes look
  // likelier to answer it; otherwise a few frequent translations would put that language's
  // outcomes above every match of the need's own words.
  const otherCap = other.share > own.share ? s.maxTermWeight : s.maxSecondaryTermWeight;
  return [...merged.values()]
    .map((x) => ({
      term: x.term,
      lang: x.lang,
      weight: Math.round(Math.min(x.weight, x.lang === e.lang ? s.maxTermWeight : otherCap) * 1000) / 1000,
      ...(x.concept === undefined ? {} : { concept: x.concept }),
    }))
    .filter((x) => x.weight > 0);
}

/** A term searched on its own: the need's words, synonyms and feedback terms are not translations. */
const single = ({ concept: _, ...x }: WeightedTerm): WeightedTerm => x;

/**
 * Only alternative translations share a concept: the Chinese headwords found for an English word.
 * The English terms of a Chinese word are the words of its dictionary senses (余热: residual,
 * surplus, waste, heat), parts of phrases more than alternatives, and each stays a term.
 */
const alternatives = (x: WeightedTerm): WeightedTerm => (x.lang === 'zh' ? x : single(x));
