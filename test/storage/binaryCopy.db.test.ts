import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../storage/db.js';
import { binaryCopyChunks, copyRows, CopyWriter } from '../../storage/binaryCopy.js';
import { testEngines } from '../support/testDb.js';

describe.each(testEngines)('binary COPY on $name', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await engine.open();
    await db.exec('CREATE EXTENSION IF NOT EXISTS vector; CREATE TABLE copied (id bigint, n integer, x real, label text, v vector, raw bytea)');
  });
  afterAll(async () => db?.close());

  it('stores every column type exactly, NULLs and any Unicode included', async () => {
    const rows = [
      [1, -7, 0.5, 'plain', Float32Array.of(1, -2.5, 0.125)],
      [2 ** 53 - 1, 2_147_483_647, -1e-3, '冷库 制冷 ❄️ Ünïcödé\u0301', [0, 0, 3]],
      [3, null, null, null, null],
      [4, 0, 0, '', Float32Array.of(0.1, 0.2, 0.3)],
    ];
    const copied = await copyRows(db, 'COPY copied (id, n, x, label, v)', ['int8', 'int4', 'float4', 'text', 'vector'], rows);
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

  it('stores bytea values byte for byte (a term vector\'s float32s, empty and NULL too)', async () => {
    const floats = Float32Array.of(1.5, -0.25, 3e-7);
    const bytes = new Uint8Array(floats.buffer);
    await copyRows(db, 'COPY copied (id, raw)', ['int8', 'bytea'], [[20, bytes], [21, new Uint8Array(0)], [22, null], [23, Uint8Array.of(0, 255, 92, 0)]]);
    const back = await db.query<{ id: string; raw: string | null }>(`SELECT id::text, encode(raw, 'base64') AS raw FROM copied WHERE id BETWEEN 20 AND 23 ORDER BY id`);
    expect(back.rows).toEqual([
      { id: '20', raw: Buffer.from(bytes).toString('base64') },
      { id: '21', raw: '' },
      { id: '22', raw: null },
      { id: '23', raw: 'AP9cAA==' },
    ]);
    const vector = Buffer.from(back.rows[0]!.raw!, 'base64');
    expect([...new Float32Array(vector.buffer, vector.byteOffset, 3)]).toEqual([...floats]);
  });

  it('copies inside a transaction and is undone with it', async () => {
    await expect(
      db.transaction(async (tx) => {
        await copyRows(tx, 'COPY copied (id)', ['int8'], [[10], [11]]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const n = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM copied WHERE id IN (10, 11)');
    expect(n.rows[0]!.n).toBe(0);
  });

  it('splits a large load into complete COPY payloads, every row copied once', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => [100 + i, i, 0, `row ${i} ${'x'.repeat(i % 50)}`, [i, 1]]);
    const chunks = [...binaryCopyChunks(['int8', 'int4', 'float4', 'text', 'vector'], rows, 16_384)];
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) expect(c.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
    let copied = 0;
    for (const c of chunks) copied += await db.copyFrom('COPY copied (id, n, x, label, v)', c);
    expect(copied).toBe(5_000);
    const back = await db.query<{ n: number; distinct: number; v: string }>(
      "SELECT count(*)::int AS n, count(DISTINCT id)::int AS distinct, max(v::text) FILTER (WHERE id = 5099) AS v FROM copied WHERE id BETWEEN 100 AND 5099",
    );
    expect(back.rows[0]).toEqual({ n: 5_000, distinct: 5_000, v: '[4999,1]' });
  });

  it('writes pre-encoded UTF-8 slices as text values', async () => {
    const words = ['冷库', 'heat', 'é'];
    const utf8 = Buffer.from(words.join('\n'));
    const w = new CopyWriter();
    let from = 0;
    words.forEach((word, i) => {
      const to = from + Buffer.byteLength(word);
      w.row(2);
      w.int8(9_001 + i);
      w.bytes(utf8.subarray(from, to));
      from = to + 1;
    });
    for (const chunk of w.end()) await db.copyFrom('COPY copied (id, label)', chunk);
    const back = await db.query<{ label: string }>('SELECT label FROM copied WHERE id BETWEEN 9001 AND 9003 ORDER BY id');
    expect(back.rows.map((r) => r.label)).toEqual(words);
  });
});
