import type { Command } from './types.js';
import { helpCommand } from './helpCommand.js';
import { statusCommand } from '../status/statusCommand.js';

/** Every chat command, in the order /help lists them. Each capability adds its own here. */
export function allCommands(): Command[] {
  const commands: Command[] = [];
  commands.push(helpCommand(() => commands), statusCommand);
  return commands;
}
