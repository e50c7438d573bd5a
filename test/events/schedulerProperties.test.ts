import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventParticipant, MeetingRequest, SchedulingProblem } from '../../src/events/scheduler/eventProblem.js';
import { scheduleEvent } from '../../src/events/scheduler/scheduleEvent.js';
import { upperBound } from '../../src/events/scheduler/upperBound.js';
import { checkSchedule } from '../../src/events/scheduler/checkSchedule.js';
import { placementsThatCanStay } from '../../src/events/scheduler/placementsThatCanStay.js';
import { generateEvent, changeEvent } from '../../bench/eventGenerator.js';
import { bestPossible } from './bruteForce.js';

/** A small random event: a few slots and tables, partial presence, breaks, limits, any pairs. */
const eventArb = (maxPeople = 8, maxSlots = 8): fc.Arbitrary<SchedulingProblem> =>
  fc.record({ slots: fc.integer({ min: 1, max: maxSlots }), tables: fc.integer({ min: 1, max: 4 }), people: fc.integer({ min: 2, max: maxPeople }) })
    .chain(({ slots, tables, people }) => {
      const range = fc.tuple(fc.integer({ min: 0, max: slots - 1 }), fc.integer({ min: 1, max: slots }))
        .map(([a, len]) => ({ from: a, to: Math.min(slots, a + len) }));
      const participant = (i: number): fc.Arbitrary<EventParticipant> => fc.record({
        presence: fc.option(fc.array(range, { minLength: 1, maxLength: 2 }), { nil: undefined }),
        break: fc.option(fc.tuple(range, fc.integer({ min: 1, max: slots })), { nil: undefined }),
        maxMeetings: fc.option(fc.integer({ min: 0, max: slots }), { nil: undefined }),
      }).map(({ presence, break: b, maxMeetings }) => ({
        id: `p${i}`,
        ...(presence ? { presence } : {}),
        ...(b ? { breaks: [{ ...b[0], length: Math.min(b[1], b[0].to - b[0].from) }] } : {}),
        ...(maxMeetings !== undefined ? { maxMeetings } : {}),
      }));
      const pairs: [number, number][] = [];
      for (let a = 0; a < people; a++) for (let b = a + 1; b < people; b++) pairs.push([a, b]);
      const request = fc.record({ mutual: fc.boolean(), priority: fc.integer({ min: 0, max: 3 }) });
      return fc.record({
        participants: fc.tuple(...Array.from({ length: people }, (_, i) => participant(i))),
        requests: fc.subarray(pairs).chain((chosen) => fc.tuple(...chosen.map(() => request)).map((attrs) => chosen.map(([a, b], k): MeetingRequest => ({
          id: `r${a}-${b}`, a: `p${a}`, b: `p${b}`, ...attrs[k]!,
        })))),
      }).map(({ participants, requests }) => ({ slots, tables, participants, requests }));
    });

describe('event scheduler properties', () => {
  it('never double-books a person or a table, keeps presence, breaks and limits, and accounts for every request', () => {
    fc.assert(fc.property(eventArb(), fc.integer(), (problem, seed) => {
      expect(checkSchedule(problem, scheduleEvent(problem, { seed }))).toEqual([]);
    }), { numRuns: 300 });
  });

  it('never places more than the upper bound, which is never below the true optimum', () => {
    fc.assert(fc.property(eventArb(5, 4), (problem) => {
      fc.pre(problem.requests.length <= 7);
      const scheduled = scheduleEvent(problem).placements.length;
      const optimum = bestPossible(problem);
      const bound = upperBound(problem).value;
      expect(scheduled).toBeLessThanOrEqual(optimum);
      expect(optimum).toBeLessThanOrEqual(bound);
    }), { numRuns: 300 });
  });

  it('keeps every earlier meeting in its slot and at its table when it is still possible', () => {
    fc.assert(fc.property(eventArb(), fc.integer({ min: 0, max: 1000 }), (problem, seed) => {
      const first = scheduleEvent(problem, { seed });
      const changed = changeEvent(problem, seed, 0.3);
      const next = scheduleEvent(changed, { seed: seed + 1, previous: first.placements });
      expect(checkSchedule(changed, next)).toEqual([]);
      const now = new Map(next.placements.map((p) => [p.requestId, p]));
      for (const before of placementsThatCanStay(changed, first.placements)) expect(now.get(before.requestId)).toEqual(before);
    }), { numRuns: 200 });
  });

  it('holds on generated events too, is the same for the same seed, and keeps placed meetings after late changes', () => {
    for (const seed of [1, 2, 3]) {
      const problem = generateEvent({ participants: 120, seed });
      const schedule = scheduleEvent(problem, { seed });
      expect(checkSchedule(problem, schedule)).toEqual([]);
      expect(schedule.placements.length).toBeLessThanOrEqual(upperBound(problem).value);
      expect(scheduleEvent(problem, { seed })).toEqual(schedule);
      const changed = changeEvent(problem, seed);
      const next = new Map(scheduleEvent(changed, { seed, previous: schedule.placements }).placements.map((p) => [p.requestId, p]));
      const stay = placementsThatCanStay(changed, schedule.placements);
      expect(stay.length).toBeGreaterThan(0.9 * schedule.placements.length);
      for (const before of stay) expect(next.get(before.requestId)).toEqual(before);
    }
  });
});
