import { describe, expect, it } from 'vitest';
import { parseAvailability } from '../../src/meetings/scheduling/parseAvailability.js';
import { describeHours, parseHours } from '../../src/meetings/scheduling/parseHours.js';

// Monday 23 November 2026, 10:00 in Berlin (UTC+1).
const NOW = new Date('2026-11-23T09:00:00Z');
const windows = (text: string, zone = 'Europe/Berlin', now = NOW) => {
  const r = parseAvailability(text, now, zone);
  if (!r.ok) throw new Error(`not parsed: ${r.problem}`);
  return r.windows.map((w) => `${w.start.toISOString().slice(0, 16)}/${w.end.toISOString().slice(11, 16)}`);
};
const problem = (text: string, zone = 'Europe/Berlin') => {
  const r = parseAvailability(text, NOW, zone);
  return r.ok ? 'ok' : r.problem;
};

describe('availability typed in chat', () => {
  it('reads a day range, hours and "next week"', () => {
    expect(windows('Tue–Thu 14:00-17:00 next week')).toEqual(['2026-12-01T13:00/16:00', '2026-12-02T13:00/16:00', '2026-12-03T13:00/16:00']);
    expect(windows('tue-thu 2-5pm next week')).toEqual(windows('Tue to Thu 14:00–17:00 next week'));
  });

  it('reads this week, weekdays and periods of the day, starting a window under way now', () => {
    expect(windows('weekdays mornings this week')).toEqual([
      '2026-11-23T09:00/11:00', // today 10:00–12:00, from now on
      '2026-11-24T08:00/11:00', '2026-11-25T08:00/11:00', '2026-11-26T08:00/11:00', '2026-11-27T08:00/11:00',
    ]);
    expect(windows('tomorrow afternoon')).toEqual(['2026-11-24T12:00/16:00']);
    expect(windows('Fri 9:30-11')).toEqual(['2026-11-27T08:30/10:00']);
    expect(windows('2026-11-30 10:00-12:00')).toEqual(['2026-11-30T09:00/11:00']);
  });

  it('reads simple Chinese', () => {
    expect(windows('下周二到周四 下午2点到5点', 'Asia/Shanghai')).toEqual(['2026-12-01T06:00/09:00', '2026-12-02T06:00/09:00', '2026-12-03T06:00/09:00']);
    expect(windows('明天上午', 'Asia/Shanghai')).toEqual(['2026-11-24T01:00/04:00']);
    expect(windows('周五 9点半到11点', 'Asia/Shanghai')).toEqual(['2026-11-27T01:30/03:00']);
  });

  it('keeps local hours across daylight-saving changes', () => {
    // Wednesday 21 October: this Friday is still UTC+2 in Berlin, next Monday is UTC+1.
    const oct = new Date('2026-10-21T08:00:00Z');
    expect(windows('Fri 09:00-10:00', 'Europe/Berlin', oct)).toEqual(['2026-10-23T07:00/08:00']);
    expect(windows('Mon 09:00-10:00 next week', 'Europe/Berlin', oct)).toEqual(['2026-10-26T08:00/09:00']);
    // New York, Sunday 8 March 2026: 01:00 EST to 04:00 EDT is two real hours.
    const march = new Date('2026-03-07T12:00:00Z');
    expect(windows('Sun 01:00-04:00', 'America/New_York', march)).toEqual(['2026-03-08T06:00/08:00']);
  });

  it('says what is missing or wrong', () => {
    expect(problem('14:00-17:00')).toBe('no_days');
    expect(problem('next tuesday')).toBe('no_times');
    expect(problem('Mon 17:00-14:00')).toBe('bad_time');
    expect(problem('Mon 25:00-26:00')).toBe('bad_time');
    expect(problem('today 08:00-09:00')).toBe('past');
    expect(problem('hello there')).toBe('no_days');
  });
});

describe('working hours typed in chat', () => {
  it('reads a range with optional days and describes it back', () => {
    expect(parseHours('08:30-16:00 Mon-Thu')).toEqual({ startMinute: 510, endMinute: 960, weekdays: [1, 2, 3, 4] });
    expect(parseHours('9-17')).toEqual({ startMinute: 540, endMinute: 1020, weekdays: [1, 2, 3, 4, 5] });
    expect(parseHours('周一到周五 9点到18点')).toEqual({ startMinute: 540, endMinute: 1080, weekdays: [1, 2, 3, 4, 5] });
    expect(parseHours('whenever')).toBeUndefined();
    expect(describeHours({ startMinute: 510, endMinute: 960, weekdays: [1, 2, 3, 4] })).toBe('Mon–Thu 08:30–16:00');
    expect(describeHours({ startMinute: 600, endMinute: 720, weekdays: [1, 3] })).toBe('Mon, Wed 10:00–12:00');
  });
});
