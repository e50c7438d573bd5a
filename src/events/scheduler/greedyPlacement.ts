import type { CompiledProblem } from './compileProblem.js';
import type { ScheduleState } from './scheduleState.js';

/**
 * First pass: requests in the given order each take the free slot their two sides are least
 * wanted in by their other pending requests, which keeps contested slots open for those.
 */
export function greedyPlacement(state: ScheduleState, order: readonly number[], random: () => number): void {
  const c = state.problem;
  const demand = pendingDemand(c, state);
  for (const r of order) {
    if (state.slotOf[r] !== -1) continue;
    const slots = c.common[r]!;
    const a = c.reqA[r]! * c.slots;
    const b = c.reqB[r]! * c.slots;
    let best = -1;
    let bestScore = Infinity;
    for (const s of slots) {
      if (!state.canPlace(r, s)) continue;
      const score = demand[a + s]! + demand[b + s]! + random() * 0.5;
      if (score < bestScore) [best, bestScore] = [s, score];
    }
    for (const s of slots) {
      demand[a + s]! -= 1;
      demand[b + s]! -= 1;
    }
    if (best !== -1) state.place(r, best);
  }
}

/** demand[p * slots + s]: unscheduled requests of p whose two sides are both present in s. */
function pendingDemand(c: CompiledProblem, state: ScheduleState): Int32Array {
  const demand = new Int32Array(c.participantIds.length * c.slots);
  for (let r = 0; r < c.requestIds.length; r++) {
    if (state.slotOf[r] !== -1) continue;
    for (const s of c.common[r]!) {
      demand[c.reqA[r]! * c.slots + s]! += 1;
      demand[c.reqB[r]! * c.slots + s]! += 1;
    }
  }
  return demand;
}
