import { wordnet } from '../lexicon/wordnet.js';
import type { WeightedTerm } from '../corpusFeedback.js';
import type { SourceTerm } from './sourceTerms.js';

/**
 * WordNet synonyms of an English term's most frequent sense (noun first), and the words of
 * that sense's hypernym (one level up: "dehumidifier" → "appliance"). Multi-word lemmas stay
 * phrases; the index splits them.
 */
export function synonymsOf(term: SourceTerm): WeightedTerm[] {
  const wn = wordnet();
  const lemma = term.lemma ?? term.term;
  const first = wn.synsets(lemma, 'noun')[0] ?? wn.synsets(lemma)[0];
  if (!first) return [];
  const out: WeightedTerm[] = [];
  for (const w of first.words) if (w !== lemma && w !== term.term) out.push({ term: w, weight: term.weight, lang: 'en', concept: term.term });
  for (const h of first.hypernyms.slice(0, 1)) {
    for (const w of wn.synset(first.pos, h)?.words.slice(0, 2) ?? []) out.push({ term: w, weight: term.weight * 0.5, lang: 'en', concept: term.term });
  }
  return out;
}
