import type { Readable } from 'node:stream';
import type { SourceRow } from './sourceRow.js';
import { textLines } from './textLines.js';

/**
 * JSON Lines: one object per line. Blank lines are skipped; a line that is not a JSON object
 * (a syntax error, binary garbage) becomes an error row and reading goes on.
 */
export async function* readJsonLines(input: Readable, maxLineChars?: number): AsyncGenerator<SourceRow> {
  for await (const event of textLines(input, maxLineChars)) {
    if ('failure' in event) {
      yield { line: event.line, record: undefined, error: event.failure };
      if (event.fatal) return;
      continue;
    }
    const text = event.line === 1 ? event.text.replace(/^\uFEFF/, '') : event.text;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      yield { line: event.line, record: undefined, error: `not valid JSON (${(err as Error).message})` };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield { line: event.line, record: undefined, error: 'expected a JSON object on this line' };
      continue;
    }
    yield { line: event.line, record: value };
  }
}
