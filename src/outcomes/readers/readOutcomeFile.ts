import type { OutcomeKind } from '../outcome.js';
import { detectLanguage } from '../detectLanguage.js';
import { beirRecord } from './beirRecord.js';
import { createFieldRenamer, type FieldMap } from './fieldMap.js';
import { openInput } from './openInput.js';
import { readCsvRows } from './readCsvRows.js';
import { readJsonLines } from './readJsonLines.js';
import type { SourceRow } from './sourceRow.js';

export type OutcomeFileFormat = 'jsonl' | 'csv' | 'beir';

export interface ReadOutcomeFileOptions {
  /** Default: from the name (.csv or .csv.gz is CSV, anything else JSON Lines). */
  format?: OutcomeFileFormat;
  /** Our field → the file's column, e.g. { title: 'name' }. Not used for BEIR. */
  map?: FieldMap;
  /** Kind for rows that do not say (BEIR default: paper). */
  defaultKind?: OutcomeKind;
}

export function formatFromName(path: string): OutcomeFileFormat {
  return /\.csv(\.gz)?$/i.test(path) ? 'csv' : 'jsonl';
}

/**
 * Reads an outcome file (JSON Lines, CSV or a BEIR corpus, optionally gzip) into rows with our
 * field names. Nothing is validated here: ingestOutcomes checks every row against the schema.
 */
export async function* readOutcomeFile(path: string, options: ReadOutcomeFileOptions = {}): AsyncGenerator<SourceRow> {
  const format = options.format ?? formatFromName(path);
  const input = await openInput(path);
  const rows = format === 'csv' ? readCsvRows(input) : readJsonLines(input);
  const rename = createFieldRenamer(options.map);
  for await (const row of rows) {
    if (row.error !== undefined) {
      yield row;
      continue;
    }
    const raw = row.record as Record<string, unknown>;
    const record = format === 'beir' ? beirRecord(raw, options.defaultKind ?? 'paper') : rename(raw);
    if (format !== 'beir' && isBlank(record.kind) && options.defaultKind) record.kind = options.defaultKind;
    if (isBlank(record.language)) record.language = detectLanguage(`${text(record.title)} ${text(record.abstract)}`);
    yield { line: row.line, record };
  }
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const text = (v: unknown) => (typeof v === 'string' ? v : '');
