import type { ActionHandler, Command } from '../commands/types.js';
import type { JobDefinition } from '../jobs/jobQueue.js';
import { eventCommand } from './eventCommand.js';
import { acceptRequestAction, declineRequestAction } from './answerRequest.js';
import { eventScheduleJob } from './eventScheduleJob.js';

/** Brokerage events: the /event command, the accept/decline buttons, the deadline job. */
export const eventsCommands: Command[] = [eventCommand];
export const eventsActions: ActionHandler[] = [acceptRequestAction, declineRequestAction];
export const eventsJobs: JobDefinition<any>[] = [eventScheduleJob];
