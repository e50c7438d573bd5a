/**
 * One row read from an import file: its line number (1-based, as an editor shows it) and the
 * record already renamed to our field names. `error` is set instead when the line could not be
 * read at all (bad JSON, wrong column count, truncated file); ingest reports it as rejected.
 */
export interface SourceRow {
  line: number;
  record: unknown;
  error?: string;
}
