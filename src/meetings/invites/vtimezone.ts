import { DateTime, FixedOffsetZone } from 'luxon';

const offsetText = (minutes: number) => {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
};
const offsetAt = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).offset;

/** Instants (ms) in [from, to) where the zone's UTC offset changes, to the minute. */
function transitions(zone: string, from: number, to: number): number[] {
  const found: number[] = [];
  const day = 86_400_000;
  for (let t = from; t < to; t += day) {
    if (offsetAt(t, zone) === offsetAt(t + day, zone)) continue;
    let lo = t;
    let hi = t + day;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetAt(mid, zone) === offsetAt(lo, zone)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}

/**
 * A VTIMEZONE for `zone` built from the time-zone database (through luxon): the offset in force
 * a year before `around`, then every change until a year after it, each as its own STANDARD or
 * DAYLIGHT observance. Calendar programs need it to read DTSTART;TZID=… correctly.
 */
export function vtimezone(zone: string, around: Date): string {
  const from = DateTime.fromJSDate(around, { zone: 'UTC' }).minus({ years: 1 }).startOf('year').toMillis();
  const to = DateTime.fromJSDate(around, { zone: 'UTC' }).plus({ years: 1 }).endOf('year').toMillis();
  const observance = (at: number, before: number, after: number) => {
    const kind = DateTime.fromMillis(at, { zone }).isInDST ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART is the local time of the change, read with the offset in force before it.
    const local = DateTime.fromMillis(at, { zone: FixedOffsetZone.instance(before) }).toFormat("yyyyMMdd'T'HHmmss");
    return [`BEGIN:${kind}`, `DTSTART:${local}`, `TZOFFSETFROM:${offsetText(before)}`, `TZOFFSETTO:${offsetText(after)}`, `TZNAME:${DateTime.fromMillis(at, { zone }).toFormat('ZZZZ')}`, `END:${kind}`];
  };
  const first = offsetAt(from, zone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...observance(from, first, first)];
  for (const t of transitions(zone, from, to)) lines.push(...observance(t, offsetAt(t - 60_000, zone), offsetAt(t, zone)));
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
