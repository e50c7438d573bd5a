import type { Services } from '../../app/services.js';
import type { Meeting } from '../../../storage/repositories/meetings.js';
import { sendInvites } from '../invites/sendInvites.js';
import { scheduleMeetingJobs } from '../reminders/meetingJobs.js';

/** After a booking commits: invites to everyone, then the reminders and the follow-up queued. */
export async function meetingBooked(services: Services, meeting: Meeting): Promise<void> {
  await sendInvites(services, meeting, 'request', { start: meeting.startsAt!, end: meeting.endsAt! });
  await scheduleMeetingJobs(services, meeting);
}
