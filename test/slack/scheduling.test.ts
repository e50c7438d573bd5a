import { describe, expect, it } from 'vitest';
import { AfterAck } from '../../adapters/slack/afterAck.js';
import { withFairScheduling } from '../../adapters/slack/fairDb.js';
import type { Db } from '../../storage/db.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('work after the acknowledgement', () => {
  it('runs at most maxRunning jobs at once, and a slow job stops counting', async () => {
    const queue = new AfterAck(2, 100);
    let running = 0;
    let peak = 0;
    const job = (ms: number) => async () => {
      running++;
      peak = Math.max(peak, running);
      await sleep(ms);
      running--;
    };
    await Promise.all(Array.from({ length: 6 }, () => queue.run(job(20))));
    expect(peak).toBe(2);

    // Two slow jobs hold both places for 100 ms only; the quick one runs long before they end.
    const slow = [queue.run(job(1_000)), queue.run(job(1_000))];
    const started = Date.now();
    await queue.run(job(1));
    expect(Date.now() - started).toBeLessThan(800);
    await Promise.all(slow);
  });
});

describe('fair scheduling of embedded database queries', () => {
  it('lets timers and sockets run between queries of a backlog', async () => {
    // A stand-in for PGlite: each query blocks the thread for 2 ms, like WebAssembly work.
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    const db = {
      engine: 'pglite',
      location: 'memory',
      async query() {
        busy(2);
        return { rows: [], rowCount: 0 };
      },
      async exec() {},
      async copyFrom() {
        return 0;
      },
      transaction: async (fn) => fn(db),
      close: async () => {},
    } as Db;
    const gaps = async (target: Db) => {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 1);
      await Promise.all(Array.from({ length: 100 }, () => target.query('SELECT 1')));
      clearInterval(timer);
      return ticks;
    };
    expect(await gaps(db)).toBe(0); // 200 ms of queries and not one timer turn
    expect(await gaps(withFairScheduling(db))).toBeGreaterThan(10);
  });
});
