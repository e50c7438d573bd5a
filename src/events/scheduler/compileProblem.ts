import type { EventParticipant, SchedulingProblem, SlotRange } from './eventProblem.js';

/** A problem that does not make sense (unknown participant, slot out of range…), with the reason. */
export class InvalidProblemError extends Error {
  override readonly name = 'InvalidProblemError';
}

/** The problem as flat arrays indexed by participant and request number, for the hot loops. */
export interface CompiledProblem {
  slots: number;
  tables: number;
  participantIds: string[];
  requestIds: string[];
  /** presence[p * slots + s] = 1 when participant p is there in slot s. */
  presence: Uint8Array;
  /** Meetings participant p may have at most (≤ slots). */
  maxMeetings: Int32Array;
  breaks: { from: number; to: number; length: number }[][];
  reqA: Int32Array;
  reqB: Int32Array;
  /** Higher is placed first: mutual requests above every one-sided one, then broker priority. */
  rank: Float64Array;
  /** Requests of each participant. */
  requestsOf: number[][];
  /** common[r]: the slots where both sides of request r are present, in order. */
  common: number[][];
}

const fail = (message: string): never => {
  throw new InvalidProblemError(message);
};

function checkRange(r: SlotRange, slots: number, what: string): void {
  if (!Number.isInteger(r.from) || !Number.isInteger(r.to) || r.from < 0 || r.to > slots || r.from >= r.to) {
    fail(`${what}: slots ${r.from}–${r.to} are not a range within 0–${slots}.`);
  }
}

function participantPresence(p: EventParticipant, slots: number, row: Uint8Array): void {
  for (const r of p.presence ?? [{ from: 0, to: slots }]) {
    checkRange(r, slots, `participant ${p.id} presence`);
    row.fill(1, r.from, r.to);
  }
}

function participantBreaks(p: EventParticipant, slots: number): CompiledProblem['breaks'][number] {
  const breaks = [...(p.breaks ?? [])].sort((x, y) => x.from - y.from);
  breaks.forEach((b, i) => {
    checkRange(b, slots, `participant ${p.id} break`);
    if (!Number.isInteger(b.length) || b.length < 1 || b.length > b.to - b.from) {
      fail(`participant ${p.id}: a break of ${b.length} slots does not fit in slots ${b.from}–${b.to}.`);
    }
    if (i > 0 && b.from < breaks[i - 1]!.to) fail(`participant ${p.id}: break windows overlap.`);
  });
  return breaks;
}

/** Checks the problem and indexes it; throws InvalidProblemError on the first inconsistency. */
export function compileProblem(problem: SchedulingProblem): CompiledProblem {
  const { slots, tables } = problem;
  if (!Number.isInteger(slots) || slots < 1) fail('There must be at least one slot.');
  if (!Number.isInteger(tables) || tables < 1) fail('There must be at least one table.');
  const index = new Map<string, number>();
  const presence = new Uint8Array(problem.participants.length * slots);
  const maxMeetings = new Int32Array(problem.participants.length);
  const breaks = problem.participants.map((p, i) => {
    if (index.has(p.id)) fail(`Participant ${p.id} appears twice.`);
    index.set(p.id, i);
    participantPresence(p, slots, presence.subarray(i * slots, (i + 1) * slots));
    if (p.maxMeetings !== undefined && (!Number.isInteger(p.maxMeetings) || p.maxMeetings < 0)) {
      fail(`participant ${p.id}: maxMeetings must be a whole number ≥ 0.`);
    }
    maxMeetings[i] = Math.min(slots, p.maxMeetings ?? slots);
    return participantBreaks(p, slots);
  });
  const n = problem.requests.length;
  const reqA = new Int32Array(n);
  const reqB = new Int32Array(n);
  const rank = new Float64Array(n);
  const requestsOf: number[][] = problem.participants.map(() => []);
  const seenIds = new Set<string>();
  const seenPairs = new Set<string>();
  problem.requests.forEach((r, i) => {
    if (seenIds.has(r.id)) fail(`Request ${r.id} appears twice.`);
    seenIds.add(r.id);
    const a = index.get(r.a) ?? fail(`Request ${r.id} names an unknown participant ${r.a}.`);
    const b = index.get(r.b) ?? fail(`Request ${r.id} names an unknown participant ${r.b}.`);
    if (a === b) fail(`Request ${r.id} asks ${r.a} to meet themselves.`);
    const pair = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (seenPairs.has(pair)) fail(`Request ${r.id} repeats a pair already requested (${r.a}, ${r.b}).`);
    seenPairs.add(pair);
    const priority = r.priority ?? 0;
    if (!Number.isFinite(priority) || Math.abs(priority) >= 1e6) fail(`Request ${r.id}: priority must be a number below one million.`);
    reqA[i] = a;
    reqB[i] = b;
    rank[i] = (r.mutual ? 2e6 : 0) + priority;
    requestsOf[a]!.push(i);
    requestsOf[b]!.push(i);
  });
  return {
    slots, tables, participantIds: problem.participants.map((p) => p.id), requestIds: problem.requests.map((r) => r.id),
    presence, maxMeetings, breaks, reqA, reqB, rank, requestsOf,
    common: Array.from({ length: n }, (_, r) => commonSlots(slots, presence, reqA[r]!, reqB[r]!)),
  };
}

function commonSlots(slots: number, presence: Uint8Array, a: number, b: number): number[] {
  const out: number[] = [];
  for (let s = 0; s < slots; s++) if (presence[a * slots + s] && presence[b * slots + s]) out.push(s);
  return out;
}
