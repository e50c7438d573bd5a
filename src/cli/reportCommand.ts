import { parseArgs } from 'node:util';
import { parseReportArgs } from '../reports/reportArgs.js';
import { writeReport } from '../reports/writeReport.js';
import { digestWords } from '../digests/digestText.js';
import { workspacesWithNeeds } from '../../storage/repositories/digestQueries.js';
import { connectServices, readConfig } from './bootstrap.js';
import { asUsageExit, CliExit, EXIT } from './exitCodes.js';

const USAGE = `Usage: liaison report [--from DATE] [--to DATE] [--format md|csv|json] [--out DIR]

Writes the digest of a period to files for people outside chat: report.md (or CSV tables, or
report.json) with the charts as PNG files in the same folder.

  --from DATE        start, YYYY-MM-DD or an ISO date-time (default: seven days before --to)
  --to DATE          end; a YYYY-MM-DD date includes that day (default: now)
  --format F         md, csv or json (default md)
  --out DIR          folder to write to (default ./report)
  --language L       en or zh (default en)
  --audience A       mixed (confidential needs anonymised, the default) or brokers
  --tz ZONE          time zone for dates (default UTC)
  --workspace ID     which workspace (default: the one with needs)`;

/** `liaison report`: the digest content as files. */
export async function reportCommand(argv: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' },
        language: { type: 'string' }, audience: { type: 'string' }, tz: { type: 'string' }, workspace: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new CliExit(EXIT.usage, `${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  let request;
  try {
    request = parseReportArgs(values, new Date());
  } catch (err) {
    throw asUsageExit(err);
  }
  const services = await connectServices(readConfig(), []);
  try {
    const candidates = await workspacesWithNeeds(services.db);
    if (!request.workspace && candidates.length > 1) {
      throw new CliExit(EXIT.usage, `Several workspaces have needs; choose one with --workspace (${candidates.join(', ')}).`);
    }
    const workspace = request.workspace ?? candidates[0] ?? 'console';
    const written = await writeReport(services, workspace, request);
    if (written.empty) process.stdout.write(`${digestWords(request.language).empty}\n`);
    process.stdout.write(`Report for ${workspace}, ${request.from.toISOString()} – ${request.to.toISOString()}:\n${written.files.map((f) => `  ${f}`).join('\n')}\n`);
  } finally {
    await services.db.close();
  }
}
