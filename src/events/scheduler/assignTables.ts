import type { CompiledProblem } from './compileProblem.js';
import type { Placement } from './eventProblem.js';
import type { ScheduleState } from './scheduleState.js';

/**
 * Numbers the tables in each slot: a meeting that kept its slot keeps its table when it is
 * still free, the others take the lowest free tables. Sorted by slot, then table.
 */
export function assignTables(c: CompiledProblem, state: ScheduleState, previous: readonly Placement[]): Placement[] {
  const before = new Map(previous.map((p) => [p.requestId, p]));
  const out: Placement[] = [];
  for (let s = 0; s < c.slots; s++) {
    const taken = new Set<number>();
    const rest: number[] = [];
    for (const r of state.members[s]!) {
      const was = before.get(c.requestIds[r]!);
      if (was && was.slot === s && was.table < c.tables && !taken.has(was.table)) {
        taken.add(was.table);
        out.push({ requestId: c.requestIds[r]!, slot: s, table: was.table });
      } else {
        rest.push(r);
      }
    }
    let table = 0;
    for (const r of rest) {
      while (taken.has(table)) table++;
      taken.add(table);
      out.push({ requestId: c.requestIds[r]!, slot: s, table });
    }
  }
  return out.sort((x, y) => x.slot - y.slot || x.table - y.table);
}
