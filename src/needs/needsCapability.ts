import type { ActionHandler, Command } from '../commands/types.js';
import { needCommand } from './intake/needCommand.js';
import { intakeActions } from './intake/intakeActions.js';
import { matchCommand } from './matching/matchCommand.js';
import { matchActions } from './matching/matchActions.js';
import { needsCommand } from './brokering/needsCommand.js';
import { pipelineCommand } from './brokering/pipelineCommand.js';
import { assignAction, assignCommand } from './brokering/assignCommand.js';
import { noteCommand } from './brokering/noteCommand.js';
import { stageCommand } from './brokering/stageCommand.js';
import { setupCommand } from '../people/setupCommand.js';
import { roleCommand } from '../people/roleCommand.js';
import { forgetConfirmAction, forgetMeCommand } from '../people/forgetMe.js';
import { auditCommand } from '../audit/auditCommand.js';

/** The needs-and-brokering commands, in the order /help lists them. */
export const needsCommands: Command[] = [
  needCommand, needsCommand, matchCommand, assignCommand, noteCommand, stageCommand, pipelineCommand,
  setupCommand, roleCommand, auditCommand, forgetMeCommand,
];

/** Their buttons and selects. */
export const needsActions: ActionHandler[] = [...intakeActions, ...matchActions, assignAction, forgetConfirmAction];

export { intakePlainText } from './intake/intakePlainText.js';
