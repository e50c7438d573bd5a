import { parentPort } from 'node:worker_threads';
import { runRows, TASK, type KernelTask } from './kernelTask.js';

// The sender waits on `flag`; a task it has taken back (it gave up waiting for this thread to
// start) is left alone.
parentPort?.on('message', (t: KernelTask) => {
  if (Atomics.compareExchange(t.flag, 0, TASK.sent, TASK.taken) !== TASK.sent) return;
  let state: number = TASK.done;
  try {
    runRows(t, t.from, t.to);
  } catch {
    state = TASK.failed;
  }
  Atomics.store(t.flag, 0, state);
  Atomics.notify(t.flag, 0);
});
