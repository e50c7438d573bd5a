import type { EventParticipant, MeetingRequest, SchedulingProblem } from '../src/events/scheduler/eventProblem.js';
import { seededRandom, shuffle } from '../src/events/scheduler/seededRandom.js';

export interface GeneratorOptions {
  participants: number;
  seed: number;
  /** Length of a slot; the day runs 09:00–17:00 (default 20 minutes: 24 slots). */
  slotMinutes?: 15 | 20 | 30;
  /** Tables (default one per five participants). */
  tables?: number;
}

const DAY_MINUTES = 8 * 60;
/** Requests each participant sends, on average, and the share the other side accepts. */
const MEAN_REQUESTS = 5;
const ACCEPTED = 0.75;
/** Zipf exponent of who gets requested: a few stars, a long tail. */
const ZIPF = 1.0;

/**
 * A matchmaking day that looks like a real one: half enterprises, half research teams; each
 * asks a few of the other side, chosen with Zipf-skewed popularity, three in four accepted; one
 * in six requests is answered by a request back (mutual); 60 % stay all day, the others a
 * morning, an afternoon or a window; a third ask for a lunch break; a fifth cap their meetings;
 * one request in ten has a broker priority. Same seed, same event.
 */
export function generateEvent(options: GeneratorOptions): SchedulingProblem {
  const random = seededRandom(options.seed);
  const slotMinutes = options.slotMinutes ?? 20;
  const slots = DAY_MINUTES / slotMinutes;
  const n = options.participants;
  const participants = Array.from({ length: n }, (_, i) => participant(i, slots, slotMinutes, random));
  const sides = [participants.filter((_, i) => i % 2 === 0), participants.filter((_, i) => i % 2 === 1)];
  const popularity = sides.map((side) => zipfSampler(side.length, random));
  const requests = new Map<string, MeetingRequest>();
  participants.forEach((from, i) => {
    const other = sides[1 - (i % 2)]!;
    const wanted = Math.min(other.length, poisson(MEAN_REQUESTS, random));
    for (let k = 0; k < wanted; k++) {
      const to = other[popularity[1 - (i % 2)]!()]!;
      const key = [from.id, to.id].sort().join('|');
      if (requests.has(key) || random() > ACCEPTED) continue;
      requests.set(key, {
        id: `r${requests.size + 1}`,
        a: from.id,
        b: to.id,
        mutual: random() < 1 / 6,
        priority: random() < 0.1 ? 1 + Math.floor(random() * 3) : 0,
      });
    }
  });
  return { slots, tables: options.tables ?? Math.max(1, Math.round(n / 5)), participants, requests: [...requests.values()] };
}

function participant(i: number, slots: number, slotMinutes: number, random: () => number): EventParticipant {
  const at = (minutes: number) => Math.round(minutes / slotMinutes);
  const noon = at(3 * 60);
  const kind = random();
  const presence = kind < 0.6 ? [{ from: 0, to: slots }]
    : kind < 0.75 ? [{ from: 0, to: at(4 * 60) }]
    : kind < 0.9 ? [{ from: noon, to: slots }]
    : [window(slots, random)];
  const p: EventParticipant = { id: `p${i + 1}`, presence };
  if (random() < 1 / 3) p.breaks = [{ from: noon, to: at(5 * 60), length: at(40) }];
  if (random() < 0.2) p.maxMeetings = 4 + Math.floor(random() * 7);
  return p;
}

function window(slots: number, random: () => number) {
  const length = Math.max(2, Math.floor(slots * (0.25 + random() * 0.5)));
  const from = Math.floor(random() * (slots - length + 1));
  return { from, to: from + length };
}

/** Draws 0…n-1 with probability ∝ 1 / rank^ZIPF, ranks shuffled over the indexes. */
function zipfSampler(n: number, random: () => number): () => number {
  const ranks = shuffle(Array.from({ length: n }, (_, i) => i), random);
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 1; k <= n; k++) cumulative.push((total += 1 / k ** ZIPF));
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return ranks[lo]!;
  };
}

function poisson(mean: number, random: () => number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

/**
 * Late changes to an event: a share of requests withdrawn, as many new ones between random
 * people of opposite sides, and a few participants leaving at midday.
 */
export function changeEvent(problem: SchedulingProblem, seed: number, share = 0.03): SchedulingProblem {
  const random = seededRandom(seed);
  const requests = problem.requests.filter(() => random() >= share);
  const pairs = new Set(problem.requests.map((r) => [r.a, r.b].sort().join('|')));
  const n = problem.participants.length;
  for (let added = 0, tries = 0; added < problem.requests.length * share && tries < 100 * n; tries++) {
    const a = problem.participants[Math.floor(random() * n)]!;
    const b = problem.participants[Math.floor(random() * n)]!;
    const key = [a.id, b.id].sort().join('|');
    if (a === b || pairs.has(key) || (Number(a.id.slice(1)) - Number(b.id.slice(1))) % 2 === 0) continue;
    pairs.add(key);
    requests.push({ id: `late${++added}`, a: a.id, b: b.id, mutual: random() < 1 / 6, priority: 0 });
  }
  const half = Math.max(1, Math.floor(problem.slots / 2));
  const participants = problem.participants.map((p) => (random() < share
    ? { ...p, presence: [{ from: 0, to: half }], breaks: (p.breaks ?? []).filter((b) => b.to <= half) }
    : p));
  return { ...problem, participants, requests };
}
