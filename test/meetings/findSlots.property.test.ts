import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findSlots, fits, type SlotParticipant } from '../../src/meetings/scheduling/findSlots.js';

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Shanghai', 'UTC', 'Asia/Kolkata', 'Australia/Sydney', 'America/Los_Angeles'];
const FROM = Date.parse('2026-01-01T00:00:00Z');
const YEAR = 365 * 86_400_000;

const interval = (start: number, minutes: number) => ({ start: new Date(start), end: new Date(start + minutes * 60_000) });

const participant = fc.record({
  zone: fc.constantFrom(...ZONES),
  startHour: fc.integer({ min: 0, max: 20 }),
  length: fc.integer({ min: 1, max: 12 }),
  weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  busy: fc.array(fc.tuple(fc.integer({ min: 0, max: 20 * 24 * 60 }), fc.integer({ min: 15, max: 600 })), { maxLength: 6 }),
  windows: fc.array(fc.tuple(fc.integer({ min: 0, max: 20 * 24 * 60 }), fc.integer({ min: 30, max: 600 })), { maxLength: 3 }),
});

describe('finding slots, on random participants across the year', () => {
  it('only ever proposes times that fit everyone, free, in the horizon, spread and in order', () => {
    fc.assert(
      fc.property(fc.array(participant, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: YEAR }), fc.integer({ min: 3, max: 5 }), fc.constantFrom(30, 45, 60), (raw, offset, count, duration) => {
        const from = FROM + offset;
        const people: SlotParticipant[] = raw.map((r, i) => ({
          name: `p${i}`,
          zone: r.zone,
          hours: { startMinute: r.startHour * 60, endMinute: Math.min(1440, (r.startHour + r.length) * 60), weekdays: r.weekdays },
          busy: r.busy.map(([at, minutes]) => interval(from + at * 60_000, minutes)),
          windows: r.windows.map(([at, minutes]) => interval(from + at * 60_000, minutes)),
        }));
        const slots = findSlots({ participants: people, from: new Date(from), horizonDays: 14, durationMinutes: duration, count });
        expect(slots.length).toBeLessThanOrEqual(count);
        for (const [i, s] of slots.entries()) {
          expect(s.end.getTime() - s.start.getTime()).toBe(duration * 60_000);
          expect(s.start.getTime()).toBeGreaterThanOrEqual(from);
          expect(s.end.getTime()).toBeLessThanOrEqual(from + 14 * 86_400_000);
          for (const p of people) {
            expect(fits(p, s.start, s.end)).toBe(true);
            for (const b of p.busy) expect(s.end <= b.start || s.start >= b.end).toBe(true);
          }
          if (i > 0) expect(s.start.getTime()).toBeGreaterThan(slots[i - 1]!.start.getTime());
        }
        // "Nothing fits" is only ever said when nothing on the half-hour grid fits everyone.
        if (slots.length === 0) {
          const step = 30 * 60_000;
          for (let t = Math.ceil(from / step) * step; t + duration * 60_000 <= from + 14 * 86_400_000; t += step) {
            const end = new Date(t + duration * 60_000);
            expect(people.every((p) => fits(p, new Date(t), end))).toBe(false);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
