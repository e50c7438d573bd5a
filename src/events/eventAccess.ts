import type { Services } from '../app/services.js';
import { UserFacingError } from '../errors.js';
import type { Person } from '../../storage/repositories/people.js';
import { findPeopleByName } from '../../storage/repositories/personRoles.js';
import { findOutcome, findOutcomeById } from '../../storage/repositories/outcomes.js';
import { findEvent, type EventRecord } from '../../storage/repositories/events.js';
import { viewerOf, requireBroker } from '../needs/needAccess.js';

/** "12", "#12" or "E12" → 12. */
export function parseEventNumber(text: string): number | undefined {
  const m = /^(?:#|e)?(\d{1,15})$/i.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}

/** An event of the person's workspace, or a friendly "not found". */
export async function loadEvent(services: Services, person: Person, idText: string | undefined): Promise<EventRecord> {
  const id = parseEventNumber(idText ?? '');
  const event = id === undefined ? undefined : await findEvent(services.db, person.workspaceId, id);
  if (!event) {
    throw new UserFacingError('event_not_found', `I could not find event ${(idText ?? '').slice(0, 30) || '(none given)'}.`, 'Type /event to list the upcoming events.');
  }
  return event;
}

/** Refuses changes to an event that has ended. */
export function requireNotOver(event: EventRecord, now: Date): void {
  if (event.startsAt.getTime() + event.slots * event.slotMinutes * 60_000 <= now.getTime()) {
    throw new UserFacingError('event_over', `Event #${event.id} is over.`);
  }
}

/** Stops anyone but brokers and admins (roles read fresh). */
export async function requireEventBroker(services: Services, person: Person, what: string): Promise<void> {
  requireBroker(await viewerOf(services, person), what);
}

/** A platform mention ("<@U123|bob>", "<@!123>") or "@bob" / "@Bob Smith" → "U123" / "123" / the name; else undefined. */
export function mentionedName(text: string): string | undefined {
  const m = /^(?:<@!?([^>|\s]+)(?:\|[^>]*)?>|@(\S.*))$/.exec(text.trim());
  return m?.[1] ?? m?.[2];
}

/** The one person of the workspace called `name`, or a friendly error. */
export async function personNamed(services: Services, workspaceId: string, name: string): Promise<{ id: number; displayName: string }> {
  const found = await findPeopleByName(services.db, workspaceId, name);
  if (found.length === 0) throw new UserFacingError('person_not_found', `I do not know anyone called ${name.slice(0, 40)} here.`, 'They need to send me a message first.');
  if (found.length > 1) throw new UserFacingError('person_ambiguous', `Several people are called ${name.slice(0, 40)}.`, 'Use their platform user id instead.');
  return found[0]!;
}

/** An outcome by "#number" or source id, or a friendly error. */
export async function outcomeNamed(services: Services, text: string): Promise<{ id: number; title: string }> {
  const byNumber = /^#(\d{1,15})$/.exec(text);
  const outcome = byNumber ? await findOutcomeById(services.db, Number(byNumber[1])) : await findOutcome(services.db, text);
  if (!outcome) throw new UserFacingError('outcome_not_found', `There is no outcome "${text.slice(0, 80)}".`, 'Give its source id or #number, as /outcome shows.');
  return outcome;
}
