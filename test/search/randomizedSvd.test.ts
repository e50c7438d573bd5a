import { describe, expect, it } from 'vitest';
import { randomizedSvd, type SparseRows } from '../../src/embeddings/randomizedSvd.js';

/** A sparse matrix whose singular values are known: block-diagonal with blocks of ones. */
function blocks(sizes: number[]): SparseRows {
  const n = sizes.reduce((a, b) => a + b, 0);
  const indptr = new Int32Array(n + 1);
  const indices: number[] = [];
  let row = 0;
  let start = 0;
  for (const s of sizes) {
    for (let i = 0; i < s; i++, row++) {
      for (let j = 0; j < s; j++) indices.push(start + j);
      indptr[row + 1] = indices.length;
    }
    start += s;
  }
  return { rows: n, cols: n, indptr, indices: Int32Array.from(indices), values: new Float32Array(indices.length).fill(1) };
}

describe('randomizedSvd', () => {
  it('recovers the leading singular values and orthonormal right vectors', () => {
    // A block of ones of size s has one singular value s.
    const svd = randomizedSvd(blocks([9, 7, 5, 3, 2]), 3);
    expect(Array.from(svd.sigma)).toEqual([expect.closeTo(9, 6), expect.closeTo(7, 6), expect.closeTo(5, 6)]);
    const n = 26;
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) {
        let dot = 0;
        for (let r = 0; r < n; r++) dot += svd.v[r * 3 + a]! * svd.v[r * 3 + b]!;
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 6);
      }
    }
  });

  it('returns no axes for a matrix without rows or columns', () => {
    const empty: SparseRows = { rows: 3, cols: 0, indptr: new Int32Array(4), indices: new Int32Array(0), values: new Float32Array(0) };
    expect(randomizedSvd(empty, 5)).toMatchObject({ k: 0, sigma: new Float64Array(0) });
  });
});
