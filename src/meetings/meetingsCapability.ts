import type { ActionHandler, Command } from '../commands/types.js';
import type { JobDefinition } from '../jobs/jobQueue.js';
import { introCommand } from './intros/introCommand.js';
import { answerIntroAs } from './intros/answerIntro.js';
import { introFollowUpJob } from './intros/introFollowUp.js';
import { timezoneCommand } from './scheduling/timezoneCommand.js';
import { hoursCommand } from './scheduling/hoursCommand.js';
import { availabilityCommand } from './scheduling/availabilityCommand.js';
import { meetingsCommand } from './scheduling/meetingsCommand.js';
import { pickSlotAs } from './scheduling/pickSlot.js';
import { cancelMeeting, rescheduleMeeting } from './scheduling/changeMeeting.js';
import { feedbackCommand } from './feedback/feedbackCommand.js';
import { recordFeedbackAs } from './feedback/recordFeedback.js';
import { meetingReminderJob } from './reminders/reminderJob.js';
import { FEEDBACK_FORM, meetingFollowUpJob } from './feedback/followUpJob.js';

/** The meetings commands, in the order /help lists them. */
export const meetingsCommands: Command[] = [introCommand, meetingsCommand, timezoneCommand, hoursCommand, availabilityCommand, feedbackCommand];

/** Their buttons and forms. */
export const meetingsActions: ActionHandler[] = [
  { action: 'intro.accept', run: (req) => answerIntroAs(req, req.value ?? '', 'accepted') },
  { action: 'intro.decline', run: (req) => answerIntroAs(req, req.value ?? '', 'declined') },
  { action: 'slot.pick', run: (req) => pickSlotAs(req, req.value) },
  { action: 'meeting.reschedule', run: (req) => rescheduleMeeting(req, req.value) },
  { action: 'meeting.cancel', run: (req) => cancelMeeting(req, req.value) },
  // The feedback form, submitted: the meeting is one of its inputs.
  { action: FEEDBACK_FORM, run: (req) => recordFeedbackAs(req, req.values?.meeting ?? '', req.values ?? {}) },
];

/** Their background jobs: the intro nudge, reminders, the after-meeting feedback request. */
export const meetingsJobs: JobDefinition<any>[] = [introFollowUpJob, meetingReminderJob, meetingFollowUpJob];
