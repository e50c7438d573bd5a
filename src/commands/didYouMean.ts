import { editDistance } from '../translate/text/editDistance.js';

/** The closest known name within a small distance, or a name the input is a prefix of. */
export function closest(input: string, names: readonly string[]): string | undefined {
  const word = input.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const name of names) {
    const d = name.startsWith(word) && word.length >= 2 ? 0.5 : editDistance(word, name);
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(1, Math.floor(word.length / 3)) ? best.name : undefined;
}
