import { describe, expect, it } from 'vitest';
import type { SchedulingProblem } from '../../src/events/scheduler/eventProblem.js';
import { upperBound } from '../../src/events/scheduler/upperBound.js';
import { scheduleEvent } from '../../src/events/scheduler/scheduleEvent.js';

const people = (...ids: string[]) => ids.map((id) => ({ id }));
const pairs = (...list: [string, string][]) => list.map(([a, b]) => ({ id: `${a}-${b}`, a, b }));

/** Hand-checked: each comment says why the optimum is what it is. */
const cases: { name: string; problem: SchedulingProblem; optimum: number; byParticipants: number; bySlots: number }[] = [
  {
    name: 'a star: A is wanted by three but has two slots',
    problem: { slots: 2, tables: 5, participants: people('A', 'B', 'C', 'D'), requests: pairs(['A', 'B'], ['A', 'C'], ['A', 'D']) },
    optimum: 2, byParticipants: 2, bySlots: 3, // the slot relaxation books each meeting on one side only
  },
  {
    name: 'tables: four separate pairs, one slot, two tables',
    problem: { slots: 1, tables: 2, participants: people('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'), requests: pairs(['A', 'B'], ['C', 'D'], ['E', 'F'], ['G', 'H']) },
    optimum: 2, byParticipants: 4, bySlots: 2,
  },
  {
    name: 'presence: a pair never there together, a pair that is',
    problem: {
      slots: 4, tables: 2,
      participants: [{ id: 'A', presence: [{ from: 0, to: 2 }] }, { id: 'B', presence: [{ from: 2, to: 4 }] }, { id: 'C' }],
      requests: pairs(['A', 'B'], ['B', 'C']),
    },
    optimum: 1, byParticipants: 1, bySlots: 1,
  },
  {
    name: 'a break: three slots, a two-slot break leaves one meeting',
    problem: {
      slots: 3, tables: 3,
      participants: [{ id: 'A', breaks: [{ from: 0, to: 3, length: 2 }] }, { id: 'B' }, { id: 'C' }],
      requests: pairs(['A', 'B'], ['A', 'C']),
    },
    optimum: 1, byParticipants: 1, bySlots: 2,
  },
  {
    name: 'a triangle in three slots: every pair meets',
    problem: { slots: 3, tables: 1, participants: people('A', 'B', 'C'), requests: pairs(['A', 'B'], ['A', 'C'], ['B', 'C']) },
    optimum: 3, byParticipants: 3, bySlots: 3,
  },
  {
    name: 'a triangle in one slot: half of 3 rounds down to 1',
    problem: { slots: 1, tables: 3, participants: people('A', 'B', 'C'), requests: pairs(['A', 'B'], ['A', 'C'], ['B', 'C']) },
    optimum: 1, byParticipants: 1, bySlots: 3,
  },
  {
    name: 'a meeting limit: B takes one of its two',
    problem: { slots: 4, tables: 4, participants: [{ id: 'A' }, { id: 'B', maxMeetings: 1 }, { id: 'C' }], requests: pairs(['A', 'B'], ['B', 'C'], ['A', 'C']) },
    optimum: 2, byParticipants: 2, bySlots: 3,
  },
];

describe('upper bound', () => {
  it.each(cases)('is exact on $name', ({ problem, optimum, byParticipants, bySlots }) => {
    expect(upperBound(problem)).toEqual({ value: optimum, byParticipants, bySlots });
    expect(scheduleEvent(problem).placements).toHaveLength(optimum);
  });
});

describe('who goes first', () => {
  const oneSlot = (requests: SchedulingProblem['requests']): SchedulingProblem => ({
    slots: 1, tables: 5, participants: people('A', 'B', 'C', 'D'), requests,
  });

  it('places a mutual request before a one-sided one of higher priority', () => {
    const s = scheduleEvent(oneSlot([{ id: 'one-sided', a: 'A', b: 'B', priority: 5 }, { id: 'mutual', a: 'A', b: 'C', mutual: true }]));
    expect(s.placements.map((p) => p.requestId)).toEqual(['mutual']);
  });

  it('then follows the broker priority', () => {
    const s = scheduleEvent(oneSlot([{ id: 'low', a: 'A', b: 'B', priority: 1 }, { id: 'high', a: 'A', b: 'C', priority: 2 }]));
    expect(s.placements.map((p) => p.requestId)).toEqual(['high']);
    expect(s.unscheduled).toEqual(['low']);
  });

  it('moves an unpinned meeting to make room, but never a pinned one', () => {
    const problem: SchedulingProblem = {
      slots: 2, tables: 2,
      participants: [{ id: 'A' }, { id: 'B' }, { id: 'C', presence: [{ from: 0, to: 1 }] }],
      requests: pairs(['A', 'B'], ['A', 'C']),
    };
    expect(scheduleEvent(problem).placements).toHaveLength(2);
    const pinnedAB = scheduleEvent(problem, { previous: [{ requestId: 'A-B', slot: 0, table: 1 }] });
    expect(pinnedAB.placements).toEqual([{ requestId: 'A-B', slot: 0, table: 1 }]);
    expect(pinnedAB.unscheduled).toEqual(['A-C']);
  });
});
