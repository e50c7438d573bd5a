import { segmentChinese } from './chineseSegmenter.js';
import { CHINESE_STOP_WORDS, ENGLISH_STOP_WORDS } from './englishStopWords.js';
import { lightStem } from './lightStem.js';

/** Longest text the tokeniser reads; a longer query is cut (the index holds nothing longer anyway). */
export const MAX_TOKENISED_CHARS = 20_000;

const RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const HAN = /^\p{Script=Han}/u;

/**
 * The one tokeniser for documents and queries, both engines: NFKC + lowercase; Latin-script words
 * lose stop words and get light stemming; Chinese runs are segmented into words (jieba) and also
 * cut into overlapping character bigrams, a safety net for segmentation mistakes (bigram terms are
 * marked with a leading "_" so they never collide with words). Tokens are plain letters/digits
 * (and "_"), safe as tsvector lexemes.
 */
export function tokenizeText(text: string): string[] {
  const out: string[] = [];
  const clean = text.slice(0, MAX_TOKENISED_CHARS).normalize('NFKC').toLowerCase();
  for (const m of clean.matchAll(RUNS)) {
    const run = m[0];
    if (HAN.test(run)) addChinese(run, out);
    else if (!ENGLISH_STOP_WORDS.has(run) && run.length <= 40) out.push(lightStem(run));
  }
  return out;
}

function addChinese(run: string, out: string[]): void {
  for (const word of segmentChinese(run)) {
    if (!CHINESE_STOP_WORDS.has(word) && word.length > 1) out.push(word);
  }
  const chars = [...run];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`_${chars[i]}${chars[i + 1]}`);
  if (chars.length === 1 && !CHINESE_STOP_WORDS.has(run)) out.push(run);
}

/** Whether an index token is a Chinese character bigram (the "_" mark of addChinese), not a word. */
export const isCharacterBigram = (token: string): boolean => token.startsWith('_');

/** Term → count for one text. */
export function termCounts(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** Each Latin-script token of a text mapped to the first word it came from ("storag" → "storage"), for display. */
export function surfaceForms(text: string): Map<string, string> {
  const forms = new Map<string, string>();
  for (const m of text.slice(0, MAX_TOKENISED_CHARS).normalize('NFKC').matchAll(RUNS)) {
    const word = m[0];
    if (HAN.test(word)) continue;
    const lower = word.toLowerCase();
    if (ENGLISH_STOP_WORDS.has(lower) || lower.length > 40) continue;
    const token = lightStem(lower);
    if (!forms.has(token)) forms.set(token, lower);
  }
  return forms;
}
