import type { Queryable } from '../../storage/db.js';
import { setTimeZoneIfUnset } from '../../storage/repositories/people.js';

/** True for a time zone name this runtime knows (IANA, e.g. Europe/Berlin). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length <= 64;
  } catch {
    return false;
  }
}

/**
 * Takes the time zone from the person's platform profile when they have none yet; a zone the
 * person set themselves (`/timezone`) is never overwritten, an unknown name is ignored.
 */
export async function adoptProfileTimeZone(db: Queryable, personId: number, zone: string): Promise<void> {
  if (isKnownTimeZone(zone)) await setTimeZoneIfUnset(db, personId, zone);
}
