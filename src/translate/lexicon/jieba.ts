import { idf } from '@node-rs/jieba/dict.js';
import { jieba, jiebaLoaded as segmenterLoaded } from '../../search/chineseSegmenter.js';

export interface TaggedWord {
  word: string;
  tag: string;
}

export const tagChinese = (text: string): TaggedWord[] => jieba().tag(text, true);

/** Words jieba knows inside a longer word ("渗滤液" → "渗滤", "滤液"…), for dictionary fallback. */
export const subwords = (word: string): string[] => jieba().cutForSearch(word, false).filter((w) => w !== word);

let idfTable: Map<string, number> | undefined;

/** jieba's bundled IDF of a Chinese word (high = specific); undefined when unknown. */
export function chineseIdf(word: string): number | undefined {
  if (!idfTable) {
    idfTable = new Map();
    for (const line of Buffer.from(idf).toString('utf8').split('\n')) {
      const [w, v] = line.split(' ');
      if (w && v) idfTable.set(w, Number(v));
    }
  }
  return idfTable.get(word);
}

/** Whether jieba and its IDF table are in memory already (without loading them). */
export const jiebaLoaded = (): boolean => segmenterLoaded() && idfTable !== undefined;
