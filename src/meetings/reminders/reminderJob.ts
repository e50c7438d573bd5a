import { z } from 'zod';
import type { JobDefinition } from '../../jobs/jobQueue.js';
import { notifyPerson } from '../../notify/notifyPerson.js';
import { claimReminder, findMeetingById } from '../../../storage/repositories/meetings.js';
import { meetingButtons, meetingFields } from '../meetingCard.js';

export const MEETING_REMINDER_JOB = 'meeting.reminder';

const reminderData = z.object({ meetingId: z.number().int().positive(), startsAt: z.iso.datetime({ offset: true }), leadMinutes: z.number().int().positive() });

const leadText = (minutes: number) =>
  minutes % 1440 === 0 ? `${minutes / 1440} day${minutes === 1440 ? '' : 's'}` : minutes % 60 === 0 ? `${minutes / 60} hour${minutes === 60 ? '' : 's'}` : `${minutes} minutes`;

/**
 * Reminds every participant of a meeting. Fires once: the "sent" row is inserted before any
 * message goes out, so a retried job, or a duplicate in another process, finds it and stops.
 * A reminder for a time the meeting no longer has (moved or cancelled) does nothing.
 */
export const meetingReminderJob: JobDefinition<z.infer<typeof reminderData>> = {
  name: MEETING_REMINDER_JOB,
  schema: reminderData,
  async run(services, { meetingId, startsAt, leadMinutes }) {
    const meeting = await findMeetingById(services.db, meetingId);
    const start = new Date(startsAt);
    if (!meeting || meeting.status !== 'booked' || meeting.startsAt?.getTime() !== start.getTime()) return;
    if (!(await claimReminder(services.db, meetingId, start, leadMinutes))) return;
    for (const p of meeting.participants) {
      await notifyPerson(services, p.personId, {
        blocks: [
          { type: 'header', text: `Reminder: meeting #${meeting.id} starts in ${leadText(leadMinutes)}` },
          meetingFields(meeting, p.timeZone ?? 'UTC'),
          meetingButtons(meeting),
        ],
      });
    }
  },
};
