import { describe, expect, it } from 'vitest';
import { withKernels } from '../../src/embeddings/kernelPool.js';
import { randomizedSvd, type SparseRows } from '../../src/embeddings/randomizedSvd.js';
import { seededRandom } from '../../src/events/scheduler/seededRandom.js';

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

/** A seeded random sparse matrix (about `density` of its cells set), odd-sized so no row block divides it evenly. */
function randomSparse(rows: number, cols: number, density: number): SparseRows {
  const next = seededRandom(12345);
  const indptr = new Int32Array(rows + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (next() < density) {
        indices.push(j);
        values.push(next() * 2 - 0.5);
      }
    }
    indptr[i + 1] = indices.length;
  }
  return { rows, cols, indptr, indices: Int32Array.from(indices), values: Float32Array.from(values) };
}

describe('randomizedSvd', () => {
  it('gives the same decomposition when a helper thread computes half of every product', () => {
    const m = randomSparse(403, 517, 0.04);
    const alone = randomizedSvd(m, 24, { powerIterations: 1 });
    const shared = withKernels(true, (kernels) => {
      expect(kernels.threads).toBe(2);
      return randomizedSvd(m, 24, { powerIterations: 1, kernels });
    });
    expect(shared.k).toBe(alone.k);
    alone.sigma.forEach((s, i) => expect(shared.sigma[i]).toBeCloseTo(s, 9));
    let worst = 0;
    alone.v.forEach((x, i) => (worst = Math.max(worst, Math.abs(x - shared.v[i]!))));
    expect(worst).toBeLessThan(1e-5);
  });

  it('does all the work itself when the helper thread cannot start', () => {
    const m = randomSparse(101, 83, 0.1);
    const alone = randomizedSvd(m, 8, { powerIterations: 1 });
    const missing = new URL('./no-such-helper.mjs', import.meta.url);
    const fallback = withKernels(true, (kernels) => randomizedSvd(m, 8, { powerIterations: 1, kernels }), { helper: missing, startTimeoutMs: 300 });
    alone.sigma.forEach((s, i) => expect(fallback.sigma[i]).toBeCloseTo(s, 9));
    alone.v.forEach((x, i) => expect(fallback.v[i]).toBeCloseTo(x, 5));
  });

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
