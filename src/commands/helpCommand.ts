import { errorReply, reply } from '../messages/reply.js';
import type { Command } from './types.js';
import { closest } from './didYouMean.js';

/** `/help [command]`: the list of commands, built from each command's own summary and usage. */
export function helpCommand(all: () => readonly Command[]): Command {
  return {
    name: 'help',
    summary: 'List the commands, or explain one: /help search',
    usage: '/help [command]',
    plainWord: true,
    async run({ args }) {
      const commands = all();
      const wanted = args.replace(/^[/／]/, '').toLowerCase();
      if (wanted) {
        const c = commands.find((x) => x.name === wanted);
        if (!c) {
          const guess = closest(wanted, commands.map((x) => x.name));
          return errorReply(`There is no command /${wanted.slice(0, 40)}.${guess ? ` Did you mean /${guess}?` : ''}`, 'Type /help for the list.');
        }
        return reply({ type: 'header', text: `/${c.name}` }, { type: 'text', text: c.summary }, { type: 'context', text: `Usage: ${c.usage}` });
      }
      return {
        visibility: 'private',
        blocks: [
          { type: 'header', text: 'Liaison commands' },
          { type: 'list', items: commands.map((c) => `${c.usage} — ${c.summary}`) },
          { type: 'context', text: 'Commands start with /. "help" and "status" also work without it.' },
        ],
      };
    },
  };
}
