import type { Services } from '../../app/services.js';
import type { Reply } from '../../messages/reply.js';
import { notifyPerson } from '../../notify/notifyPerson.js';
import { markInvited, type Meeting } from '../../../storage/repositories/meetings.js';
import { meetingButtons, meetingFields } from '../meetingCard.js';
import { buildInvite, type InviteMethod } from './buildInvite.js';

/**
 * Sends each participant the meeting's .ics in their own time zone, in a direct message: a
 * REQUEST when it is booked or moved, a CANCEL (for the last booked time) when it is called off.
 */
export async function sendInvites(services: Services, meeting: Meeting, method: InviteMethod, at: { start: Date; end: Date }): Promise<void> {
  for (const p of meeting.participants) {
    const zone = p.timeZone ?? 'UTC';
    const reply: Reply = {
      blocks: [
        { type: 'header', text: method === 'cancel' ? `Meeting #${meeting.id} is cancelled` : meeting.sequence > 0 ? `Meeting #${meeting.id} has a new time` : `Meeting #${meeting.id} is booked` },
        meetingFields({ ...meeting, startsAt: at.start, endsAt: at.end }, zone),
        { type: 'context', text: method === 'cancel' ? 'Open the attached file to remove it from your calendar.' : 'Open the attached invite to add it to your calendar.' },
        ...(method === 'cancel' ? [] : [meetingButtons(meeting)]),
      ],
      attachments: [buildInvite(meeting, method, zone, at.start, at.end)],
    };
    await notifyPerson(services, p.personId, reply);
  }
  if (method === 'request') await markInvited(services.db, meeting.id);
}
