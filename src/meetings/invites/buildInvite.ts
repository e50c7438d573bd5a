import { DateTime } from 'luxon';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Attachment } from '../../messages/reply.js';
import type { Meeting, MeetingParticipant } from '../../../storage/repositories/meetings.js';
import { vtimezone } from './vtimezone.js';

export type InviteMethod = 'request' | 'cancel';

/** A participant's address in the invite: their e-mail, else a stable address that cannot receive mail. */
const inviteAddress = (p: Pick<MeetingParticipant, 'personId' | 'email'>, workspaceId: string) =>
  p.email ?? `person-${p.personId}@${workspaceId.replace(/[^a-z0-9-]/gi, '-').toLowerCase()}.liaison.invalid`;

/**
 * The iCalendar file for one recipient: the meeting in their time zone (with its VTIMEZONE),
 * the broker as ORGANIZER and everyone as ATTENDEE, METHOD:REQUEST for a new or moved meeting
 * (same UID, higher SEQUENCE) and METHOD:CANCEL when it is called off.
 */
export function buildInvite(meeting: Meeting, method: InviteMethod, zone: string, start: Date, end: Date): Attachment {
  const organizer = meeting.participants.find((p) => p.personId === meeting.organizerPersonId) ?? meeting.participants[0]!;
  const calendar = ical({
    prodId: { company: 'Liaison', product: 'meetings', language: 'EN' },
    method: method === 'request' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
    timezone: { name: zone, generator: (tz) => vtimezone(tz, start) },
  });
  const others = meeting.participants.map((p) => p.displayName).join(', ');
  calendar.createEvent({
    id: meeting.icsUid,
    sequence: meeting.sequence,
    // Zoned luxon times: ical-generator then writes DTSTART;TZID=<zone> with the local wall-clock time.
    start: DateTime.fromJSDate(start, { zone }),
    end: DateTime.fromJSDate(end, { zone }),
    timezone: zone,
    stamp: new Date(),
    summary: `Liaison meeting #${meeting.id} (need #${meeting.needId})`,
    description: `Matchmaking meeting brokered by Liaison with ${others}.`,
    location: meeting.location,
    url: /^https?:\/\//.test(meeting.location) ? meeting.location : null,
    status: method === 'request' ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    organizer: { name: organizer.displayName, email: inviteAddress(organizer, meeting.workspaceId) },
    attendees: meeting.participants.map((p) => ({
      name: p.displayName,
      email: inviteAddress(p, meeting.workspaceId),
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: true,
    })),
  });
  return {
    filename: `meeting-${meeting.id}${method === 'cancel' ? '-cancelled' : ''}.ics`,
    contentType: `text/calendar; method=${method === 'request' ? 'REQUEST' : 'CANCEL'}`,
    data: new TextEncoder().encode(calendar.toString()),
    altText: `Calendar ${method === 'request' ? 'invite' : 'cancellation'} for meeting #${meeting.id}`,
  };
}
