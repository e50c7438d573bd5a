import { DateTime } from 'luxon';
import type { Interval } from '../../../storage/repositories/schedules.js';

export type AvailabilityParse =
  | { ok: true; windows: Interval[] }
  | { ok: false; problem: 'no_days' | 'no_times' | 'bad_time' | 'past' };

const DAY_WORDS: [RegExp, number][] = [
  [/^(mon|monday|mondays|周一|星期一|礼拜一)$/, 1],
  [/^(tue|tues|tuesday|tuesdays|周二|星期二|礼拜二)$/, 2],
  [/^(wed|weds|wednesday|wednesdays|周三|星期三|礼拜三)$/, 3],
  [/^(thu|thur|thurs|thursday|thursdays|周四|星期四|礼拜四)$/, 4],
  [/^(fri|friday|fridays|周五|星期五|礼拜五)$/, 5],
  [/^(sat|saturday|saturdays|周六|星期六|礼拜六)$/, 6],
  [/^(sun|sunday|sundays|周日|周天|星期日|星期天|礼拜日|礼拜天)$/, 7],
];
const DAY = String.raw`(?:mon(?:day)?s?|tue(?:s(?:day)?)?s?|wed(?:s|nesday)?s?|thu(?:r(?:s(?:day)?)?)?s?|fri(?:day)?s?|sat(?:urday)?s?|sun(?:day)?s?|(?:周|星期|礼拜)[一二三四五六日天])`;
const TO = String.raw`\s*(?:-|–|—|~|to|until|through|到|至)\s*`;
const TIME = String.raw`(上午|下午|晚上)?\s*(\d{1,2})(?:[:：](\d{2}))?\s*(?:点(半)?)?\s*(am|pm)?`;
const PERIODS: [RegExp, number, number][] = [
  [/\b(mornings?)\b|上午/, 9 * 60, 12 * 60],
  [/\b(afternoons?)\b|下午/, 13 * 60, 17 * 60],
  [/\b(evenings?)\b|晚上/, 18 * 60, 21 * 60],
];

const dayNumber = (word: string) => DAY_WORDS.find(([re]) => re.test(word.toLowerCase()))?.[1];

/** ISO weekdays named in the text: single days, ranges ("Tue–Thu", "周二到周四"), "weekdays"/"工作日". */
export function weekdaysIn(text: string): number[] {
  const days = new Set<number>();
  if (/\bweekdays?\b|工作日/.test(text)) [1, 2, 3, 4, 5].forEach((d) => days.add(d));
  if (/\b(every ?day|daily)\b|每天/.test(text)) [1, 2, 3, 4, 5, 6, 7].forEach((d) => days.add(d));
  let rest = text;
  for (const m of text.matchAll(new RegExp(`(${DAY})${TO}(${DAY})`, 'giu'))) {
    const from = dayNumber(m[1]!);
    const to = dayNumber(m[2]!);
    if (from === undefined || to === undefined) continue;
    for (let d = from; ; d = (d % 7) + 1) {
      days.add(d);
      if (d === to) break;
    }
    rest = rest.replace(m[0], ' ');
  }
  for (const m of rest.matchAll(new RegExp(`(?<![a-z])(${DAY})(?![a-z])`, 'giu'))) {
    const d = dayNumber(m[1]!);
    if (d !== undefined) days.add(d);
  }
  return [...days].sort();
}

