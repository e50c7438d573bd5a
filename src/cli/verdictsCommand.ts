import { writeFile } from 'node:fs/promises';
import { exportVerdictQrels } from '../needs/verdicts/exportVerdictQrels.js';
import { connectServices, readConfig } from './bootstrap.js';
import { CliExit, EXIT } from './exitCodes.js';
import { parseCliArgs } from './cliArgs.js';

const USAGE = `Usage: liaison verdicts export [--out FILE]

Writes brokers' shortlist/dismiss verdicts as BEIR qrels (query-id, corpus-id, score; tab
separated): query ids are need-<number>, corpus ids outcome source ids, 1 = shortlisted,
0 = dismissed. Without --out the lines go to standard output.`;

/** `liaison verdicts export [--out FILE]`: brokers' verdicts as extra relevance judgments. */
export async function verdictsCommand(argv: string[]): Promise<void> {
  const parsed = parseCliArgs(argv, { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, USAGE);
  if (parsed.values.help) return void process.stdout.write(`${USAGE}\n`);
  if (parsed.positionals[0] !== 'export' || parsed.positionals.length > 1) throw new CliExit(EXIT.usage, USAGE);
  const services = await connectServices(readConfig(), []);
  try {
    const text = `${(await exportVerdictQrels(services.db)).join('\n')}\n`;
    if (parsed.values.out) {
      await writeFile(parsed.values.out, text, 'utf8');
      process.stderr.write(`Wrote ${text.split('\n').length - 2} judgments to ${parsed.values.out}\n`);
    } else {
      process.stdout.write(text);
    }
  } finally {
    await services.db.close();
  }
}
