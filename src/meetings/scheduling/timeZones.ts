import { DateTime, IANAZone } from 'luxon';

/**
 * The canonical IANA name of a time zone typed by a person ("europe/berlin" → "Europe/Berlin"),
 * or undefined when there is no such zone. Fixed offsets ("UTC+2") are refused: they drift
 * from the person's real clock at every daylight-saving change.
 */
export function canonicalZone(text: string): string | undefined {
  const name = text.trim();
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){0,2}$/.test(name)) return undefined;
  if (name.toUpperCase() === 'UTC') return 'UTC';
  if (!name.includes('/') || !IANAZone.isValidZone(name)) return undefined;
  return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
}

/** "UTC+1", "UTC−5", "UTC+8", "UTC+5:30" at that instant in that zone. */
export function offsetLabel(at: Date, zone: string): string {
  const minutes = DateTime.fromJSDate(at, { zone }).offset;
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
}

/**
 * A time span as the person reads it in their own zone: "Mon 26 Oct 2026, 09:00–10:00
 * Europe/Berlin (UTC+1)", or for a button ('short') "Mon 26 Oct, 09:00–10:00 (UTC+1)".
 */
export function spanInZone(start: Date, end: Date, zone: string, style: 'full' | 'short' = 'full'): string {
  const s = DateTime.fromJSDate(start, { zone });
  const e = DateTime.fromJSDate(end, { zone });
  const endText = s.hasSame(e, 'day') ? e.toFormat('HH:mm') : e.toFormat('ccc d LLL HH:mm');
  const startText = s.toFormat(style === 'full' ? 'ccc d LLL yyyy, HH:mm' : 'ccc d LLL, HH:mm');
  return `${startText}–${endText}${style === 'full' ? ` ${zone}` : ''} (${offsetLabel(start, zone)})`;
}
