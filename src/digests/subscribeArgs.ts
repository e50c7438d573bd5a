import { UserFacingError } from '../errors.js';
import type { DigestAudience, DigestLanguage } from '../../storage/repositories/digestSubscriptions.js';

/** What `/digest subscribe …` asked for; anything left out takes its default. */
export interface SubscribeRequest {
  cron: string;
  timeZone?: string;
  language?: DigestLanguage;
  audience?: DigestAudience;
}

export const SUBSCRIBE_USAGE = '/digest subscribe [weekly|daily] [mon…sun] [HH:MM] [time zone] [en|zh] [brokers|mixed] [#channel] — or /digest subscribe cron "0 8 * * 1" [time zone]';

const DAYS: Record<string, number> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
  周日: 0, 周一: 1, 周二: 2, 周三: 3, 周四: 4, 周五: 5, 周六: 6,
  星期日: 0, 星期天: 0, 星期一: 1, 星期二: 2, 星期三: 3, 星期四: 4, 星期五: 5, 星期六: 6,
};
const FREQUENCIES: Record<string, 'weekly' | 'daily'> = { weekly: 'weekly', daily: 'daily', 每周: 'weekly', 每天: 'daily', 每日: 'daily' };
const TIME = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i;

const problem = (message: string) => new UserFacingError('digest_args', message, `Usage: ${SUBSCRIBE_USAGE}`);

/**
 * Reads the words after `/digest subscribe` (the channel mention already taken out). Defaults:
 * weekly, Monday, 08:00. The time zone is returned as typed, to be checked with the schedule.
 */
export function parseSubscribeArgs(words: readonly string[]): SubscribeRequest {
  if (words[0]?.toLowerCase() === 'cron') return parseCronForm(words.slice(1));
  let frequency: 'weekly' | 'daily' | undefined;
  let day: number | undefined;
  let time: { h: number; m: number } | undefined;
  const rest: Omit<SubscribeRequest, 'cron'> = {};
  for (const word of words) {
    const lower = word.toLowerCase();
    const clock = TIME.exec(lower);
    if (FREQUENCIES[lower] && !frequency) frequency = FREQUENCIES[lower];
    else if (DAYS[lower] !== undefined && day === undefined) day = DAYS[lower];
    else if (clock && !time) time = clockTime(word, clock);
    else if (!setOption(rest, lower, word)) throw problem(`I did not understand "${word.slice(0, 40)}".`);
  }
  if (frequency === 'daily' && day !== undefined) throw problem('A daily digest has no day of the week; leave the day out or say weekly.');
  const { h, m } = time ?? { h: 8, m: 0 };
  return { cron: `${m} ${h} * * ${frequency === 'daily' ? '*' : (day ?? 1)}`, ...rest };
}

function parseCronForm(words: readonly string[]): SubscribeRequest {
  const joined = words.join(' ');
  const quoted = /^["'“](.+?)["'”]\s*(.*)$/.exec(joined);
  const cronWords = quoted ? quoted[1]!.trim().split(/\s+/) : words.slice(0, 5);
  const after = quoted ? quoted[2]!.split(/\s+/).filter(Boolean) : words.slice(5);
  if (cronWords.length !== 5) throw problem('A cron schedule has five fields: minute hour day-of-month month day-of-week, e.g. "0 8 * * 1".');
  const rest: Omit<SubscribeRequest, 'cron'> = {};
  for (const word of after) if (!setOption(rest, word.toLowerCase(), word)) throw problem(`I did not understand "${word.slice(0, 40)}".`);
  return { cron: cronWords.join(' '), ...rest };
}

function clockTime(word: string, m: RegExpExecArray): { h: number; m: number } {
  let h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  const half = m[3]?.toLowerCase();
  if (half && (h < 1 || h > 12)) throw problem(`"${word}" is not a time of day.`);
  if (half === 'pm' && h < 12) h += 12;
  if (half === 'am' && h === 12) h = 0;
  if (h > 23 || min > 59) throw problem(`"${word}" is not a time of day; use HH:MM, e.g. 08:30.`);
  return { h, m: min };
}

/** Language, audience or time zone; false for a word that is none of them. */
function setOption(into: Omit<SubscribeRequest, 'cron'>, lower: string, word: string): boolean {
  if ((lower === 'en' || lower === 'zh') && !into.language) into.language = lower;
  else if ((lower === 'brokers' || lower === 'mixed') && !into.audience) into.audience = lower;
  else if ((word.includes('/') || /^(utc|gmt)$/.test(lower)) && !into.timeZone) into.timeZone = word;
  else return false;
  return true;
}
