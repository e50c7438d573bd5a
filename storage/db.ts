/** The one database port: every repository talks to this, never to a driver. */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  /** One statement with `$1`-style parameters. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Several statements, no parameters (migration scripts). */
  exec(sql: string): Promise<void>;
  /**
   * Bulk load: `COPY table (columns)` (without FROM) fed with rows in the binary COPY format
   * (storage/binaryCopy.ts). Returns the number of rows copied.
   */
  copyFrom(copy: string, data: Uint8Array): Promise<number>;
}

export type DbEngine = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly engine: DbEngine;
  /** Where the data lives, safe to show (never a password). */
  readonly location: string;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
