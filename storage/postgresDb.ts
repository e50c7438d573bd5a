import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Db, Queryable, QueryResult } from './db.js';
import { DatabaseUnavailableError } from './errors.js';

export interface PostgresOptions {
  poolSize?: number;
  /** Schema search path, e.g. an isolated schema per test run. */
  searchPath?: string;
  onError?: (err: Error) => void;
}

/** "host:port/database" of a connection URL, never its user or password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'an unparseable DATABASE_URL';
  }
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const res = await client.query(sql, params as unknown[]);
      return { rows: res.rows as T[], rowCount: res.rowCount ?? res.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql); // no parameters: the simple protocol runs several statements
    },
    async copyFrom(copy: string, data: Uint8Array): Promise<number> {
      const conn = client instanceof pg.Pool ? await client.connect() : client;
      try {
        const stream = conn.query(copyFromStdin(`${copy} FROM STDIN WITH (FORMAT binary)`));
        await pipeline(Readable.from([data]), stream);
        return stream.rowCount ?? 0;
      } finally {
        if (conn !== client) (conn as pg.PoolClient).release();
      }
    },
  };
}

/**
 * PostgreSQL server through a node-postgres pool. Vectors cross the wire as pgvector's text form
 * (`toSql`/`fromSql` from the pgvector package), the same on both engines.
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const where = describeUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    options: options.searchPath ? `-c search_path=${options.searchPath}` : undefined,
  });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', (err) => options.onError?.(err));
  try {
    const client = await pool.connect();
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS vector');
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => {});
    if (err instanceof Error && 'code' in err && typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code) && !err.code.startsWith('08') && !err.code.startsWith('57')) {
      throw err; // the server answered: a real SQL error, not an outage
    }
    throw new DatabaseUnavailableError(where, err);
  }
  pool.on('connect', (client) => client.on('error', (err) => options.onError?.(err)));
  const base = wrap(pool);
  let closed = false;
  return {
    engine: 'postgres',
    location: where,
    query: base.query,
    exec: base.exec,
    copyFrom: base.copyFrom,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
