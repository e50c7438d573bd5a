import { UserFacingError } from '../errors.js';
import { wordnet } from './lexicon/wordnet.js';
import { ENGLISH_STOP_WORDS } from './text/stopwords.js';

/** Longest need the translator accepts, in characters. */
export const MAX_NEED_CHARS = 20_000;

export type NeedScript = 'en' | 'zh' | 'mixed';

/**
 * Checks a need before translation and says, in plain words, why one cannot be translated:
 * too short, too long, binary noise, or a language other than English and Chinese.
 * Returns the trimmed text and its script.
 */
export function checkNeedText(raw: string): { text: string; script: NeedScript } {
  const text = raw.normalize('NFC').trim();
  const chars = [...text];
  if (chars.length < 2) {
    throw new UserFacingError('need.too_short', 'That is too short for me to work with.', 'Describe the problem in a sentence or two, e.g. "our tiles crack when we fire them faster".');
  }
  if (chars.length > MAX_NEED_CHARS) {
    throw new UserFacingError(
      'need.too_long',
      `That need is ${chars.length.toLocaleString('en')} characters; I can translate up to ${MAX_NEED_CHARS.toLocaleString('en')}.`,
      'Send the problem itself (symptoms, constraints, goal) in a few paragraphs, not whole documents.',
    );
  }
  const control = chars.filter((c) => /[\u0000-\u0008\u000e-\u001f\u007f\ufffd\ufffe\uffff]/.test(c)).length;
  const letters = chars.filter((c) => /\p{L}/u.test(c)).length;
  if (control > 0 && control / chars.length > 0.01) {
    throw new UserFacingError('need.binary', 'That looks like binary data, not a description I can read.', 'Paste the need as plain text.');
  }
  if (letters === 0) {
    return { text, script: 'en' }; // punctuation or emoji only: the translator asks what is meant
  }
  const language = languageError(text);
  if (language) throw language;
  const cjk = chars.filter(isCjkChar).length;
  const latin = chars.filter((c) => /[A-Za-z]/.test(c)).length;
  if (letters / chars.length < 0.3 && chars.length > 20) {
    throw new UserFacingError('need.noise', 'I could not find words in that message.', 'Describe the problem in plain English or Chinese.');
  }
  const script: NeedScript = cjk > 0 && latin > 0 ? (cjk >= latin / 4 && latin >= cjk * 2 ? 'mixed' : cjk * 3 >= latin ? 'zh' : 'en') : cjk > 0 ? 'zh' : 'en';
  return { text, script };
}

const isCjkChar = (c: string) => /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(c);

/**
 * The "English or Chinese only" error when a text is in another language (kana, Hangul,
 * Cyrillic… or Latin-script words that do not read as English), else undefined. A text with no
 * letters is in no language: undefined.
 */
export function languageError(text: string): UserFacingError | undefined {
  const chars = [...text];
  const letters = chars.filter((c) => /\p{L}/u.test(c)).length;
  if (letters === 0) return undefined;
  const cjk = chars.filter(isCjkChar).length;
  const latin = chars.filter((c) => /[A-Za-z]/.test(c)).length;
  const kana = chars.filter((c) => /[\u3040-\u30ff\uac00-\ud7af]/.test(c)).length;
  const other = letters - cjk - latin - kana - chars.filter((c) => /[\u00c0-\u024f]/.test(c)).length;
  if ((kana + other) / letters <= 0.3 && (cjk > 0 || readsAsEnglish(text))) return undefined;
  return new UserFacingError('need.language', 'I can translate needs written in English or Chinese only.', '请用中文或英文描述需求。 Please write the need in English or Chinese.');
}

/** Fewest Latin-script words before a need is judged by its vocabulary: a few may all be acronyms. */
const MIN_WORDS_TO_JUDGE = 6;

/**
 * Whether a Latin-script text reads as English: WordNet or the English stop-word list knows most
 * of its words, or its function words are English ones. German, French or Spanish share a few
 * words with English ("in", "de" as Delaware) but not most, and not the function words; a
 * keyword list ("steel pipes corrosion seawater") has no function words but known words only.
 */
function readsAsEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS_TO_JUDGE) return true;
  const wn = wordnet();
  const known = words.filter((w) => ENGLISH_STOP_WORDS.has(w) || wn.baseForm(w) !== undefined).length;
  const functionWords = words.filter((w) => ENGLISH_STOP_WORDS.has(w)).length;
  return known / words.length >= 0.6 || functionWords / words.length >= 0.15;
}
