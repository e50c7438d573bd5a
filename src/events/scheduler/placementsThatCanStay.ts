import type { Placement, SchedulingProblem } from './eventProblem.js';

/**
 * The earlier meetings that could stay where they were after changes: their request is still
 * there and both sides are still present in that slot (breaks, limits and tables unchanged).
 */
export function placementsThatCanStay(problem: SchedulingProblem, previous: readonly Placement[]): Placement[] {
  const requests = new Map(problem.requests.map((r) => [r.id, r]));
  const presence = new Map(problem.participants.map((p) => [p.id, p.presence ?? [{ from: 0, to: problem.slots }]]));
  return previous.filter((p) => {
    const r = requests.get(p.requestId);
    return r !== undefined && [r.a, r.b].every((who) => presence.get(who)?.some((w) => p.slot >= w.from && p.slot < w.to));
  });
}
