import type { CommandRequest } from '../commands/types.js';
import { UserFacingError } from '../errors.js';
import { reply, type Reply } from '../messages/reply.js';
import { findProfile } from '../../storage/repositories/personRoles.js';
import { insertEvent } from '../../storage/repositories/events.js';
import { recordAudit } from '../../storage/repositories/auditLog.js';
import { requireEventBroker } from './eventAccess.js';
import { checkTimeZone, eventDay, eventHours, localTime } from './eventTimes.js';
import { EVENT_SCHEDULE_JOB } from './eventScheduleJob.js';

export const CREATE_USAGE = '/event create <name> <YYYY-MM-DD> <HH:MM-HH:MM> <15|20|30> <tables> [time zone]';
/** Requests close, and the agenda is scheduled, this long before the start. */
const DEADLINE_BEFORE_MS = 60 * 60 * 1000;
const MAX_TABLES = 10_000;

const usage = (message: string) => new UserFacingError('bad_event', message, `Usage: ${CREATE_USAGE}, e.g. /event create Battery Day 2026-12-03 09:00-17:00 20 12 Europe/Berlin`);

/** Reads the arguments from the right: [time zone], tables, slot minutes, time range, date; the rest is the name. */
function parseCreate(args: string): { name: string; date: string; range: string; slotMinutes: 15 | 20 | 30; tables: number; zone?: string } {
  const words = args.split(/\s+/).filter(Boolean);
  const zone = words.length > 0 && !/^\d+$/.test(words.at(-1)!) ? words.pop() : undefined;
  const [tablesText, minutesText, range, date] = [words.pop(), words.pop(), words.pop(), words.pop()];
  const name = words.join(' ').slice(0, 200);
  if (!name || !date || !range || !minutesText || !tablesText) throw usage('I need a name, a date, a time range, the slot length and the number of tables.');
  const slotMinutes = Number(minutesText) as 15 | 20 | 30;
  if (![15, 20, 30].includes(slotMinutes)) throw usage(`Slots last 15, 20 or 30 minutes, not ${minutesText.slice(0, 10)}.`);
  const tables = Number(tablesText);
  if (!Number.isInteger(tables) || tables < 1) throw usage('An event needs at least one table.');
  if (tables > MAX_TABLES) throw usage(`${tables} tables is more than I can arrange (at most ${MAX_TABLES}).`);
  return { name, date, range, slotMinutes, tables, zone };
}

/** `/event create …`: a broker opens a matchmaking day; the agenda is scheduled an hour before it starts. */
export async function createEvent(req: CommandRequest): Promise<Reply> {
  const { services, person } = req;
  await requireEventBroker(services, person, 'create events');
  const args = parseCreate(req.args);
  const zone = checkTimeZone(args.zone ?? (await findProfile(services.db, person.id))?.timeZone ?? 'UTC');
  const now = services.now();
  const day = eventDay(args.date, args.range, args.slotMinutes, zone, now);
  const early = day.startsAt.getTime() - DEADLINE_BEFORE_MS;
  const deadline = new Date(early > now.getTime() ? early : day.startsAt.getTime());
  const event = await insertEvent(services.db, {
    workspaceId: person.workspaceId, name: args.name, organiserPersonId: person.id, timeZone: zone,
    startsAt: day.startsAt, slotMinutes: args.slotMinutes, slots: day.slots, tables: args.tables, deadline,
  });
  await recordAudit(services.db, { workspaceId: person.workspaceId, personId: person.id, action: 'create', subjectType: 'event', subjectId: event.id });
  await services.jobs?.send(EVENT_SCHEDULE_JOB, { eventId: event.id }, { at: deadline, key: `event-schedule:${event.id}` });
  return reply(
    { type: 'header', text: `Event #${event.id}: ${event.name}` },
    { type: 'fields', fields: [
      { label: 'When', value: eventHours(event) },
      { label: 'Slots', value: `${event.slots} of ${event.slotMinutes} minutes` },
      { label: 'Tables', value: String(event.tables) },
      { label: 'Agenda scheduled', value: `${localTime(event, deadline)}, or earlier with /event schedule ${event.id}` },
    ] },
    { type: 'context', text: `Participants join with /event join ${event.id} [HH:MM-HH:MM], then ask for meetings with /event request ${event.id} @person or an outcome id.${args.zone ? '' : ` Times are in ${zone}; add a time zone at the end to choose another.`}` },
  );
}
