import { CliExit, EXIT } from './exitCodes.js';
import { startCommand } from './startCommand.js';
import { ingestCommand } from './ingestCommand.js';

const USAGE = `Usage: liaison <command>

  start        run the bot (console adapter by default)
  ingest FILE  import outcomes from JSON Lines, CSV or a BEIR corpus (see liaison ingest --help)
  verdicts export [--out FILE]  brokers' match verdicts as BEIR qrels
  bench NAME   run a benchmark (liaison bench slack --concurrency 50; liaison bench all)
  search TEXT  search outcomes from the command line (liaison search --help)
  translate TEXT  show the research brief of a need, optionally searched (liaison translate --help)
  eval         measure search on a BEIR data set (liaison eval --help)
  discord register [--guild ID]  register the Discord slash commands (liaison discord help)
  embeddings   status, refresh, refit or switch the search embeddings model
  report       write the digest of a period to files (liaison report --help)
  help         this text

Settings come from the environment or a .env file; see .env.example.`;

const printUsage = async () => void process.stdout.write(`${USAGE}\n`);

const subcommands: Record<string, (argv: string[]) => Promise<void>> = {
  start: () => startCommand(),
  ingest: (argv) => ingestCommand(argv),
  verdicts: async (argv) => (await import('./verdictsCommand.js')).verdictsCommand(argv),
  bench: async (argv) => (await import('./benchRegistry.js')).benchCommand(argv),
  search: async (argv) => (await import('./searchCommand.js')).searchCommand(argv),
  translate: async (argv) => (await import('./translateCommand.js')).translateCommand(argv),
  eval: async (argv) => (await import('./evalCommand.js')).evalCommand(argv),
  discord: async (argv) => (await import('../../adapters/discord/discordCli.js')).discordCommand(argv),
  embeddings: async (argv) => (await import('./embeddingsCommand.js')).embeddingsCommand(argv),
  report: async (argv) => (await import('./reportCommand.js')).reportCommand(argv),
  help: printUsage,
  '--help': printUsage,
  '-h': printUsage,
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
