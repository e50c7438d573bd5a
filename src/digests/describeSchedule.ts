import type { DigestSchedule } from './schedule.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "weekly on Monday at 08:00 (Asia/Shanghai)", "daily at 18:30 (UTC)", or the cron expression. */
export function describeSchedule(s: DigestSchedule): string {
  const m = /^(\d{1,2}) (\d{1,2}) \* \* (\*|[0-7])$/.exec(s.cron);
  if (!m) return `on cron "${s.cron}" (${s.timeZone})`;
  const at = `${m[2]!.padStart(2, '0')}:${m[1]!.padStart(2, '0')}`;
  return m[3] === '*' ? `daily at ${at} (${s.timeZone})` : `weekly on ${WEEKDAYS[Number(m[3]) % 7]} at ${at} (${s.timeZone})`;
}
