import type { CompiledProblem } from './compileProblem.js';

/**
 * A partial schedule under construction: who is busy in which slot, how many tables each slot
 * uses, how many meetings each participant has. Every change goes through `place` and `unplace`,
 * which keep the invariants; `canPlace` says whether a placement keeps every constraint.
 */
export class ScheduleState {
  /** busy[p * slots + s] = the request participant p meets in slot s, or -1. */
  readonly busy: Int32Array;
  readonly meetings: Int32Array;
  readonly slotLoad: Int32Array;
  /** slotOf[r] = the slot of request r, or -1 when unscheduled. */
  readonly slotOf: Int32Array;
  /** The requests placed in each slot. */
  readonly members: Set<number>[];
  scheduled = 0;

  constructor(readonly problem: CompiledProblem) {
    const { slots } = problem;
    this.busy = new Int32Array(problem.participantIds.length * slots).fill(-1);
    this.meetings = new Int32Array(problem.participantIds.length);
    this.slotLoad = new Int32Array(slots);
    this.slotOf = new Int32Array(problem.requestIds.length).fill(-1);
    this.members = Array.from({ length: slots }, () => new Set<number>());
  }

  /** Could participant p take a meeting in slot s (present, free, under their limit, breaks kept)? */
  participantFree(p: number, s: number): boolean {
    const { slots, presence, maxMeetings } = this.problem;
    const at = p * slots + s;
    return presence[at] === 1 && this.busy[at] === -1 && this.meetings[p]! < maxMeetings[p]! && this.breakKept(p, s);
  }

  /** Could participant p take one more meeting in some slot? */
  hasRoom(p: number): boolean {
    for (let s = 0; s < this.problem.slots; s++) if (this.participantFree(p, s)) return true;
    return false;
  }

  /** Does request r fit in slot s as things stand? */
  canPlace(r: number, s: number): boolean {
    return this.slotLoad[s]! < this.problem.tables
      && this.participantFree(this.problem.reqA[r]!, s)
      && this.participantFree(this.problem.reqB[r]!, s);
  }

  place(r: number, s: number): void {
    const { slots, reqA, reqB } = this.problem;
    this.busy[reqA[r]! * slots + s] = r;
    this.busy[reqB[r]! * slots + s] = r;
    this.meetings[reqA[r]!]! += 1;
    this.meetings[reqB[r]!]! += 1;
    this.slotLoad[s]! += 1;
    this.slotOf[r] = s;
    this.members[s]!.add(r);
    this.scheduled += 1;
  }

  unplace(r: number): void {
    const { slots, reqA, reqB } = this.problem;
    const s = this.slotOf[r]!;
    this.busy[reqA[r]! * slots + s] = -1;
    this.busy[reqB[r]! * slots + s] = -1;
    this.meetings[reqA[r]!]! -= 1;
    this.meetings[reqB[r]!]! -= 1;
    this.slotLoad[s]! -= 1;
    this.slotOf[r] = -1;
    this.members[s]!.delete(r);
    this.scheduled -= 1;
  }

  /** Would every break of p whose window holds slot s still fit if p met someone in s? */
  private breakKept(p: number, s: number): boolean {
    const row = p * this.problem.slots;
    for (const b of this.problem.breaks[p]!) {
      if (s < b.from || s >= b.to) continue;
      let run = 0;
      let longest = 0;
      for (let t = b.from; t < b.to; t++) {
        run = t !== s && this.busy[row + t] === -1 ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
      if (longest < b.length) return false;
    }
    return true;
  }
}
