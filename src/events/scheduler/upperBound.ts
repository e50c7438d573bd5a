import { compileProblem, type CompiledProblem } from './compileProblem.js';
import type { SchedulingProblem } from './eventProblem.js';
import { FlowNetwork } from './maxFlow.js';

export interface UpperBound {
  /** No schedule can place more meetings than this. */
  value: number;
  /** The two relaxations it is the smaller of. */
  byParticipants: number;
  bySlots: number;
}

/**
 * An upper bound on the meetings any schedule can hold, independent of the scheduler: the
 * smaller of two max-flow relaxations, each of which any valid schedule fits into.
 *
 * - By participants (fractional b-matching): each participant can hold at most `capacity`
 *   meetings (see below); a request is a unit edge between its two sides, usable only if they
 *   share a slot. Its maximum fractional value is half the max flow in the bipartite double cover
 *   (source → left copy of p, capacity(p); left a → right b and left b → right a, 1 per
 *   request; right copy of p → sink, capacity(p)); a schedule with k meetings is a flow of 2k.
 * - By slots: each request (1 unit) goes to a slot both sides are present in, through a node
 *   (side, slot) of capacity 1 for either side, and each slot takes at most `tables`; a schedule
 *   is such a flow, routed through its first side.
 */
export function upperBound(problem: SchedulingProblem): UpperBound {
  const c = compileProblem(problem);
  const byParticipants = Math.floor(pairFlow(c) / 2);
  const bySlots = slotFlow(c);
  return { value: Math.min(byParticipants, bySlots), byParticipants, bySlots };
}

/**
 * Meetings participant p can hold at most: their limit, and their present slots less, for each
 * break, the fewest present slots a run of its length can cover in its window (windows do not
 * overlap, so these losses add up).
 */
function participantCapacity(c: CompiledProblem, p: number): number {
  const row = c.presence.subarray(p * c.slots, (p + 1) * c.slots);
  let present = row.reduce((n, x) => n + x, 0);
  for (const b of c.breaks[p]!) {
    let least = Infinity;
    for (let start = b.from; start + b.length <= b.to; start++) {
      least = Math.min(least, row.subarray(start, start + b.length).reduce((n, x) => n + x, 0));
    }
    present -= least;
  }
  return Math.max(0, Math.min(c.maxMeetings[p]!, present));
}

function pairFlow(c: CompiledProblem): number {
  const n = c.participantIds.length;
  const source = 2 * n;
  const sink = source + 1;
  const net = new FlowNetwork(sink + 1);
  for (let p = 0; p < n; p++) {
    const capacity = participantCapacity(c, p);
    net.addEdge(source, p, capacity);
    net.addEdge(n + p, sink, capacity);
  }
  c.common.forEach((slots, r) => {
    if (slots.length === 0) return;
    net.addEdge(c.reqA[r]!, n + c.reqB[r]!, 1);
    net.addEdge(c.reqB[r]!, n + c.reqA[r]!, 1);
  });
  return net.maxFlow(source, sink);
}

function slotFlow(c: CompiledProblem): number {
  const requests = c.requestIds.length;
  const sideSlot = (p: number, s: number) => requests + p * c.slots + s;
  const firstSlot = requests + c.participantIds.length * c.slots;
  const source = firstSlot + c.slots;
  const sink = source + 1;
  const net = new FlowNetwork(sink + 1);
  const used = new Uint8Array(c.participantIds.length * c.slots);
  c.common.forEach((slots, r) => {
    net.addEdge(source, r, 1);
    for (const s of slots) {
      for (const p of [c.reqA[r]!, c.reqB[r]!]) {
        net.addEdge(r, sideSlot(p, s), 1);
        used[p * c.slots + s] = 1;
      }
    }
  });
  used.forEach((u, i) => u && net.addEdge(requests + i, firstSlot + (i % c.slots), 1));
  for (let s = 0; s < c.slots; s++) net.addEdge(firstSlot + s, sink, c.tables);
  return net.maxFlow(source, sink);
}
