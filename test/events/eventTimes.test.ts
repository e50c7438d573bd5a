import { describe, expect, it } from 'vitest';
import { checkTimeZone, eventDay, slotsWithin, windowLabel } from '../../src/events/eventTimes.js';

const NOW = new Date('2026-06-01T00:00:00Z');

describe('event times', () => {
  it('puts wall-clock times in the event’s zone, clock changes included', () => {
    // Berlin leaves summer time on 25 October 2026 at 03:00: 09:00 that day is CET (UTC+1).
    expect(eventDay('2026-10-25', '09:00-17:00', 20, 'Europe/Berlin', NOW)).toEqual({ startsAt: new Date('2026-10-25T08:00:00Z'), slotMinutes: 20, slots: 24 });
    // New York starts summer time on 14 March 2027: 09:00 is EDT (UTC-4).
    expect(eventDay('2027-03-14', '09:00-12:00', 30, 'America/New_York', NOW).startsAt).toEqual(new Date('2027-03-14T13:00:00Z'));
    // Shanghai has no clock changes.
    expect(eventDay('2026-10-25', '09:00-10:00', 15, 'Asia/Shanghai', NOW)).toEqual({ startsAt: new Date('2026-10-25T01:00:00Z'), slotMinutes: 15, slots: 4 });
    // A night across Berlin's change lasts an hour longer than the clock says.
    expect(eventDay('2026-10-25', '00:00-04:00', 20, 'Europe/Berlin', NOW).slots).toBe(15);
  });

  it('turns a presence window into the whole slots inside it, and labels slots in local time', () => {
    const clock = { ...eventDay('2026-10-25', '09:00-12:00', 20, 'Europe/Berlin', NOW), timeZone: 'Europe/Berlin' };
    expect(slotsWithin(clock, '09:10-10:30')).toEqual({ from: 1, to: 4 });
    expect(slotsWithin(clock, '08:00-23:00')).toEqual({ from: 0, to: 9 });
    expect(windowLabel(clock, 1)).toBe('09:20–09:40');
    expect(windowLabel(clock, 0, 9)).toBe('09:00–12:00');
    expect(() => slotsWithin(clock, '12:00-13:00')).toThrow('holds no whole slot of the event');
    expect(() => slotsWithin(clock, 'noon')).toThrow('is not a time range');
  });

  it('refuses unknown zones, the past and ranges that are not whole slots', () => {
    expect(() => checkTimeZone('Europe/Atlantis')).toThrow('I do not know the time zone "Europe/Atlantis".');
    expect(checkTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(() => eventDay('2026-05-31', '09:00-10:00', 20, 'UTC', NOW)).toThrow('is in the past');
    expect(() => eventDay('2026-07-01', '09:00-09:50', 20, 'UTC', NOW)).toThrow('is not a whole number of 20-minute slots');
    expect(() => eventDay('2026-07-01', '9-10', 20, 'UTC', NOW)).toThrow('is not a time range');
  });
});
