import type { WorkingHours } from '../../../storage/repositories/schedules.js';
import { timeRangesIn, weekdaysIn } from './parseAvailability.js';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Working hours typed in chat: "09:00-17:00", "8-16 Mon-Thu", "10:00-18:00 weekdays", "周一到周五 9点到18点". */
export function parseHours(text: string): WorkingHours | undefined {
  const lower = text.toLowerCase();
  const ranges = timeRangesIn(lower);
  if (ranges === 'bad' || ranges.length !== 1) return undefined;
  const days = weekdaysIn(lower);
  return { startMinute: ranges[0]![0], endMinute: ranges[0]![1], weekdays: days.length > 0 ? days : [1, 2, 3, 4, 5] };
}

/** "Mon–Fri 09:00–17:00", "Mon, Wed 10:00–12:00". */
export function describeHours(h: WorkingHours): string {
  const days = [...h.weekdays].sort();
  const contiguous = days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  const dayText = contiguous && days.length > 2 ? `${DAY_NAMES[days[0]! - 1]}–${DAY_NAMES[days.at(-1)! - 1]}` : days.map((d) => DAY_NAMES[d - 1]).join(', ');
  return `${dayText} ${clock(h.startMinute)}–${clock(h.endMinute)}`;
}
