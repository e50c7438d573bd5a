import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../storage/db.js';
import { migrate } from '../../storage/migrate.js';
import { hasIterativeScan, tuneSearch } from '../../storage/repositories/searchQueries.js';
import { testEngines } from '../support/testDb.js';

describe.each(testEngines)('search settings on $name', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await engine.open();
    await migrate(db);
  });
  afterAll(async () => db?.close());

  const settingsAfter = (efSearch: number, iterative: boolean) =>
    db.transaction(async (tx) => {
      await tuneSearch(tx, efSearch, iterative);
      const res = await tx.query<{ jit: string; ef: string; iter: string }>(
        `SELECT current_setting('jit') AS jit, current_setting('hnsw.ef_search') AS ef, current_setting('hnsw.iterative_scan', true) AS iter`,
      );
      return res.rows[0]!;
    });

  it('sets JIT off, the HNSW candidate list (within 40–1000) and, where pgvector has them, iterative scans, for the transaction only', async () => {
    const iterative = await hasIterativeScan(db);
    const inside = await settingsAfter(300, iterative);
    expect(inside).toMatchObject({ jit: 'off', ef: '300' });
    if (iterative) expect(inside.iter).toBe('relaxed_order');
    expect((await settingsAfter(1, false)).ef).toBe('40');
    expect((await settingsAfter(5_000, false)).ef).toBe('1000');
    // Gone with the transaction: pgvector's default (40), or nothing on a connection that never loaded it.
    const after = await db.query<{ ef: string | null; jit: string }>(`SELECT current_setting('hnsw.ef_search', true) AS ef, current_setting('jit') AS jit`);
    expect(after.rows[0]!.ef).not.toBe('1000');
    expect(after.rows[0]!.jit).not.toBe('off');
  });
});
