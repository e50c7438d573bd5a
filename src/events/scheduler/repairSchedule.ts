import type { ScheduleState } from './scheduleState.js';
import { shuffle } from './seededRandom.js';

export interface RepairOptions {
  /** Meetings that must stay where they are (already on someone's agenda). */
  pinned: Uint8Array;
  random: () => number;
  /** How many meetings one insertion may move, one after the other. */
  chainDepth: number;
  /** Passes over the unscheduled requests; stops early when a pass places nothing. */
  rounds: number;
}

/** Meetings of a full slot worth trying to move out to free a table. */
const TABLE_CANDIDATES = 4;

/**
 * Second pass: places unscheduled requests (highest rank first) by moving placed meetings to
 * other slots (ejection chains), and, when one side has no room left, by handing one
 * of its meetings of no higher rank to the new request when the freed partner then gains one.
 * Every accepted change adds a meeting and never drops one of higher rank, so mutual and
 * high-priority meetings are never displaced by lesser ones. Pinned meetings never move.
 */
export function repairSchedule(state: ScheduleState, order: readonly number[], options: RepairOptions): void {
  const repair = new Repair(state, options);
  for (let round = 0; round < options.rounds; round++) {
    let placed = 0;
    for (const r of order) if (state.slotOf[r] === -1 && repair.insert(r)) placed++;
    if (placed === 0) return;
  }
}

class Repair {
  /** Changes since the last commit, to roll back: [request, slot it was in (or -1)]. */
  private readonly journal: [number, number][] = [];

  constructor(private readonly state: ScheduleState, private readonly options: RepairOptions) {}

  /** Tries to add request r; keeps the change and returns true on success. */
  insert(r: number): boolean {
    const { tables, slots } = this.state.problem;
    if (this.state.scheduled >= tables * slots) return false; // every table taken in every slot
    const ok = this.place(r, this.options.chainDepth, -1) || this.handOver(r);
    if (ok) this.journal.length = 0;
    return ok;
  }

  /** Places r in a slot other than `avoid`, moving up to `depth` meetings out of its way. */
  private place(r: number, depth: number, avoid: number): boolean {
    const { state } = this;
    const slots = state.problem.common[r]!.filter((s) => s !== avoid);
    for (const s of slots) {
      if (state.canPlace(r, s)) {
        this.move(r, s);
        return true;
      }
    }
    if (depth === 0) return false;
    for (const s of shuffle(slots, this.options.random)) {
      if (this.placeByMoving(r, s, depth)) return true;
    }
    return false;
  }

  /** Moves the meetings that keep r out of slot s elsewhere, then places r there. */
  private placeByMoving(r: number, s: number, depth: number): boolean {
    const { state } = this;
    const { reqA, reqB, slots, tables } = state.problem;
    const blockers = new Set<number>();
    for (const p of [reqA[r]!, reqB[r]!]) {
      const m = state.busy[p * slots + s]!;
      if (m !== -1) blockers.add(m);
    }
    if ([...blockers].some((m) => this.options.pinned[m])) return false;
    const tableFreed = blockers.size > 0 || state.slotLoad[s]! < tables;
    const groups = tableFreed ? [[...blockers]] : this.tableCandidates(s).map((m) => [m]);
    for (const group of groups) {
      const mark = this.journal.length;
      for (const m of group) this.move(m, -1);
      if (state.canPlace(r, s)) {
        this.move(r, s);
        if (group.every((m) => this.place(m, depth - 1, s))) return true;
      }
      this.rollback(mark);
    }
    return false;
  }

  private tableCandidates(s: number): number[] {
    const movable = [...this.state.members[s]!].filter((m) => !this.options.pinned[m]);
    return shuffle(movable, this.options.random).slice(0, TABLE_CANDIDATES);
  }

  /**
   * r's side p has no room left (its limit, presence or break is reached): give r one of p's
   * meetings m of no higher rank, if m's other side can then take one of its own unscheduled
   * requests (one more meeting in all).
   */
  private handOver(r: number): boolean {
    const { state } = this;
    const { reqA, reqB, rank, requestsOf } = state.problem;
    const full = [reqA[r]!, reqB[r]!].filter((p) => !state.hasRoom(p));
    if (full.length !== 1) return false;
    const p = full[0]!;
    for (const m of requestsOf[p]!) {
      if (state.slotOf[m] === -1 || this.options.pinned[m] || rank[m]! > rank[r]!) continue;
      const other = reqA[m] === p ? reqB[m]! : reqA[m]!;
      const mark = this.journal.length;
      this.move(m, -1);
      if (this.place(r, 1, -1)) {
        for (const q of requestsOf[other]!) {
          if (q !== m && state.slotOf[q] === -1 && this.place(q, 1, -1)) return true;
        }
      }
      this.rollback(mark);
    }
    return false;
  }

  /** Puts r in slot s (or takes it out, s = -1), remembering where it was. */
  private move(r: number, s: number): void {
    const { state } = this;
    this.journal.push([r, state.slotOf[r]!]);
    if (state.slotOf[r] !== -1) state.unplace(r);
    if (s !== -1) state.place(r, s);
  }

  private rollback(mark: number): void {
    const { state } = this;
    while (this.journal.length > mark) {
      const [r, was] = this.journal.pop()!;
      if (state.slotOf[r] !== -1) state.unplace(r);
      if (was !== -1) state.place(r, was);
    }
  }
}
