import { compileProblem, type CompiledProblem } from './compileProblem.js';
import type { Placement, Schedule, SchedulingProblem } from './eventProblem.js';
import { greedyPlacement } from './greedyPlacement.js';
import { repairSchedule } from './repairSchedule.js';
import { ScheduleState } from './scheduleState.js';
import { seededRandom } from './seededRandom.js';
import { assignTables } from './assignTables.js';

export interface ScheduleOptions {
  /** The schedule participants already have: its meetings keep their slot (and table) when still possible. */
  previous?: readonly Placement[];
  seed?: number;
  /** How many meetings one insertion may shift (default 2). */
  chainDepth?: number;
  /** Repair passes at most (default 4). */
  rounds?: number;
}

/**
 * Schedules accepted meeting requests into slots and tables: nobody in two meetings at once,
 * presence and breaks respected, at most `tables` meetings per slot. Mutual requests go first,
 * then by broker priority, then the most constrained; a repair pass then adds what it can by
 * moving meetings around. With `previous`, the meetings already placed stay put when they
 * still fit, and only new or displaced requests are placed around them. Deterministic for a seed.
 */
export function scheduleEvent(problem: SchedulingProblem, options: ScheduleOptions = {}): Schedule {
  const c = compileProblem(problem);
  const random = seededRandom(options.seed ?? 1);
  const state = new ScheduleState(c);
  const order = placementOrder(c, random);
  const pinned = keepPrevious(c, state, order, options.previous ?? []);
  greedyPlacement(state, order, random);
  repairSchedule(state, order, { pinned, random, chainDepth: options.chainDepth ?? 2, rounds: options.rounds ?? 4 });
  const placements = assignTables(c, state, options.previous ?? []);
  return {
    placements,
    unscheduled: order.filter((r) => state.slotOf[r] === -1).map((r) => c.requestIds[r]!),
  };
}

/** Rank first (mutual, then priority), then requests with the fewest possible slots, ties at random. */
function placementOrder(c: CompiledProblem, random: () => number): number[] {
  const n = c.requestIds.length;
  const options = Array.from({ length: n }, (_, r) => c.common[r]!.length);
  const tie = Array.from({ length: n }, () => random());
  return Array.from({ length: n }, (_, r) => r)
    .sort((x, y) => c.rank[y]! - c.rank[x]! || options[x]! - options[y]! || tie[x]! - tie[y]!);
}

/** Puts back the previous meetings that still fit, in rank order; they are pinned from then on. */
function keepPrevious(c: CompiledProblem, state: ScheduleState, order: number[], previous: readonly Placement[]): Uint8Array {
  const pinned = new Uint8Array(c.requestIds.length);
  const slotOf = new Map(previous.map((p) => [p.requestId, p.slot]));
  for (const r of order) {
    const s = slotOf.get(c.requestIds[r]!);
    if (s === undefined || !Number.isInteger(s) || s < 0 || s >= c.slots || !state.canPlace(r, s)) continue;
    state.place(r, s);
    pinned[r] = 1;
  }
  return pinned;
}
