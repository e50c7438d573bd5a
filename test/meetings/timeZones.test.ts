import { describe, expect, it } from 'vitest';
import { canonicalZone, offsetLabel, spanInZone } from '../../src/meetings/scheduling/timeZones.js';
import { findSlots, fits, type SlotParticipant } from '../../src/meetings/scheduling/findSlots.js';
import { slotLabel } from '../../src/meetings/scheduling/proposeSlots.js';
import { DEFAULT_WORKING_HOURS } from '../../storage/repositories/schedules.js';

const at = (iso: string) => new Date(iso);
const person = (name: string, zone: string, extra: Partial<SlotParticipant> = {}): SlotParticipant => ({
  name, zone, hours: DEFAULT_WORKING_HOURS, windows: [], busy: [], ...extra,
});
const starts = (slots: { start: Date }[]) => slots.map((s) => s.start.toISOString());

describe('time zones', () => {
  it('accepts IANA names in any case and refuses unknown zones and fixed offsets', () => {
    expect(canonicalZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalZone(' America/New_York ')).toBe('America/New_York');
    expect(canonicalZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(canonicalZone('UTC')).toBe('UTC');
    expect(canonicalZone('Mars/Olympus_Mons')).toBeUndefined();
    expect(canonicalZone('UTC+2')).toBeUndefined();
    expect(canonicalZone('CEST')).toBeUndefined();
    expect(canonicalZone("Europe/Berlin'; DROP TABLE people")).toBeUndefined();
  });

  it('shows the same wall-clock hour in Berlin on both sides of the October change (UTC+2, then UTC+1)', () => {
    expect(spanInZone(at('2026-10-23T07:00:00Z'), at('2026-10-23T07:45:00Z'), 'Europe/Berlin')).toBe('Fri 23 Oct 2026, 09:00–09:45 Europe/Berlin (UTC+2)');
    expect(spanInZone(at('2026-10-26T08:00:00Z'), at('2026-10-26T08:45:00Z'), 'Europe/Berlin')).toBe('Mon 26 Oct 2026, 09:00–09:45 Europe/Berlin (UTC+1)');
    // The night of the change: 02:30 happens twice; luxon reads each instant with its own offset.
    expect(offsetLabel(at('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toBe('UTC+2');
    expect(offsetLabel(at('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe('UTC+1');
  });

  it('moves New York from UTC−5 to UTC−4 on 8 March 2026 and leaves Shanghai at UTC+8 all year', () => {
    expect(offsetLabel(at('2026-03-08T06:59:00Z'), 'America/New_York')).toBe('UTC−5');
    expect(offsetLabel(at('2026-03-08T07:00:00Z'), 'America/New_York')).toBe('UTC−4');
    expect(offsetLabel(at('2026-01-15T12:00:00Z'), 'Asia/Shanghai')).toBe('UTC+8');
    expect(offsetLabel(at('2026-07-15T12:00:00Z'), 'Asia/Shanghai')).toBe('UTC+8');
  });
});

describe('finding slots', () => {
  it('keeps Berlin working hours at 09:00 local when the clocks go back', () => {
    const slots = findSlots({ participants: [person('bea', 'Europe/Berlin')], from: at('2026-10-23T00:00:00Z'), horizonDays: 4, durationMinutes: 60, count: 2 });
    // Friday 09:00 CEST = 07:00Z; the weekend is skipped; Monday 09:00 CET = 08:00Z.
    expect(starts(slots)).toEqual(['2026-10-23T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
  });

  it('finds the Berlin–New York overlap, which is an hour earlier in UTC once New York alone has changed', () => {
    const people = [person('bea', 'Europe/Berlin'), person('ned', 'America/New_York')];
    const slots = findSlots({ participants: people, from: at('2026-03-06T00:00:00Z'), horizonDays: 4, durationMinutes: 60, count: 2 });
    // Fri 6 March: Berlin 15:00 = New York 09:00 (UTC−5). Mon 9 March: Berlin 14:00 = New York 09:00 (UTC−4).
    expect(starts(slots)).toEqual(['2026-03-06T14:00:00.000Z', '2026-03-09T13:00:00.000Z']);
    for (const s of slots) expect(people.every((p) => fits(p, s.start, s.end))).toBe(true);
  });

  it('finds nothing when working hours never overlap (Shanghai and New York), and a slot once an evening window is offered', () => {
    const shanghai = person('shu', 'Asia/Shanghai');
    const newYork = person('ned', 'America/New_York');
    const from = at('2026-06-01T00:00:00Z');
    expect(findSlots({ participants: [shanghai, newYork], from, horizonDays: 14, durationMinutes: 45, count: 4 })).toEqual([]);
    // Ned offers Tuesday 20:00–22:00 New York (EDT) = Wednesday 08:00–10:00 Shanghai.
    const evening = { ...newYork, windows: [{ start: at('2026-06-03T00:00:00Z'), end: at('2026-06-03T02:00:00Z') }] };
    expect(starts(findSlots({ participants: [shanghai, evening], from, horizonDays: 14, durationMinutes: 45, count: 4 }))).toEqual([
      '2026-06-03T01:00:00.000Z', // 09:00 in Shanghai, 21:00 in New York
    ]);
  });

  it('proposes spread-out times, never in someone’s booked time nor before the earliest start', () => {
    const busy = [{ start: at('2026-11-24T08:00:00Z'), end: at('2026-11-24T16:00:00Z') }];
    const slots = findSlots({
      participants: [person('bea', 'Europe/Berlin', { busy }), person('shu', 'Asia/Shanghai')],
      from: at('2026-11-23T08:10:00Z'), horizonDays: 14, durationMinutes: 45, count: 5,
    });
    expect(slots.length).toBe(5);
    for (const s of slots) {
      expect(s.start >= at('2026-11-23T08:10:00Z')).toBe(true);
      expect(s.start >= busy[0]!.end || s.end <= busy[0]!.start).toBe(true);
      expect(s.end.getTime() - s.start.getTime()).toBe(45 * 60_000);
    }
    // Berlin 09:00 (08:00Z) to Shanghai 17:00 (09:00Z) leaves one 45-minute slot a weekday, at 08:00Z:
    // Monday's has begun, Tuesday is booked; then one a day.
    expect(starts(slots)).toEqual(['2026-11-25T08:00:00.000Z', '2026-11-26T08:00:00.000Z', '2026-11-27T08:00:00.000Z', '2026-11-30T08:00:00.000Z', '2026-12-01T08:00:00.000Z']);
  });
});

describe('slot labels', () => {
  it('are short enough for a button and still name the offset', () => {
    expect(slotLabel({ start: at('2026-03-09T13:00:00Z'), end: at('2026-03-09T13:45:00Z') }, 'America/New_York')).toBe('Mon 9 Mar, 09:00–09:45 (UTC−4)');
    expect(slotLabel({ start: at('2026-03-09T13:00:00Z'), end: at('2026-03-09T13:45:00Z') }, 'Asia/Shanghai')).toBe('Mon 9 Mar, 21:00–21:45 (UTC+8)');
  });
});
