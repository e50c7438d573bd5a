import { DateTime, IANAZone } from 'luxon';
import { UserFacingError } from '../errors.js';
import type { SlotRange } from './scheduler/eventProblem.js';

/** What the times of an event are measured from. */
export interface EventClock {
  startsAt: Date;
  slotMinutes: number;
  slots: number;
  timeZone: string;
}

const bad = (message: string, hint?: string) => new UserFacingError('bad_event_time', message, hint);

const TIME_RANGE = /^([01]?\d|2[0-3]):([0-5]\d)\s*[-–]\s*([01]?\d|2[0-4]):([0-5]\d)$/;

/** "09:00-17:00" → minutes after midnight, or undefined when it is not a time range. */
export function parseTimeRange(text: string): { from: number; to: number } | undefined {
  const m = TIME_RANGE.exec(text.trim());
  if (!m) return undefined;
  const from = Number(m[1]) * 60 + Number(m[2]);
  const to = Number(m[3]) * 60 + Number(m[4]);
  return to <= 24 * 60 ? { from, to } : undefined;
}

/** The wall-clock time `minutes` after midnight on `day` (24:00 is the next midnight), clock changes included. */
const wallClock = (day: DateTime, minutes: number): DateTime =>
  minutes === 24 * 60 ? day.plus({ days: 1 }) : day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });

export function checkTimeZone(zone: string): string {
  if (!IANAZone.isValidZone(zone)) throw bad(`I do not know the time zone "${zone.slice(0, 40)}".`, 'Use an IANA name such as Europe/Berlin, America/New_York or Asia/Shanghai.');
  return zone;
}

/**
 * The start and number of slots of a day from "YYYY-MM-DD", a "HH:MM-HH:MM" range and slot
 * length, in the event's time zone (wall-clock times, so a day with a clock change still
 * starts when it says). Refuses past starts, empty ranges and ranges that are not whole slots.
 */
export function eventDay(date: string, range: string, slotMinutes: number, zone: string, now: Date): Omit<EventClock, 'timeZone'> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw bad(`"${date.slice(0, 20)}" is not a date.`, 'Write dates as YYYY-MM-DD, e.g. 2026-12-03.');
  const times = parseTimeRange(range);
  if (!times) throw bad(`"${range.slice(0, 20)}" is not a time range.`, 'Write it as HH:MM-HH:MM, e.g. 09:00-17:00.');
  const day = DateTime.fromISO(date, { zone });
  if (!day.isValid) throw bad(`${date} is not a day in the calendar.`);
  const start = wallClock(day, times.from);
  const end = wallClock(day, times.to);
  const minutes = end.diff(start, 'minutes').minutes;
  if (minutes <= 0) throw bad(`The event must end after it starts (${range}).`);
  if (minutes % slotMinutes !== 0) throw bad(`${range} is not a whole number of ${slotMinutes}-minute slots.`, `Make the day a multiple of ${slotMinutes} minutes long.`);
  if (start.toJSDate() <= now) throw bad(`${date} ${range.split(/[-–]/)[0]} (${zone}) is in the past.`, 'Pick a day and time that are still to come.');
  return { startsAt: start.toJSDate(), slotMinutes, slots: minutes / slotMinutes };
}

/** A "HH:MM-HH:MM" window on the event's day as the slots wholly inside it. */
export function slotsWithin(clock: EventClock, text: string): SlotRange {
  const times = parseTimeRange(text);
  if (!times) throw bad(`"${text.slice(0, 20)}" is not a time range.`, 'Write it as HH:MM-HH:MM, e.g. 09:00-12:30.');
  const day = DateTime.fromJSDate(clock.startsAt, { zone: clock.timeZone }).startOf('day');
  const offset = (minutes: number) => wallClock(day, minutes).diff(DateTime.fromJSDate(clock.startsAt), 'minutes').minutes / clock.slotMinutes;
  const from = Math.max(0, Math.ceil(offset(times.from)));
  const to = Math.min(clock.slots, Math.floor(offset(times.to)));
  if (from >= to) throw bad(`${text} holds no whole slot of the event (${eventHours(clock)}).`, 'Give a window that overlaps the event by at least one slot.');
  return { from, to };
}

export function slotStart(clock: EventClock, slot: number): DateTime {
  return DateTime.fromJSDate(clock.startsAt, { zone: clock.timeZone }).plus({ minutes: slot * clock.slotMinutes });
}

/** "09:20–10:00" for slots [from, to), in the event's time zone. */
export function windowLabel(clock: EventClock, from: number, to = from + 1): string {
  return `${slotStart(clock, from).toFormat('HH:mm')}–${slotStart(clock, to).toFormat('HH:mm')}`;
}

/** "2026-12-03 09:00–17:00 Europe/Berlin". */
export function eventHours(clock: EventClock): string {
  const start = slotStart(clock, 0);
  return `${start.toFormat('yyyy-MM-dd HH:mm')}–${slotStart(clock, clock.slots).toFormat('HH:mm')} ${clock.timeZone}`;
}

/** "2026-12-03 08:00" for any moment, in the event's time zone. */
export function localTime(clock: EventClock, at: Date): string {
  return DateTime.fromJSDate(at, { zone: clock.timeZone }).toFormat('yyyy-MM-dd HH:mm');
}
