import { allCommands } from '../../src/commands/catalog.js';
import { readConfig } from '../../src/cli/bootstrap.js';
import { CliExit, EXIT } from '../../src/cli/exitCodes.js';
import { discordSettings } from './discordAdapter.js';
import { codeOf } from './delivery.js';
import { inviteUrl, registerCommands } from './registerCommands.js';

const USAGE = `Usage: liaison discord <command>

  register [--guild ID]  register Liaison's slash commands (globally, or in one server at once)
  invite                 print the URL that adds the bot to a server

Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (see adapters/discord/README.md).`;

/** `liaison discord register [--guild ID]` and `liaison discord invite`. */
export async function discordCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === 'help' || sub === '--help') return void process.stdout.write(`${USAGE}\n`);
  if (sub !== 'register' && sub !== 'invite') throw new CliExit(EXIT.usage, `Unknown discord command "${sub}".\n${USAGE}`);
  const settings = discordSettings(readConfig());
  if (!settings) throw new CliExit(EXIT.config, 'Set DISCORD_TOKEN and DISCORD_APPLICATION_ID first (see .env.example).');
  if (sub === 'invite') return void process.stdout.write(`${inviteUrl(settings.applicationId)}\n`);
  const guildId = readGuild(rest);
  try {
    const body = await registerCommands(settings, allCommands(), guildId ? { guildId } : {});
    const where = guildId ? `in server ${guildId} (available now)` : 'globally (Discord may take a few minutes to show them everywhere)';
    process.stdout.write(`Registered ${body.length} slash commands ${where}: ${body.map((c) => `/${c.name}`).join(' ')}\n`);
  } catch (err) {
    const code = codeOf(err);
    throw new CliExit(EXIT.unavailable, `Discord refused the commands${code ? ` (code ${code})` : ''}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function readGuild(argv: string[]): string | undefined {
  if (argv.length === 0) return undefined;
  const [flag, id, ...extra] = argv;
  const inline = flag?.startsWith('--guild=') ? flag.slice('--guild='.length) : undefined;
  const guild = inline ?? (flag === '--guild' ? id : undefined);
  if (!guild || !/^\d{17,20}$/.test(guild) || (inline ? id !== undefined : extra.length > 0)) {
    throw new CliExit(EXIT.usage, `Expected --guild followed by a server id (a snowflake).\n${USAGE}`);
  }
  return guild;
}
