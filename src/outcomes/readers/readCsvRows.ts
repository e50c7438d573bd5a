import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { parse, type CsvError, type Info } from 'csv-parse';
import type { SourceRow } from './sourceRow.js';
import { errorText } from './textLines.js';

/**
 * CSV with a header row. Each data row becomes an object keyed by the header's column names.
 * A row with the wrong number of cells, or one the parser cannot read (a stray quote), becomes
 * an error row and reading goes on; a file that ends mid-stream ends with one error row.
 */
export async function* readCsvRows(input: Readable): AsyncGenerator<SourceRow> {
  const skipped: SourceRow[] = [];
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: 16 * 1024 * 1024, // a binary file without line breaks is not one huge record
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      skipped.push({ line: lineOf(err), record: undefined, error: `unreadable CSV row (${err?.message ?? 'parse error'})` });
      return undefined;
    },
  });
  // pipeline destroys the parser when the input fails, so the loop below sees the error.
  pipeline(input, parser).catch(() => {});
  let header: string[] | undefined;
  let lastLine = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      yield* skipped.splice(0);
      const { record, info } = item;
      lastLine = info.lines;
      // info.lines is where the record ends; quoted cells may span lines, so count back.
      const line = info.lines - record.reduce((n, cell) => n + newlines(cell), 0);
      if (!header) {
        header = record.map((h) => h.trim());
        continue;
      }
      if (record.length !== header.length) {
        yield { line, record: undefined, error: `expected ${header.length} columns, found ${record.length}` };
        continue;
      }
      const row: Record<string, string> = {};
      header.forEach((name, i) => (row[name] = record[i]!));
      yield { line, record: row };
    }
    yield* skipped.splice(0);
  } catch (err) {
    yield* skipped.splice(0);
    yield { line: lastLine + 1, record: undefined, error: `the file could not be read past this point (${errorText(err)})` };
  }
}

function newlines(cell: string): number {
  let n = 0;
  for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
  return n;
}

function lineOf(err: CsvError | undefined): number {
  const lines = (err as { lines?: unknown } | undefined)?.lines;
  return typeof lines === 'number' ? lines : 0;
}
