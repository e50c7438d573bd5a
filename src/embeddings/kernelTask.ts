import { mulDenseRows, mulSparseRows, upperCrossRows, type Block, type SparseRows } from './svdKernels.js';

/** A product, in blocks shared with the thread that sent it (see kernelPool.ts). */
export type KernelOp =
  | { op: 'mulSparse'; a: SparseRows; x: Block; l: number; out: Block }
  | { op: 'upperCross'; a: Float64Array; b: Float64Array; l: number; out: Float64Array }
  | { op: 'mulDense'; x: Float64Array; l: number; wt: Float64Array; c: number; upper: boolean; out: Float64Array };

/** The helper's half of a product: output rows [from, to); `flag` tells the sender it is done. */
export type KernelTask = KernelOp & { from: number; to: number; flag: Int32Array };

/** States of a task's flag: sent, taken by the helper, done, failed, taken back by the sender. */
export const TASK = { sent: 0, taken: 3, done: 1, failed: 2, withdrawn: 4 } as const;

/** Output rows [from, to) of a product, on whichever thread calls it. */
export function runRows(t: KernelOp, from: number, to: number): void {
  if (t.op === 'mulSparse') mulSparseRows(t.a, t.x, t.l, t.out, from, to);
  else if (t.op === 'upperCross') upperCrossRows(t.a, t.b, t.l, t.out, from, to);
  else mulDenseRows(t.x, t.l, t.wt, t.c, t.upper, t.out, from, to);
}
