import { lightStem } from '../../search/lightStem.js';
import { editDistance } from '../text/editDistance.js';
import { cedict } from './cedict.js';
import { wordnet } from './wordnet.js';

/**
 * Two adjacent words of a need that CC-CEDICT translates as one: a headword with a sense that is
 * exactly these two words, inflection and spelling aside ("injection-moulded" → 注塑 "injection
 * molding", "cold rolling" → 冷轧 "cold-rolling", "wood chips" → 木片 "wood chip"). Translating the
 * phrase rather than its words is what makes dictionary-based cross-language retrieval work
 * (Ballesteros & Croft 1997): word by word, "injection" gives 注射 (a medical injection) and
 * "moulded" 霉菌 (a fungus). Returns the dictionary's phrase, or undefined. The phrase must end in
 * a word that may name a thing: 有道理 "make sense" is no technical term.
 */
export function dictionaryPhrase(first: string, second: string): string | undefined {
  const glosses = [...new Set([first, ...wordnet().baseForms(first)])]
    .flatMap((lookup) => cedict().chineseContaining(lookup))
    .map((hit) => hit.gloss.split(/[^a-z0-9]+/).filter(Boolean))
    .filter((words) => words.length === 2);
  if (!glosses.length) return undefined; // most word pairs: no need for their spellings
  const firstForms = forms(first);
  const secondForms = forms(second);
  const phrase = glosses.find(([a, b]) => firstForms.has(lightStem(a!)) && secondForms.has(lightStem(b!)) && wordnet().mayBeNoun(b!));
  return phrase?.join(' ');
}

/**
 * The stems a word may take in a dictionary gloss: its own, its dictionary forms', and those of
 * its spellings WordNet lists as synonyms (mould / mold, aluminium / aluminum, fibre / fiber:
 * members of one synset a letter or two apart).
 */
function forms(word: string): Set<string> {
  const out = new Set([lightStem(word)]);
  for (const base of new Set([word, ...wordnet().baseForms(word)])) {
    out.add(lightStem(base));
    for (const synset of wordnet().synsets(base)) {
      for (const member of synset.words) if (member !== base && isRespelling(member, base)) out.add(lightStem(member));
    }
  }
  return out;
}

/** Same first letter, length within one, at most two edits apart (no phrases). */
function isRespelling(a: string, b: string): boolean {
  if (a.includes('_') || a[0] !== b[0] || Math.abs(a.length - b.length) > 1) return false;
  return editDistance(a, b) <= 2;
}
