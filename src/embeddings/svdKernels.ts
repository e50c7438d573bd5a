/**
 * The randomized SVD's heavy loops, each over a range of output rows so that two threads can
 * share one product (see kernelPool.ts). Dense blocks are row-major.
 */
export interface SparseRows {
  rows: number;
  cols: number;
  /** CSR: row i holds indices[indptr[i]..indptr[i+1]) with the matching values. */
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

export type Block = Float64Array | Float32Array;

/**
 * Rows [from, to) of A·X, A sparse (CSR) n×m, X dense m×l, into `out` (n×l, zeroed). Each output
 * row gathers rows of X, two nonzeros at a time (half the passes over the output row).
 */
export function mulSparseRows(a: SparseRows, x: Block, l: number, out: Block, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const o = i * l;
    const stop = a.indptr[i + 1]!;
    let p = a.indptr[i]!;
    for (; p + 1 < stop; p += 2) {
      const v = a.values[p]!;
      const w = a.values[p + 1]!;
      const xo = a.indices[p]! * l;
      const xq = a.indices[p + 1]! * l;
      for (let j = 0; j < l; j++) out[o + j]! += v * x[xo + j]! + w * x[xq + j]!;
    }
    if (p < stop) {
      const v = a.values[p]!;
      const xo = a.indices[p]! * l;
      for (let j = 0; j < l; j++) out[o + j]! += v * x[xo + j]!;
    }
  }
}

/**
 * Adds rows [from, to) of A and B (dense, l columns) to the upper triangle (j ≥ i) of G = Aᵀ·B
 * (l×l), four rows at a time so each pass over G carries four rows' products (G is the memory
 * traffic).
 */
export function upperCrossRows(a: Float64Array, b: Float64Array, l: number, g: Float64Array, from: number, to: number): void {
  let r = from;
  for (; r + 3 < to; r += 4) {
    const o0 = r * l;
    const o1 = o0 + l;
    const o2 = o1 + l;
    const o3 = o2 + l;
    for (let i = 0; i < l; i++) {
      const a0 = a[o0 + i]!;
      const a1 = a[o1 + i]!;
      const a2 = a[o2 + i]!;
      const a3 = a[o3 + i]!;
      if (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0) continue;
      const gi = i * l;
      for (let j = i; j < l; j++) g[gi + j]! += a0 * b[o0 + j]! + a1 * b[o1 + j]! + a2 * b[o2 + j]! + a3 * b[o3 + j]!;
    }
  }
  for (; r < to; r++) {
    const o = r * l;
    for (let i = 0; i < l; i++) {
      const ai = a[o + i]!;
      if (ai === 0) continue;
      const gi = i * l;
      for (let j = i; j < l; j++) g[gi + j]! += ai * b[o + j]!;
    }
  }
}

/**
 * Rows [from, to) of X·W, X dense n×l and W given transposed (`wt`, c×l), into `out` (n×c);
 * `upper` when W is upper triangular (column j of W is zero below row j, so its dot products stop
 * there). Each output is a dot product of two contiguous rows, two rows by two columns at a time
 * (four sums kept in registers).
 */
export function mulDenseRows(x: Float64Array, l: number, wt: Float64Array, c: number, upper: boolean, out: Float64Array, from: number, to: number): void {
  const end = (j: number) => (upper ? Math.min(j + 1, l) : l);
  let r = from;
  for (; r + 1 < to; r += 2) {
    const x0 = r * l;
    const x1 = x0 + l;
    let j = 0;
    for (; j + 1 < c; j += 2) {
      const w0 = j * l;
      const w1 = w0 + l;
      const stop = end(j + 1);
      let s00 = 0, s01 = 0, s10 = 0, s11 = 0;
      for (let i = 0; i < stop; i++) {
        const p = x[x0 + i]!;
        const q = x[x1 + i]!;
        const u = wt[w0 + i]!;
        const v = wt[w1 + i]!;
        s00 += p * u;
        s01 += p * v;
        s10 += q * u;
        s11 += q * v;
      }
      out[r * c + j] = s00;
      out[r * c + j + 1] = s01;
      out[(r + 1) * c + j] = s10;
      out[(r + 1) * c + j + 1] = s11;
    }
    for (; j < c; j++) {
      let s0 = 0, s1 = 0;
      for (let i = 0, stop = end(j); i < stop; i++) {
        s0 += x[x0 + i]! * wt[j * l + i]!;
        s1 += x[x1 + i]! * wt[j * l + i]!;
      }
      out[r * c + j] = s0;
      out[(r + 1) * c + j] = s1;
    }
  }
  for (; r < to; r++) {
    for (let j = 0; j < c; j++) {
      let s0 = 0;
      for (let i = 0, stop = end(j); i < stop; i++) s0 += x[r * l + i]! * wt[j * l + i]!;
      out[r * c + j] = s0;
    }
  }
}
