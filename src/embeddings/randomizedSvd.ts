/**
 * Truncated SVD of a sparse matrix by the randomized range finder (Halko, Martinsson & Tropp 2011):
 * Y = A·Ω, a few power iterations with re-orthonormalisation, then the small SVD of B = Qᵀ·A
 * from the eigen-decomposition of B·Bᵀ (cyclic Jacobi). Dense blocks are row-major Float64Arrays.
 */
export interface SparseRows {
  rows: number;
  cols: number;
  /** CSR: row i holds indices[indptr[i]..indptr[i+1]) with the matching values. */
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

export interface TruncatedSvd {
  /** Singular values, descending (length k). */
  sigma: Float64Array;
  /** Right singular vectors, cols×k row-major: the term → latent projection. */
  v: Float64Array;
  k: number;
}

/** A·X, A sparse n×m, X dense m×l → n×l. */
function mulSparse(a: SparseRows, x: Float64Array, l: number): Float64Array {
  const out = new Float64Array(a.rows * l);
  for (let i = 0; i < a.rows; i++) {
    const o = i * l;
    for (let p = a.indptr[i]!; p < a.indptr[i + 1]!; p++) {
      const v = a.values[p]!;
      const xo = a.indices[p]! * l;
      for (let j = 0; j < l; j++) out[o + j]! += v * x[xo + j]!;
    }
  }
  return out;
}

/** Aᵀ·Y, A sparse n×m, Y dense n×l → m×l. */
function mulSparseT(a: SparseRows, y: Float64Array, l: number): Float64Array {
  const out = new Float64Array(a.cols * l);
  for (let i = 0; i < a.rows; i++) {
    const yo = i * l;
    for (let p = a.indptr[i]!; p < a.indptr[i + 1]!; p++) {
      const v = a.values[p]!;
      const o = a.indices[p]! * l;
      for (let j = 0; j < l; j++) out[o + j]! += v * y[yo + j]!;
    }
  }
  return out;
}

/**
 * Orthonormalises the l columns of a dense n×l matrix in place: Cholesky QR applied twice
 * (Gram matrix, Cholesky factor, triangular solve; one pass suffices between power iterations), row-wise and cache-friendly; a tiny ridge
 * keeps the factorisation defined when columns are (nearly) dependent.
 */
function orthonormalise(m: Float64Array, n: number, l: number, passes = 2): void {
  for (let pass = 0; pass < passes; pass++) {
    const g = new Float64Array(l * l);
    for (let r = 0; r < n; r++) {
      const o = r * l;
      for (let i = 0; i < l; i++) {
        const mi = m[o + i]!;
        if (mi === 0) continue;
        for (let j = i; j < l; j++) g[i * l + j]! += mi * m[o + j]!;
      }
    }
    let trace = 0;
    for (let i = 0; i < l; i++) trace += g[i * l + i]!;
    const ridge = (trace / l) * 1e-10 + 1e-300;
    // Upper Cholesky factor R with G = RᵀR (stored in the upper triangle of g).
    for (let i = 0; i < l; i++) {
      let d = g[i * l + i]! + ridge;
      for (let k = 0; k < i; k++) d -= g[k * l + i]! ** 2;
      const rii = Math.sqrt(Math.max(d, ridge));
      g[i * l + i] = rii;
      for (let j = i + 1; j < l; j++) {
        let s = g[i * l + j]!;
        for (let k = 0; k < i; k++) s -= g[k * l + i]! * g[k * l + j]!;
        g[i * l + j] = s / rii;
      }
    }
    // Each row x of M becomes x·R⁻¹ (forward substitution on Rᵀ).
    for (let r = 0; r < n; r++) {
      const o = r * l;
      for (let j = 0; j < l; j++) {
        let s = m[o + j]!;
        for (let k = 0; k < j; k++) s -= m[o + k]! * g[k * l + j]!;
        m[o + j] = s / g[j * l + j]!;
      }
    }
  }
}

/** Eigen-decomposition of a symmetric l×l matrix (cyclic Jacobi). Returns values and column vectors. */
function symmetricEigen(s: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(s);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  let total = 0;
  for (let i = 0; i < l * l; i++) total += a[i]! ** 2;
  for (let sweep = 0; sweep < 30; sweep++) {
    let off = 0;
    for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) off += a[p * l + q]! ** 2;
    if (off <= total * 1e-24) break;
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * l + q]! - a[p * l + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p]!;
          const akq = a[k * l + q]!;
          a[k * l + p] = c * akp - sn * akq;
          a[k * l + q] = sn * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k]!;
          const aqk = a[q * l + k]!;
          a[p * l + k] = c * apk - sn * aqk;
          a[q * l + k] = sn * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p]!;
          const vkq = v[k * l + q]!;
          v[k * l + p] = c * vkp - sn * vkq;
          v[k * l + q] = sn * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(l);
  for (let i = 0; i < l; i++) values[i] = a[i * l + i]!;
  return { values, vectors: v };
}

