import { DateTime } from 'luxon';
import { z } from 'zod';
import { checkTimeZone } from '../digests/schedule.js';
import { UserFacingError } from '../errors.js';

export const REPORT_FORMATS = ['md', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A checked `liaison report` request. */
export interface ReportRequest {
  from: Date;
  to: Date;
  format: ReportFormat;
  outDir: string;
  language: 'en' | 'zh';
  audience: 'brokers' | 'mixed';
  timeZone: string;
  workspace?: string;
}

const rawSchema = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  format: z.enum(REPORT_FORMATS, { message: '--format must be md, csv or json' }).default('md'),
  out: z.string().min(1, { message: '--out must name a folder' }).default('report'),
  language: z.enum(['en', 'zh'], { message: '--language must be en or zh' }).default('en'),
  audience: z.enum(['brokers', 'mixed'], { message: '--audience must be brokers or mixed' }).default('mixed'),
  tz: z.string().default('UTC'),
  workspace: z.string().min(1).optional(),
});

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads the flags: dates as YYYY-MM-DD (a whole day in --tz; --to includes that day) or ISO
 * date-times; by default the seven days up to `now`. Throws a UserFacingError for bad input.
 */
export function parseReportArgs(values: Record<string, unknown>, now: Date): ReportRequest {
  const parsed = rawSchema.safeParse(values);
  if (!parsed.success) throw new UserFacingError('report_args', parsed.error.issues.map((i) => i.message).join('; '));
  const v = parsed.data;
  const timeZone = checkTimeZone(v.tz);
  const to = v.to === undefined ? now : parseWhen('--to', v.to, timeZone, true);
  const from = v.from === undefined ? new Date(to.getTime() - 7 * 86_400_000) : parseWhen('--from', v.from, timeZone, false);
  if (from >= to) throw new UserFacingError('report_args', `--from (${from.toISOString()}) must be before --to (${to.toISOString()}).`);
  return { from, to, format: v.format, outDir: v.out, language: v.language, audience: v.audience, timeZone, workspace: v.workspace };
}

function parseWhen(flag: string, text: string, zone: string, endOfDay: boolean): Date {
  const dateOnly = DATE_ONLY.test(text);
  const when = dateOnly ? DateTime.fromISO(text, { zone }) : DateTime.fromISO(text, { zone, setZone: true });
  if (!when.isValid) {
    throw new UserFacingError('report_args', `${flag} "${text.slice(0, 40)}" is not a date.`, 'Use YYYY-MM-DD (e.g. 2026-11-16) or an ISO date-time (e.g. 2026-11-16T08:00:00Z).');
  }
  return (dateOnly && endOfDay ? when.plus({ days: 1 }) : when).toJSDate();
}
