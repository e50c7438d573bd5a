import { parentPort } from 'node:worker_threads';
import { TASK, type KernelTask } from './kernelTask.js';
import { mulDenseRows, mulSparseRows, upperCrossRows } from './svdKernels.js';

/** Runs the helper's half of a product. */
function run(t: KernelTask): void {
  if (t.op === 'mulSparse') mulSparseRows(t.a, t.x, t.l, t.out, t.from, t.to);
  else if (t.op === 'upperCross') upperCrossRows(t.a, t.b, t.l, t.out, t.from, t.to);
  else mulDenseRows(t.x, t.l, t.wt, t.c, t.upper, t.out, t.from, t.to);
}

// The sender waits on `flag`; a task it has taken back (it gave up waiting for this thread to
// start) is left alone.
parentPort?.on('message', (t: KernelTask) => {
  if (Atomics.compareExchange(t.flag, 0, TASK.sent, TASK.taken) !== TASK.sent) return;
  let state: number = TASK.done;
  try {
    run(t);
  } catch {
    state = TASK.failed;
  }
  Atomics.store(t.flag, 0, state);
  Atomics.notify(t.flag, 0);
});
