import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../storage/db.js';
import { binaryCopyRows } from '../../storage/binaryCopy.js';
import { testEngines } from '../support/testDb.js';

describe.each(testEngines)('binary COPY on $name', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await engine.open();
    await db.exec('CREATE EXTENSION IF NOT EXISTS vector; CREATE TABLE copied (id bigint, n integer, x real, label text, v vector)');
  });
  afterAll(async () => db?.close());

  it('stores every column type exactly, NULLs and any Unicode included', async () => {
    const rows = [
      [1, -7, 0.5, 'plain', Float32Array.of(1, -2.5, 0.125)],
      [2 ** 53 - 1, 2_147_483_647, -1e-3, '冷库 制冷 ❄️ Ünïcödé\u0301', [0, 0, 3]],
      [3, null, null, null, null],
      [4, 0, 0, '', Float32Array.of(0.1, 0.2, 0.3)],
    ];
    const copied = await db.copyFrom('COPY copied (id, n, x, label, v)', binaryCopyRows(['int8', 'int4', 'float4', 'text', 'vector'], rows));
    expect(copied).toBe(4);
    const back = await db.query<{ id: string; n: number | null; x: number | null; label: string | null; v: string | null }>(
      'SELECT id::text, n, x, label, v::text FROM copied ORDER BY copied.id',
    );
    expect(back.rows).toEqual([
      { id: '1', n: -7, x: 0.5, label: 'plain', v: '[1,-2.5,0.125]' },
      { id: '3', n: null, x: null, label: null, v: null },
      { id: '4', n: 0, x: 0, label: '', v: '[0.1,0.2,0.3]' },
      { id: String(2 ** 53 - 1), n: 2_147_483_647, x: expect.closeTo(-1e-3, 6), label: '冷库 制冷 ❄️ Ünïcödé\u0301', v: '[0,0,3]' },
    ]);
  });

  it('copies inside a transaction and is undone with it', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.copyFrom('COPY copied (id)', binaryCopyRows(['int8'], [[10], [11]]));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const n = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM copied WHERE id IN (10, 11)');
    expect(n.rows[0]!.n).toBe(0);
  });
});