function minuteOf(part: string | undefined, hourText: string, minuteText: string | undefined, half: string | undefined, ampm: string | undefined): number | undefined {
  let hour = Number(hourText);
  const minute = half ? 30 : Number(minuteText ?? 0);
  if (hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return undefined;
  const afternoon = ampm?.toLowerCase() === 'pm' || part === '下午' || part === '晚上';
  if (afternoon && hour < 12) hour += 12;
  if (ampm?.toLowerCase() === 'am' && hour === 12) hour = 0;
  return hour * 60 + minute;
}

/** Time ranges in minutes after local midnight: "14:00-17:00", "2-5pm", "下午2点到5点", "afternoons". */
export function timeRangesIn(text: string): [number, number][] | 'bad' {
  const ranges: [number, number][] = [];
  let rest = text;
  for (const m of text.matchAll(new RegExp(`${TIME}${TO}${TIME}`, 'giu'))) {
    const [, p1, h1, m1, half1, ap1, p2, h2, m2, half2, ap2] = m;
    // "2-5pm": the am/pm (or 上午/下午) of the end applies to the start when the start has none.
    const start = minuteOf(p1 ?? p2, h1!, m1, half1, ap1 ?? (Number(h1) <= Number(h2) ? ap2 : undefined));
    const end = minuteOf(p2 ?? p1, h2!, m2, half2, ap2);
    if (start === undefined || end === undefined || end <= start) return 'bad';
    ranges.push([start, end]);
    rest = rest.replace(m[0], ' ');
  }
  for (const [re, start, end] of PERIODS) if (re.test(rest)) ranges.push([start, end]);
  return ranges;
}

/** The dates the text means, in the person's zone: week words, named days, today/tomorrow, ISO dates. */
function datesIn(text: string, today: DateTime): DateTime[] | undefined {
  const iso = [...text.matchAll(/\b(\d{4}-\d{2}-\d{2})\b/g)].map((m) => DateTime.fromISO(m[1]!, { zone: today.zone })).filter((d) => d.isValid);
  if (iso.length > 0) return iso;
  if (/\bday after tomorrow\b|后天/.test(text)) return [today.plus({ days: 2 })];
  if (/\btomorrow\b|明天/.test(text)) return [today.plus({ days: 1 })];
  if (/\btoday\b|今天/.test(text)) return [today];
  const weekdays = weekdaysIn(text);
  const next = /\bnext week\b|下周|下星期|下个星期/.test(text);
  const thisWeek = /\bthis week\b|本周|这周|这个星期/.test(text);
  if (next || thisWeek) {
    const monday = today.startOf('week').plus({ weeks: next ? 1 : 0 });
    const wanted = weekdays.length > 0 ? weekdays : [1, 2, 3, 4, 5];
    return wanted.map((d) => monday.plus({ days: d - 1 })).filter((d) => d >= today);
  }
  if (weekdays.length === 0) return undefined;
  // The next occurrence of each named day, today included.
  return weekdays.map((d) => today.plus({ days: (d - today.weekday + 7) % 7 }));
}

/**
 * Availability typed in chat, e.g. "Tue–Thu 14:00-17:00 next week", "weekdays 9-12 this week",
 * "tomorrow afternoon", "2026-11-30 10:00-12:00", "下周二到周四 下午2点到5点". Times are the
 * person's own (`zone`); windows already over are dropped, one under way starts now.
 */
export function parseAvailability(input: string, now: Date, zone: string): AvailabilityParse {
  const text = input.toLowerCase().replace(/\s+/g, ' ').trim();
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const withoutDates = text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, ' ');
  const ranges = timeRangesIn(withoutDates);
  if (ranges === 'bad') return { ok: false, problem: 'bad_time' };
  const dates = datesIn(text, today);
  if (!dates) return { ok: false, problem: 'no_days' };
  if (ranges.length === 0) return { ok: false, problem: 'no_times' };
  const windows: Interval[] = [];
  for (const date of dates) {
    for (const [from, to] of ranges) {
      // From the calendar date and wall-clock time, so a window keeps its local hours across DST.
      const at = (minutes: number) => minutes === 1440
        ? date.plus({ days: 1 }).startOf('day')
        : DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour: Math.floor(minutes / 60), minute: minutes % 60 }, { zone });
      const start = at(from).toJSDate();
      const end = at(to).toJSDate();
      const clippedStart = start < now ? now : start;
      if (end > clippedStart) windows.push({ start: clippedStart, end });
    }
  }
  if (windows.length === 0) return { ok: false, problem: 'past' };
  return { ok: true, windows: windows.sort((a, b) => a.start.getTime() - b.start.getTime()) };
}
