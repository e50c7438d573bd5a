import { describe, expect, it } from 'vitest';
import { CountTable } from '../../src/embeddings/countTable.js';

const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));
const asMap = (table: CountTable, id: number) => {
  const row = table.row(id)!;
  return Object.fromEntries([...row.ids].map((t, i) => [table.terms[t], row.counts[i]]));
};

describe('CountTable: token counts of many documents, packed', () => {
  it('gives each document back the counts it was set with, over one shared term dictionary', () => {
    const table = CountTable.of([
      [7, counts({ kiln: 2, heat: 1 })],
      [3, counts({ heat: 4, 冷库: 1 })],
    ]);
    expect(table.size).toBe(2);
    expect(table.terms).toEqual(['kiln', 'heat', '冷库']);
    expect(asMap(table, 7)).toEqual({ kiln: 2, heat: 1 });
    expect(asMap(table, 3)).toEqual({ heat: 4, 冷库: 1 });
    expect(table.row(99)).toBeUndefined();
  });

  it('keeps the latest counts of a document set twice, counted once, in first-set order', () => {
    const table = CountTable.of([
      [1, counts({ a: 1 })],
      [2, counts({ b: 1 })],
      [1, counts({ c: 5 })],
    ]);
    expect(table.size).toBe(2);
    expect(asMap(table, 1)).toEqual({ c: 5 });
    expect([...table.rows()].map((r) => [...r.ids].map((t) => table.terms[t]))).toEqual([['c'], ['b']]);
  });

  it('grows past its initial capacity without losing rows', () => {
    const table = new CountTable();
    const many = Array.from({ length: 300 }, (_, i) => [`t${i}`, i + 1] as const);
    for (let id = 0; id < 2_000; id++) table.set(id, new Map(many.slice(id % 7, (id % 7) + 100)));
    expect(table.size).toBe(2_000);
    expect(asMap(table, 1_999)[`t${1_999 % 7}`]).toBe((1_999 % 7) + 1);
    expect(Object.keys(asMap(table, 1_999))).toHaveLength(100);
  });
});
