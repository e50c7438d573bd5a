import type { SchedulingProblem } from '../../src/events/scheduler/eventProblem.js';
import { checkSchedule } from '../../src/events/scheduler/checkSchedule.js';

/**
 * The most meetings any schedule can hold, by trying every slot (or none) for every request:
 * for tiny problems only. Tables are numbered in order within each slot.
 */
export function bestPossible(problem: SchedulingProblem): number {
  const choice: number[] = [];
  let best = 0;
  const visit = (i: number, placed: number): void => {
    if (placed + (problem.requests.length - i) <= best) return;
    if (i === problem.requests.length) {
      const used = new Map<number, number>();
      const placements = choice.flatMap((slot, k) => {
        if (slot < 0) return [];
        const table = used.get(slot) ?? 0;
        used.set(slot, table + 1);
        return [{ requestId: problem.requests[k]!.id, slot, table }];
      });
      const unscheduled = problem.requests.filter((_, k) => choice[k]! < 0).map((r) => r.id);
      if (checkSchedule(problem, { placements, unscheduled }).length === 0) best = Math.max(best, placed);
      return;
    }
    for (let s = -1; s < problem.slots; s++) {
      choice[i] = s;
      visit(i + 1, placed + (s < 0 ? 0 : 1));
    }
  };
  visit(0, 0);
  return best;
}