/** Deterministic Gaussian numbers (xorshift + Box–Muller) so a refit on the same corpus is reproducible. */
function gaussian(seed: number): () => number {
  let x = seed >>> 0 || 1;
  const uniform = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return (x + 0.5) / 4_294_967_296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

export function randomizedSvd(a: SparseRows, k: number, options: { oversample?: number; powerIterations?: number; seed?: number } = {}): TruncatedSvd {
  const l = Math.min(k + (options.oversample ?? 16), a.rows, a.cols);
  const rand = gaussian(options.seed ?? 42);
  const omega = new Float64Array(a.cols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = rand();
  let y = mulSparse(a, omega, l);
  const iterations = options.powerIterations ?? 2;
  for (let it = 0; it < iterations; it++) {
    // Re-orthonormalising the document side only: in float64, two or three power steps stay
    // far from losing the small singular directions, and the term side is the larger one.
    orthonormalise(y, a.rows, l, 1);
    y = mulSparse(a, mulSparseT(a, y, l), l);
  }
  orthonormalise(y, a.rows, l, 2);
  // B·Bᵀ = Qᵀ·A·Aᵀ·Q, formed on the document side (n×l) rather than from Bᵀ (m×l, m = the
  // vocabulary, usually far larger): two sparse products and one n×l×l one.
  const z = mulSparse(a, mulSparseT(a, y, l), l);
  const gram = new Float64Array(l * l);
  for (let r = 0; r < a.rows; r++) {
    const o = r * l;
    for (let i = 0; i < l; i++) {
      const qi = y[o + i]!;
      if (qi === 0) continue;
      for (let j = i; j < l; j++) gram[i * l + j]! += qi * z[o + j]!;
    }
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) gram[i * l + j] = gram[j * l + i]!;
  const { values, vectors } = symmetricEigen(gram, l);
  const order = [...values.keys()].sort((p, q) => values[q]! - values[p]!).slice(0, Math.min(k, l));
  const kk = order.length;
  const sigma = new Float64Array(kk);
  // V = Bᵀ·U·Σ⁻¹ = Aᵀ·(Q·U·Σ⁻¹): the left singular vectors (n×k) first, then one sparse product,
  // instead of the dense m×l×k product.
  const w = new Float64Array(l * kk);
  order.forEach((e, c) => {
    const sv = Math.sqrt(Math.max(values[e]!, 0));
    sigma[c] = sv;
    if (sv === 0) return;
    for (let i = 0; i < l; i++) w[i * kk + c] = vectors[i * l + e]! / sv;
  });
  const left = new Float64Array(a.rows * kk);
  for (let r = 0; r < a.rows; r++) {
    const o = r * kk;
    for (let i = 0; i < l; i++) {
      const qi = y[r * l + i]!;
      if (qi === 0) continue;
      const wi = i * kk;
      for (let c = 0; c < kk; c++) left[o + c]! += qi * w[wi + c]!;
    }
  }
  const v = mulSparseT(a, left, kk);
  return { sigma, v, k: kk };
}
