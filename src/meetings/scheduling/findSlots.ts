import { DateTime } from 'luxon';
import type { Interval, WorkingHours } from '../../../storage/repositories/schedules.js';

/** One participant as the slot finder sees them. */
export interface SlotParticipant {
  name: string;
  zone: string;
  hours: WorkingHours;
  /** Windows the person offered; when there are any, a slot must lie inside one (they replace working hours). */
  windows: readonly Interval[];
  /** Booked time. */
  busy: readonly Interval[];
}

export interface SlotSearch {
  participants: readonly SlotParticipant[];
  /** Earliest start (e.g. now plus some notice). */
  from: Date;
  horizonDays: number;
  durationMinutes: number;
  count: number;
  /** Grid of candidate starts, in minutes past the UTC hour. */
  stepMinutes?: number;
}

const overlaps = (a: Interval, s: Date, e: Date) => a.start < e && s < a.end;

/** Does [start, end) fit this person: inside working hours (or an offered window), and free? */
export function fits(p: SlotParticipant, start: Date, end: Date): boolean {
  if (p.busy.some((b) => overlaps(b, start, end))) return false;
  if (p.windows.length > 0) return p.windows.some((w) => w.start <= start && end <= w.end);
  const s = DateTime.fromJSDate(start, { zone: p.zone });
  const e = DateTime.fromJSDate(end, { zone: p.zone });
  if (!p.hours.weekdays.includes(s.weekday)) return false;
  const startMinute = s.hour * 60 + s.minute;
  // Minutes from the start's local midnight: an end at the next midnight counts as 1440.
  const endMinute = Math.round(e.diff(s.startOf('day'), 'minutes').minutes);
  return startMinute >= p.hours.startMinute && endMinute <= p.hours.endMinute;
}

/**
 * Up to `count` start times that fit every participant, spread out: first the earliest fitting
 * slot of each distinct day, then more slots at least two hours from those already chosen.
 */
export function findSlots(q: SlotSearch): Interval[] {
  const step = (q.stepMinutes ?? 30) * 60_000;
  const duration = q.durationMinutes * 60_000;
  const first = Math.ceil(q.from.getTime() / step) * step;
  const last = q.from.getTime() + q.horizonDays * 86_400_000;
  const fitting: Interval[] = [];
  for (let t = first; t + duration <= last; t += step) {
    const start = new Date(t);
    const end = new Date(t + duration);
    if (q.participants.every((p) => fits(p, start, end))) fitting.push({ start, end });
  }
  const dayOf = (i: Interval) => DateTime.fromJSDate(i.start, { zone: q.participants[0]?.zone ?? 'UTC' }).toISODate();
  const chosen: Interval[] = [];
  const days = new Set<string | null>();
  for (const slot of fitting) {
    if (chosen.length >= q.count) break;
    if (days.has(dayOf(slot))) continue;
    days.add(dayOf(slot));
    chosen.push(slot);
  }
  for (const slot of fitting) {
    if (chosen.length >= q.count) break;
    if (chosen.every((c) => Math.abs(c.start.getTime() - slot.start.getTime()) >= 2 * 3_600_000)) chosen.push(slot);
  }
  return chosen.sort((a, b) => a.start.getTime() - b.start.getTime());
}
