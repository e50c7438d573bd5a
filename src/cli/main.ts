import { CliExit, EXIT } from './exitCodes.js';
import { startCommand } from './startCommand.js';

const USAGE = `Usage: liaison <command>

  start        run the bot (console adapter by default)
  help         this text

Settings come from the environment or a .env file; see .env.example.`;

const subcommands: Record<string, (argv: string[]) => Promise<void>> = {
  start: () => startCommand(),
  help: async () => void process.stdout.write(`${USAGE}\n`),
};

async function main(argv: string[]): Promise<void> {
  const [name = 'start', ...rest] = argv;
  const run = subcommands[name];
  if (!run) throw new CliExit(EXIT.usage, `Unknown command "${name}".\n${USAGE}`);
  await run(rest);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof CliExit) {
    process.stderr.write(`${err.message}\n`);
    process.exit(err.exitCode);
  }
  process.stderr.write(`Liaison stopped on an unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(EXIT.failure);
});
