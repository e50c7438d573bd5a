import { wordnet } from '../lexicon/wordnet.js';
import type { WeightedTerm } from '../corpusFeedback.js';
import type { SourceTerm } from './sourceTerms.js';

/**
 * WordNet synonyms of an English term's most frequent sense (noun first), and the words of
 * that sense's hypernym (one level up: "dehumidifier" → "appliance"). Multi-word lemmas stay
 * phrases; the index splits them. None for an abbreviation.
 */
export function synonymsOf(term: SourceTerm): WeightedTerm[] {
  if (term.acronym) return []; // WordNet's "ev" is an electron volt, its "orc" a killer whale
  const wn = wordnet();
  const lemma = term.lemma ?? term.term;
  // A comparative WordNet does not list ("faster") reads as its adjective ("fast"), not as that
  // word's noun (abstaining from food). Other inflections keep the noun: "braking" is about brakes.
  const comparative = !term.compound && wn.synsets(term.term).length === 0 ? wn.baseFormAs(term.term, 'adj') : undefined;
  const first = comparative ? wn.synsets(comparative, 'adj')[0] : (wn.synsets(lemma, 'noun')[0] ?? wn.synsets(lemma)[0]);
  if (!first) return [];
  const out: WeightedTerm[] = [];
  // The comparative's own adjective counts among them: the light stemmer keeps "faster" apart from "fast".
  for (const w of first.words) if (w !== term.term && (comparative || w !== lemma)) out.push({ term: w, weight: term.weight, lang: 'en', concept: term.term });
  for (const h of first.hypernyms.slice(0, 1)) {
    for (const w of wn.synset(first.pos, h)?.words.slice(0, 2) ?? []) out.push({ term: w, weight: term.weight * 0.5, lang: 'en', concept: term.term });
  }
  return out;
}
