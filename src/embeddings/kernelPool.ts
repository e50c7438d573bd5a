import { Worker } from 'node:worker_threads';
import type { Block, SparseRows } from './svdKernels.js';
import { runRows, TASK, type KernelOp, type KernelTask } from './kernelTask.js';

/**
 * The randomized SVD's products, run on this thread alone or split with one helper thread. Blocks
 * a product reads or writes come from `f64`/`f32`/`sparse`, so the helper can see them (shared
 * memory); this thread waits for the helper's half synchronously, so the SVD stays a plain function.
 */
export interface Kernels {
  readonly threads: number;
  f64(n: number): Float64Array;
  f32(n: number): Float32Array;
  /** The matrix in memory both threads can read (itself when single-threaded). */
  sparse(a: SparseRows): SparseRows;
  /** out += A·X (out n×l, zeroed by the caller's allocation). */
  mulSparse(a: SparseRows, x: Block, l: number, out: Block): void;
  /** Upper triangle of Aᵀ·B for dense n×l blocks. */
  upperCross(a: Float64Array, b: Float64Array, n: number, l: number): Float64Array;
  /** X·W for a dense n×l X and W given transposed (c×l). */
  mulDense(x: Float64Array, n: number, l: number, wt: Float64Array, c: number, upper: boolean): Float64Array;
}

export const serialKernels: Kernels = {
  threads: 1,
  f64: (n) => new Float64Array(n),
  f32: (n) => new Float32Array(n),
  sparse: (a) => a,
  mulSparse: (a, x, l, out) => runRows({ op: 'mulSparse', a, x, l, out }, 0, a.rows),
  upperCross(a, b, n, l) {
    const g = new Float64Array(l * l);
    runRows({ op: 'upperCross', a, b, l, out: g }, 0, n);
    return g;
  },
  mulDense(x, n, l, wt, c, upper) {
    const out = new Float64Array(n * c);
    runRows({ op: 'mulDense', x, l, wt, c, upper, out }, 0, n);
    return out;
  },
};

/** Longest wait for the helper's half of one product before giving up on it. */
const HELPER_TIMEOUT_MS = 120_000;

const sharedF64 = (n: number) => new Float64Array(new SharedArrayBuffer(n * 8));
const sharedF32 = (n: number) => new Float32Array(new SharedArrayBuffer(n * 4));
const sharedI32 = (src: Int32Array) => {
  const out = new Int32Array(new SharedArrayBuffer(src.length * 4));
  out.set(src);
  return out;
};

/** Row where the first half of A's nonzeros ends: the two threads get equal work, not equal rows. */
function nonzeroMidpoint(a: SparseRows): number {
  const half = a.indptr[a.rows]! / 2;
  let lo = 0;
  let hi = a.rows;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a.indptr[mid]! < half) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Longest wait for the helper to take its first task; past it this thread does all the work. */
const HELPER_START_MS = 10_000;

function twoThreads(worker: Worker, startTimeoutMs: number): Kernels {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  /** Unknown until the helper takes its first task (it may still be loading, or fail to load). */
  let helping: boolean | undefined;
  /**
   * Sends rows [cut, rows) of a task to the helper, runs [0, cut) of `local` (the same product,
   * or one writing to this thread's own output) here, then waits for the helper.
   */
  const split = (task: KernelOp, cut: number, rows: number, local: KernelOp = task) => {
    const mine = (from: number, to: number) => runRows(local, from, to);
    if (helping === false) return mine(0, rows);
    Atomics.store(flag, 0, TASK.sent);
    const half: KernelTask = { ...task, from: cut, to: rows, flag };
    worker.postMessage(half);
    mine(0, cut);
    // A helper that has not taken the first task in time is given up on: whichever side moves the
    // flag from "sent" first owns the half, so it is never computed twice.
    if (helping === undefined) {
      Atomics.wait(flag, 0, TASK.sent, startTimeoutMs);
      if (Atomics.compareExchange(flag, 0, TASK.sent, TASK.withdrawn) === TASK.sent) {
        helping = false;
        return mine(cut, rows);
      }
      helping = true;
    }
    for (let state = Atomics.load(flag, 0); state !== TASK.done; state = Atomics.load(flag, 0)) {
      if (state === TASK.failed) throw new Error('the SVD helper thread failed');
      if (Atomics.wait(flag, 0, state, HELPER_TIMEOUT_MS) === 'timed-out') throw new Error('the SVD helper thread did not answer');
    }
  };
  return {
    threads: 2,
    f64: sharedF64,
    f32: sharedF32,
    sparse(a) {
      const values = sharedF32(a.values.length);
      values.set(a.values);
      return { rows: a.rows, cols: a.cols, indptr: sharedI32(a.indptr), indices: sharedI32(a.indices), values };
    },
    mulSparse(a, x, l, out) {
      split({ op: 'mulSparse', a, x, l, out }, nonzeroMidpoint(a), a.rows);
    },
    upperCross(a, b, n, l) {
      const g = new Float64Array(l * l);
      const theirs = sharedF64(l * l);
      split({ op: 'upperCross', a, b, l, out: theirs }, n >> 1, n, { op: 'upperCross', a, b, l, out: g });
      for (let i = 0; i < g.length; i++) g[i]! += theirs[i]!;
      return g;
    },
    mulDense(x, n, l, wt, c, upper) {
      const out = sharedF64(n * c);
      split({ op: 'mulDense', x, l, wt, c, upper, out }, n >> 1, n);
      return out;
    },
  };
}

/**
 * Runs `fn` with two threads when `parallel` (a helper thread started for it and stopped after),
 * else on this thread alone. The helper costs a few hundred ms to start (it loads the TypeScript
 * sources through tsx), so only large fits ask for it. `helper` and `startTimeoutMs` are for tests.
 */
export function withKernels<T>(
  parallel: boolean,
  fn: (k: Kernels) => T,
  options: { helper?: URL; startTimeoutMs?: number } = {},
): T {
  if (!parallel) return fn(serialKernels);
  const worker = new Worker(options.helper ?? new URL('./kernelWorker.boot.mjs', import.meta.url), { execArgv: [] });
  worker.unref();
  worker.on('error', () => {}); // a helper that fails to load is noticed by its silence (see split)
  try {
    return fn(twoThreads(worker, options.startTimeoutMs ?? HELPER_START_MS));
  } finally {
    void worker.terminate();
  }
}
