import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { EventRecord } from '../../storage/repositories/events.js';
import type { Attachment } from '../messages/reply.js';
import { vtimezone } from '../meetings/invites/vtimezone.js';
import { slotStart } from './eventTimes.js';

export interface AgendaItem {
  requestId: number;
  slot: number;
  table: number;
  /** Who the meeting is with, e.g. "Carol" or "Rita (team of “Graphene coating”)". */
  withWhom: string;
}

/** The calendar entry of one meeting keeps this UID through every reschedule. */
export const agendaUid = (event: EventRecord, requestId: number) => `liaison-event-${event.id}-request-${requestId}`;

/**
 * A participant's agenda as an iCalendar file (METHOD:PUBLISH): one entry per meeting, with a
 * stable UID and the schedule version as SEQUENCE, so calendar apps move entries in place on a
 * reschedule; meetings dropped since the last agenda come as CANCELLED entries.
 */
export function agendaCalendar(event: EventRecord, meetings: AgendaItem[], cancelled: AgendaItem[]): Attachment {
  // ical-generator writes times "in UTC" as floating ones: UTC events get plain UTC times (…Z) instead.
  const zone = event.timeZone === 'UTC' ? null : event.timeZone;
  const calendar = ical({
    name: event.name,
    prodId: { company: 'Liaison', product: 'Brokerage events' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: zone && { name: zone, generator: (tz) => vtimezone(tz, event.startsAt) },
  });
  const entry = (m: AgendaItem, status: ICalEventStatus) => calendar.createEvent({
    id: agendaUid(event, m.requestId),
    // Zoned luxon times: written as DTSTART;TZID=<zone> with the local wall-clock time.
    start: slotStart(event, m.slot),
    end: slotStart(event, m.slot + 1),
    timezone: zone,
    summary: `${event.name}: meeting with ${m.withWhom}`,
    location: `${event.name}, table ${m.table + 1}`,
    sequence: event.scheduleVersion,
    status,
  });
  for (const m of meetings) entry(m, ICalEventStatus.CONFIRMED);
  for (const m of cancelled) entry(m, ICalEventStatus.CANCELLED);
  return {
    filename: `event-${event.id}-agenda.ics`,
    contentType: 'text/calendar; method=PUBLISH',
    data: new TextEncoder().encode(calendar.toString()),
    altText: `Your ${meetings.length} meeting(s) at ${event.name}`,
  };
}
