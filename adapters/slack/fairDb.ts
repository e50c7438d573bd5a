import type { Db, Queryable } from '../../storage/db.js';

/** Queries started per event-loop turn; between turns Node reads sockets and sends acks. */
const QUERIES_PER_TURN = 2;

const waiting: (() => void)[] = [];
let scheduled = false;

function releaseTurn(): void {
  scheduled = false;
  for (const go of waiting.splice(0, QUERIES_PER_TURN)) go();
  if (waiting.length > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(releaseTurn);
}

/** Resolves in a coming event-loop turn, at most QUERIES_PER_TURN callers per turn. */
const nextTurn = () =>
  new Promise<void>((go) => {
    waiting.push(go);
    schedule();
  });

/**
 * The embedded PGlite runs each query synchronously on the main thread, and a backlog of
 * queries chains through promise callbacks without ever returning to the event loop: 50 slash
 * commands in flight froze the process for ~1 s, and every new request waited that long for
 * its acknowledgement (Slack allows 3 s). This wrapper lets at most two queries start per
 * event-loop turn, so incoming requests are read and acknowledged between them; when nothing
 * else is waiting the turns are immediate. Only for PGlite (a PostgreSQL server's queries are
 * real I/O). It would sit best in storage/pgliteDb.ts, for every adapter.
 */
export function withFairScheduling(db: Db): Db {
  if (db.engine !== 'pglite') return db;
  const fair = (q: Queryable): Queryable => ({
    async query(sql, params) {
      await nextTurn();
      return q.query(sql, params);
    },
    async exec(sql) {
      await nextTurn();
      return q.exec(sql);
    },
    async copyFrom(copy, data) {
      await nextTurn();
      return q.copyFrom(copy, data);
    },
  });
  return {
    ...fair(db),
    engine: db.engine,
    location: db.location,
    transaction: (fn) => db.transaction((tx) => fn(fair(tx))),
    close: () => db.close(),
  };
}
