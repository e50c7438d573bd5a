import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { buildInvite } from '../../src/meetings/invites/buildInvite.js';
import type { Meeting } from '../../storage/repositories/meetings.js';

const meeting = (over: Partial<Meeting> = {}): Meeting => ({
  id: 7, workspaceId: 'console', introId: 3, needId: 12, organizerPersonId: 1, status: 'booked',
  durationMinutes: 45, icsUid: '2b0c7d1e-8a51-4b7e-9a43-0f4f3c7f1a10@liaison', sequence: 0, invited: false,
  location: 'https://meet.jit.si/liaison-2b0c7d1e', startsAt: undefined, endsAt: undefined,
  participants: [
    { personId: 2, displayName: 'Carol', role: 'enterprise', email: 'carol@acme.example', timeZone: 'Asia/Shanghai' },
    { personId: 3, displayName: 'Rita', role: 'researcher', timeZone: 'America/New_York' },
    { personId: 1, displayName: 'Bob', role: 'broker', email: 'bob@broker.example', timeZone: 'Europe/Berlin' },
  ],
  ...over,
});

/** Parses the file with ical.js (an independent parser), registering its VTIMEZONE. */
function parse(data: Uint8Array) {
  const text = new TextDecoder().decode(data);
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { text, calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('calendar invites (.ics)', () => {
  it('carries method, UID, sequence, organizer, attendees, location and the time in the recipient’s zone', () => {
    const start = new Date('2026-10-26T08:00:00Z'); // Monday after Berlin's change: 09:00 CET
    const end = new Date('2026-10-26T08:45:00Z');
    const file = buildInvite(meeting(), 'request', 'Europe/Berlin', start, end);
    expect(file.filename).toBe('meeting-7.ics');
    expect(file.contentType).toBe('text/calendar; method=REQUEST');
    const { calendar, vevent, event } = parse(file.data);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe('2b0c7d1e-8a51-4b7e-9a43-0f4f3c7f1a10@liaison');
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe('Liaison meeting #7 (need #12)');
    expect(event.location).toBe('https://meet.jit.si/liaison-2b0c7d1e');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.startDate.zone?.tzid).toBe('Europe/Berlin');
    expect([event.startDate.hour, event.startDate.minute]).toEqual([9, 0]);
    expect(event.startDate.toJSDate().toISOString()).toBe(start.toISOString());
    expect(event.endDate.toJSDate().toISOString()).toBe(end.toISOString());

    const organizer = vevent.getFirstProperty('organizer')!;
    expect(String(organizer.getFirstValue()).toLowerCase()).toBe('mailto:bob@broker.example');
    expect(organizer.getParameter('cn')).toBe('Bob');
    const attendees = vevent.getAllProperties('attendee').map((a) => ({
      address: String(a.getFirstValue()).replace(/^mailto:/i, 'mailto:'), name: a.getParameter('cn'), role: a.getParameter('role'), rsvp: a.getParameter('rsvp'),
    }));
    expect(attendees).toEqual([
      { address: 'mailto:carol@acme.example', name: 'Carol', role: 'REQ-PARTICIPANT', rsvp: 'TRUE' },
      // Without an e-mail address, a stable address that cannot receive mail.
      { address: 'mailto:person-3@console.liaison.invalid', name: 'Rita', role: 'REQ-PARTICIPANT', rsvp: 'TRUE' },
      { address: 'mailto:bob@broker.example', name: 'Bob', role: 'REQ-PARTICIPANT', rsvp: 'TRUE' },
    ]);
  });

  it('reads right in New York across the March change and in Shanghai', () => {
    const start = new Date('2026-03-09T13:00:00Z'); // 09:00 EDT, the day after the change
    const ny = parse(buildInvite(meeting(), 'request', 'America/New_York', start, new Date('2026-03-09T13:45:00Z')).data).event;
    expect([ny.startDate.zone?.tzid, ny.startDate.hour]).toEqual(['America/New_York', 9]);
    expect(ny.startDate.toJSDate().toISOString()).toBe(start.toISOString());
    const earlier = new Date('2026-03-06T14:00:00Z'); // 09:00 EST, before the change
    expect(parse(buildInvite(meeting(), 'request', 'America/New_York', earlier, new Date('2026-03-06T14:45:00Z')).data).event.startDate.hour).toBe(9);
    const sh = parse(buildInvite(meeting(), 'request', 'Asia/Shanghai', start, new Date('2026-03-09T13:45:00Z')).data).event;
    expect([sh.startDate.zone?.tzid, sh.startDate.hour]).toEqual(['Asia/Shanghai', 21]);
    expect(sh.startDate.toJSDate().toISOString()).toBe(start.toISOString());
  });

  it('updates keep the UID with a higher SEQUENCE; a cancellation is METHOD:CANCEL', () => {
    const start = new Date('2026-12-01T13:00:00Z');
    const end = new Date('2026-12-01T13:45:00Z');
    const moved = parse(buildInvite(meeting({ sequence: 1 }), 'request', 'UTC', start, end).data);
    expect([moved.calendar.getFirstPropertyValue('method'), moved.event.uid, moved.event.sequence]).toEqual(['REQUEST', meeting().icsUid, 1]);
    const file = buildInvite(meeting({ sequence: 2, status: 'cancelled' }), 'cancel', 'UTC', start, end);
    expect(file.contentType).toBe('text/calendar; method=CANCEL');
    const cancelled = parse(file.data);
    expect(cancelled.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancelled.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect([cancelled.event.uid, cancelled.event.sequence]).toEqual([meeting().icsUid, 2]);
  });
});
