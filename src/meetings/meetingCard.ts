import type { Block } from '../messages/reply.js';
import type { Meeting } from '../../storage/repositories/meetings.js';
import { spanInZone } from './scheduling/timeZones.js';

/** Reschedule and Cancel: one button each, on every message about a live meeting. */
export function meetingButtons(meeting: Meeting): Block {
  return {
    type: 'actions',
    elements: [
      { type: 'button', label: meeting.status === 'booked' ? 'Reschedule' : 'Find new times', action: 'meeting.reschedule', value: String(meeting.id) },
      { type: 'button', label: 'Cancel meeting', action: 'meeting.cancel', value: String(meeting.id), style: 'danger' },
    ],
  };
}

/** When, where and with whom, in the reader's zone. */
export function meetingFields(meeting: Meeting, zone: string): Block {
  return {
    type: 'fields',
    fields: [
      { label: 'When', value: meeting.status !== 'proposing' && meeting.startsAt && meeting.endsAt ? spanInZone(meeting.startsAt, meeting.endsAt, zone) : 'not booked yet' },
      { label: 'Where', value: meeting.location },
      { label: 'With', value: meeting.participants.map((p) => `${p.displayName} (${p.role})`).join(', ') },
      { label: 'Status', value: meeting.status },
    ],
  };
}
