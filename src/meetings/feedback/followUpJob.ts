import { z } from 'zod';
import type { JobDefinition } from '../../jobs/jobQueue.js';
import type { Reply } from '../../messages/reply.js';
import { notifyPerson } from '../../notify/notifyPerson.js';
import { claimMeetingJob, findMeetingById, type Meeting } from '../../../storage/repositories/meetings.js';
import { NEXT_STEPS } from '../../../storage/repositories/meetingFeedback.js';

export const MEETING_FOLLOW_UP_JOB = 'meeting.follow-up';
export const FEEDBACK_FORM = 'meeting.feedback';

const followUpData = z.object({ meetingId: z.number().int().positive(), startsAt: z.iso.datetime({ offset: true }) });

const STEP_LABELS: Record<(typeof NEXT_STEPS)[number], string> = {
  none: 'None', another_meeting: 'Another meeting', proposal: 'A proposal', pilot_test: 'A pilot test', contract: 'A contract',
};

/** The feedback form for one meeting (a modal on Slack and Discord; a /feedback line in the console). */
function feedbackRequest(meeting: Meeting): Reply {
  return {
    blocks: [
      { type: 'header', text: `How did meeting #${meeting.id} go?` },
      { type: 'text', text: `With ${meeting.participants.map((p) => p.displayName).join(', ')}. Your answer helps the broker follow up, and improves future matches.` },
      {
        type: 'form', id: FEEDBACK_FORM, title: `Feedback on meeting #${meeting.id}`, submitLabel: 'Send', inputs: [
          { id: 'meeting', label: 'Meeting', kind: 'select', required: true, options: [{ label: `#${meeting.id}`, value: String(meeting.id) }] },
          { id: 'happened', label: 'Did the meeting happen?', kind: 'select', required: true, options: [{ label: 'Yes', value: 'yes' }, { label: 'No', value: 'no' }] },
          { id: 'usefulness', label: 'How useful was it? (1 = not at all, 5 = very)', kind: 'select', options: ['1', '2', '3', '4', '5'].map((v) => ({ label: v, value: v })) },
          { id: 'next_step', label: 'Next step', kind: 'select', required: true, options: NEXT_STEPS.map((s) => ({ label: STEP_LABELS[s], value: s })) },
          { id: 'comment', label: 'Anything else?', kind: 'paragraph', maxLength: 2000 },
        ],
      },
      { type: 'context', text: `Or type: /feedback ${meeting.id} <yes|no> <1-5> <${NEXT_STEPS.join('|')}> [comment]` },
    ],
  };
}

/** When a meeting ends, each of the three parties is asked for feedback, once (unless it was moved or cancelled). */
export const meetingFollowUpJob: JobDefinition<z.infer<typeof followUpData>> = {
  name: MEETING_FOLLOW_UP_JOB,
  schema: followUpData,
  async run(services, { meetingId, startsAt }) {
    const meeting = await findMeetingById(services.db, meetingId);
    if (!meeting || meeting.status !== 'booked' || meeting.startsAt?.getTime() !== new Date(startsAt).getTime()) return;
    if (!(await claimMeetingJob(services.db, meetingId, MEETING_FOLLOW_UP_JOB))) return;
    for (const p of meeting.participants) await notifyPerson(services, p.personId, feedbackRequest(meeting));
  },
};
