import { openInput } from './openInput.js';

/** Newlines in a (possibly gzip) file, for a progress bar's total; 0 when it cannot be read. */
export async function countLines(path: string): Promise<number> {
  let n = 0;
  try {
    for await (const chunk of await openInput(path)) {
      const buf = chunk as Buffer;
      for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) n++;
    }
  } catch {
    // A truncated file still gets a bar; ingest reports the damage.
  }
  return n;
}
