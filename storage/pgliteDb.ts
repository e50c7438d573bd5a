import { PGlite, type Transaction } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import type { Db, Queryable, QueryResult } from './db.js';
import { lockDataDir } from './dataDirLock.js';

type PgliteLike = Pick<PGlite, 'query' | 'exec'> | Transaction;

function wrap(target: PgliteLike): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const res = await target.query<T>(sql, params as unknown[]);
      // PGlite reports 0 affected rows for a SELECT; pg reports the rows returned.
      return { rows: res.rows, rowCount: Math.max(res.affectedRows ?? 0, res.rows.length) };
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
    async copyFrom(copy: string, data: Uint8Array): Promise<number> {
      const res = await target.query(`${copy} FROM '/dev/blob' WITH (FORMAT binary)`, [], { blob: new Blob([data]) });
      return res.affectedRows ?? 0;
    },
  };
}

/**
 * Embedded PostgreSQL (PGlite, WebAssembly) with pgvector.
 * `dataDir` undefined means in memory (tests); a folder is locked against a second process.
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  let pg: PGlite;
  try {
    pg = await PGlite.create({ dataDir, extensions: { vector } });
  } catch (err) {
    unlock();
    throw err;
  }
  const base = wrap(pg);
  let closed = false;
  return {
    engine: 'pglite',
    location: dataDir ?? 'memory',
    query: base.query,
    exec: base.exec,
    copyFrom: base.copyFrom,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await pg.close();
      } finally {
        unlock();
      }
    },
  };
}
