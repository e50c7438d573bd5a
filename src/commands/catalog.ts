import type { Services } from '../app/services.js';
import type { ActionHandler, Command } from './types.js';
import { Router, type PlainTextHandler } from './router.js';
import { helpCommand } from './helpCommand.js';
import { statusCommand } from '../status/statusCommand.js';
import { importsCommand } from '../outcomes/importsCommand.js';
import { outcomeCommand } from '../outcomes/outcomeCommand.js';
import { searchCommand } from '../search/searchCommand.js';
import { translateCommand } from '../translate/translateCommand.js';
import { intakePlainText, needsActions, needsCommands } from '../needs/needsCapability.js';
import { meetingsActions, meetingsCommands, meetingsJobs } from '../meetings/meetingsCapability.js';
import type { JobDefinition } from '../jobs/jobQueue.js';
import { digestCommand } from '../digests/digestCommand.js';
import { digestTickJob } from '../digests/digestJob.js';
import { eventsActions, eventsCommands, eventsJobs } from '../events/eventsCapability.js';

/** Every chat command, in the order /help lists them. Each capability adds its own here. */
export function allCommands(): Command[] {
  const commands: Command[] = [];
  commands.push(helpCommand(() => commands), statusCommand);
  commands.push(outcomeCommand);
  commands.push(searchCommand);
  commands.push(translateCommand);
  commands.push(importsCommand);
  commands.push(...needsCommands);
  commands.push(...meetingsCommands);
  commands.push(digestCommand);
  commands.push(...eventsCommands);
  return commands;
}

/** Every button/select handler. Each capability adds its own here. */
export function allActions(): ActionHandler[] {
  return [...needsActions, ...meetingsActions, ...eventsActions];
}

/** Every background job kind (reminders, digest ticks). Each capability adds its own here. */
export function allJobs(): JobDefinition<any>[] {
  return [...meetingsJobs, digestTickJob, ...eventsJobs];
}

/** What plain text that is not a command means (the intake conversation, once it exists). */
export const plainTextHandler: PlainTextHandler | undefined = intakePlainText;

/** The router every adapter talks to, with all commands, actions and the plain-text handler. */
export function createRouter(services: Services): Router {
  return new Router(services, allCommands(), allActions(), plainTextHandler);
}
