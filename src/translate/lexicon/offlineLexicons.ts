import { cedict, cedictLoaded } from './cedict.js';
import { jieba } from '../../search/chineseSegmenter.js';
import { chineseIdf, jiebaLoaded } from './jieba.js';
import { wordnet, wordnetLoaded } from './wordnet.js';

/** The dictionaries the offline translator reads, as /status names them. */
export const OFFLINE_LEXICONS = 'CC-CEDICT, WordNet 3.1, jieba';

let loadedAtStartMs: number | undefined;

/**
 * Reads CC-CEDICT, WordNet and jieba's dictionaries into memory now: about 3 s of CPU on this
 * machine, which otherwise falls inside the first translation or search after a start and holds
 * the event loop, so a Slack or Discord request arriving meanwhile is acknowledged late (both
 * platforms give 3 s). Returns the milliseconds it took.
 */
export function loadOfflineLexicons(): number {
  const started = performance.now();
  cedict();
  wordnet();
  jieba();
  chineseIdf('的');
  loadedAtStartMs = Math.round(performance.now() - started);
  return loadedAtStartMs;
}

/** For /status: whether the dictionaries are in memory, and how long loading them took at start. */
export function offlineLexiconsState(): string {
  if (!(cedictLoaded() && wordnetLoaded() && jiebaLoaded())) return `${OFFLINE_LEXICONS}: loaded on first use (a few seconds)`;
  return loadedAtStartMs === undefined
    ? `${OFFLINE_LEXICONS}: in memory`
    : `${OFFLINE_LEXICONS}: in memory (loaded at start in ${(loadedAtStartMs / 1000).toFixed(1)} s)`;
}
