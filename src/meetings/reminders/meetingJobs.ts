import type { Services } from '../../app/services.js';
import { recordMeetingJob, takeMeetingJobs, type Meeting } from '../../../storage/repositories/meetings.js';
import { MEETING_REMINDER_JOB } from './reminderJob.js';
import { MEETING_FOLLOW_UP_JOB } from '../feedback/followUpJob.js';

/**
 * Queues a booked meeting's reminders (MEETING_REMINDERS before the start) and its follow-up
 * (at the end). Each job is keyed by meeting, start and lead, so a second process queuing the
 * same booking adds nothing; the ids are kept so a cancel or reschedule can withdraw them.
 */
export async function scheduleMeetingJobs(services: Services, meeting: Meeting): Promise<void> {
  const { jobs } = services;
  if (!jobs || !meeting.startsAt || !meeting.endsAt) {
    services.log.warn({ meeting: meeting.id }, 'no job queue in this process; meeting reminders not queued');
    return;
  }
  const startsAt = meeting.startsAt.toISOString();
  const now = services.now().getTime();
  for (const leadMinutes of services.config.MEETING_REMINDERS) {
    const at = new Date(meeting.startsAt.getTime() - leadMinutes * 60_000);
    if (at.getTime() <= now) continue;
    const id = await jobs.send(MEETING_REMINDER_JOB, { meetingId: meeting.id, startsAt, leadMinutes }, { at, key: `meeting:${meeting.id}:${startsAt}:${leadMinutes}` });
    if (id) await recordMeetingJob(services.db, meeting.id, MEETING_REMINDER_JOB, id);
  }
  const followUp = await jobs.send(MEETING_FOLLOW_UP_JOB, { meetingId: meeting.id, startsAt }, { at: meeting.endsAt, key: `meeting:${meeting.id}:${startsAt}:follow-up` });
  if (followUp) await recordMeetingJob(services.db, meeting.id, MEETING_FOLLOW_UP_JOB, followUp);
}

/** Withdraws every queued job of a meeting (it was cancelled or is being moved). */
export async function withdrawMeetingJobs(services: Services, meetingId: number): Promise<void> {
  for (const job of await takeMeetingJobs(services.db, meetingId)) await services.jobs?.cancel(job.jobName, job.jobId);
}
