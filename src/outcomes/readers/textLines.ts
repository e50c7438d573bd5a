import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

export type LineEvent = { line: number; text: string } | { line: number; failure: string; fatal: boolean };

/** Longer lines are not records but garbage (a binary file without newlines): skip them. */
const MAX_LINE_CHARS = 16 * 1024 * 1024;

/**
 * Splits a byte stream into numbered text lines (LF or CRLF). An overlong line becomes one
 * failure event and is skipped. A stream error (a truncated gzip, an unreadable disk block)
 * ends the lines with a fatal failure event instead of throwing, so everything read before it
 * can still be stored.
 */
export async function* textLines(input: Readable, maxLineChars = MAX_LINE_CHARS): AsyncGenerator<LineEvent> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let line = 0;
  let skipping = false; // inside an overlong line, dropping text up to its end
  try {
    for await (const chunk of input) {
      pending += decoder.write(chunk as Buffer);
      let start = 0;
      for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n', start)) {
        line++;
        if (!skipping) yield { line, text: stripCr(pending.slice(start, nl)) };
        skipping = false;
        start = nl + 1;
      }
      pending = pending.slice(start);
      if (!skipping && pending.length > maxLineChars) {
        yield { line: line + 1, failure: `line longer than ${maxLineChars} characters, skipped`, fatal: false };
        skipping = true;
      }
      if (skipping) pending = '';
    }
    pending += decoder.end();
    if (pending !== '' && !skipping) yield { line: ++line, text: stripCr(pending) };
  } catch (err) {
    yield { line: line + 1, failure: `the file could not be read past this point (${errorText(err)})`, fatal: true };
  }
}

const stripCr = (s: string) => (s.endsWith('\r') ? s.slice(0, -1) : s);
export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
