import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;

/** Word segmentation of a run of Chinese characters (jieba, default dictionary, loaded once). */
export function segmentChinese(run: string): string[] {
  jieba ??= Jieba.withDict(dict);
  return jieba.cut(run, true);
}
