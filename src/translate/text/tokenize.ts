import { ENGLISH_STOP_WORDS } from './stopwords.js';

const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const WORD = /[a-z0-9]+/g;

/** Lower-case, drop stop words, strip a final plural 's' (the reference tokenisation). */
export function englishTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().replace(CJK_RUN, ' ').matchAll(WORD)) {
    const w = normaliseEnglish(m[0]);
    if (w) out.push(w);
  }
  return out;
}

/** One English word as the index sees it, or '' for a stop word. */
export function normaliseEnglish(word: string): string {
  const w = word.toLowerCase();
  if (ENGLISH_STOP_WORDS.has(w)) return '';
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/** Overlapping character bigrams of each run of CJK characters (a single character stays whole). */
export function cjkBigrams(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CJK_RUN)) {
    const run = m[0];
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/** The reference analyser: English words and CJK bigrams, in one list. */
export function analyse(text: string): string[] {
  return [...englishTokens(text), ...cjkBigrams(text)];
}

export const isCjk = (s: string): boolean => /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(s);
