import { CronExpressionParser } from 'cron-parser';
import { IANAZone } from 'luxon';
import { UserFacingError } from '../errors.js';

/** Digests are summaries: at most one an hour per channel. */
const MIN_GAP_MS = 3_600_000;

/** A digest schedule: a 5-field cron expression read in an IANA time zone. */
export interface DigestSchedule {
  cron: string;
  timeZone: string;
}

/** The time zone as IANA spells it (e.g. 'Asia/Shanghai'), or a friendly error. */
export function checkTimeZone(zone: string): string {
  if (zone.toUpperCase() === 'UTC') return 'UTC';
  const iana = IANAZone.create(zone);
  if (!iana.isValid) {
    throw new UserFacingError('digest_time_zone', `"${zone.slice(0, 60)}" is not a time zone I know.`, 'Use an IANA name such as Europe/Berlin, Asia/Shanghai or UTC.');
  }
  // Intl spells the zone the way IANA does, whatever the case it was typed in.
  return new Intl.DateTimeFormat('en', { timeZone: iana.name }).resolvedOptions().timeZone;
}

/** The schedule, checked: five cron fields that fire, at most hourly, in a known time zone. */
export function checkSchedule(schedule: DigestSchedule): DigestSchedule {
  const timeZone = checkTimeZone(schedule.timeZone);
  const cron = schedule.cron.trim().replace(/\s+/g, ' ');
  const hint = 'Five fields: minute hour day-of-month month day-of-week, e.g. "0 8 * * 1" for Mondays at 08:00.';
  if (cron.split(' ').length !== 5) throw new UserFacingError('digest_cron', `"${cron.slice(0, 60)}" is not a five-field cron expression.`, hint);
  let firings: Date[];
  try {
    const it = CronExpressionParser.parse(cron, { tz: timeZone });
    firings = [it.next().toDate(), it.next().toDate(), it.next().toDate()];
  } catch (err) {
    throw new UserFacingError('digest_cron', `"${cron.slice(0, 60)}" is not a valid schedule (${err instanceof Error ? err.message : 'invalid'}).`, hint);
  }
  if (firings[1]!.getTime() - firings[0]!.getTime() < MIN_GAP_MS || firings[2]!.getTime() - firings[1]!.getTime() < MIN_GAP_MS) {
    throw new UserFacingError('digest_cron', `"${cron.slice(0, 60)}" would send a digest more often than once an hour.`, hint);
  }
  return { cron, timeZone };
}

/** The last firing at or before `at`, or undefined when there is none since `notBefore`. */
export function latestFiring(schedule: DigestSchedule, at: Date, notBefore: Date): Date | undefined {
  // cron-parser's prev() is strictly before its start: start one millisecond later to include `at`.
  const fired = previousFiring(schedule, new Date(at.getTime() + 1));
  return fired && fired >= notBefore ? fired : undefined;
}

/** The firing strictly before `before`. */
export function previousFiring(schedule: DigestSchedule, before: Date): Date | undefined {
  try {
    return CronExpressionParser.parse(schedule.cron, { tz: schedule.timeZone, currentDate: before }).prev().toDate();
  } catch {
    return undefined; // no earlier firing in cron-parser's search range
  }
}

/** The first firing after `after`. */
export function nextFiring(schedule: DigestSchedule, after: Date): Date {
  return CronExpressionParser.parse(schedule.cron, { tz: schedule.timeZone, currentDate: after }).next().toDate();
}
