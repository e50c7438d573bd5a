import type { Command } from '../../src/commands/types.js';
import { LIMITS } from './discordLimits.js';
import { shorten } from './discordText.js';

/** The catch-all command: `/liaison text: search cold storage` is `/search cold storage`. */
export const CATCH_ALL = 'liaison';
/** The one option of every command: what follows the command word. */
export const ARGS_OPTION = 'text';

/** An application command as Discord's bulk-overwrite endpoint takes it (CHAT_INPUT). */
export interface SlashCommandJson {
  name: string;
  type: 1;
  description: string;
  options: {
    type: 3;
    name: string;
    description: string;
    required: boolean;
    autocomplete?: boolean;
    max_length: number;
  }[];
  contexts: number[];
  integration_types: number[];
}

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

/**
 * One slash command per router command (its summary and usage as the descriptions, one
 * `text` option for everything after the command word), plus `/liaison` for any of them.
 * Usable in servers and in the bot's DMs. Commands whose name Discord would refuse are
 * reachable through `/liaison`.
 */
export function slashCommands(commands: readonly Command[], autocompleted: ReadonlySet<string>): SlashCommandJson[] {
  const own = commands
    .filter((c) => NAME.test(c.name) && c.name !== CATCH_ALL)
    .slice(0, LIMITS.commandsPerApp - 1)
    .map((c) => command(c.name, c.summary, `${c.usage}`, autocompleted.has(c.name)));
  return [...own, command(CATCH_ALL, 'Any Liaison command, e.g. "search cold storage" or "help".', 'The command and what follows it, e.g. search cold storage', true)];
}

function command(name: string, summary: string, usage: string, autocomplete: boolean): SlashCommandJson {
  return {
    name,
    type: 1,
    description: shorten(summary, LIMITS.commandDescription) || name,
    options: [
      {
        type: 3,
        name: ARGS_OPTION,
        description: shorten(usage, LIMITS.optionDescription) || 'What follows the command',
        required: false,
        ...(autocomplete ? { autocomplete: true } : {}),
        max_length: 6000,
      },
    ],
    // 0 = in servers, 1 = in the bot's DMs; installed to servers (0) only.
    contexts: [0, 1],
    integration_types: [0],
  };
}

/** The router text for a slash command: `/search` + its text option. */
export function slashToRouterText(commandName: string, text: string | null): string {
  const args = (text ?? '').trim();
  if (commandName === CATCH_ALL) {
    const plain = args.replace(/^[/／]/, '');
    return plain === '' ? '/help' : `/${plain}`;
  }
  return args === '' ? `/${commandName}` : `/${commandName} ${args}`;
}
