import type { Services } from '../app/services.js';
import type { ActionHandler, Command } from './types.js';
import { Router, type PlainTextHandler } from './router.js';
import { helpCommand } from './helpCommand.js';
import { statusCommand } from '../status/statusCommand.js';

/** Every chat command, in the order /help lists them. Each capability adds its own here. */
export function allCommands(): Command[] {
  const commands: Command[] = [];
  commands.push(helpCommand(() => commands), statusCommand);
  return commands;
}

/** Every button/select handler. Each capability adds its own here. */
export function allActions(): ActionHandler[] {
  return [];
}

/** What plain text that is not a command means (the intake conversation, once it exists). */
export const plainTextHandler: PlainTextHandler | undefined = undefined;

/** The router every adapter talks to, with all commands, actions and the plain-text handler. */
export function createRouter(services: Services): Router {
  return new Router(services, allCommands(), allActions(), plainTextHandler);
}
