import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import cliProgress from 'cli-progress';
import { ingestOutcomes, type IngestSummary } from '../outcomes/ingest.js';
import { createOutcomeIndexer } from '../search/outcomeIndexer.js';
import { embeddingSettingsFrom } from '../embeddings/embeddingSettings.js';
import { isOutcomeKind, OUTCOME_KINDS, type OutcomeKind } from '../outcomes/outcome.js';
import { countLines } from '../outcomes/readers/countLines.js';
import { FieldMapError, parseFieldMap, type FieldMap } from '../outcomes/readers/fieldMap.js';
import { readOutcomeFile, type OutcomeFileFormat } from '../outcomes/readers/readOutcomeFile.js';
import { isConnectionError } from '../../storage/errors.js';
import { connectServices, readConfig } from './bootstrap.js';
import { CliExit, EXIT } from './exitCodes.js';
import { parseCliArgs } from './cliArgs.js';

/** sysexits.h EX_DATAERR: the input was read but none of it was usable. */
const EX_DATAERR = 65;
/** Shell convention for "stopped by Ctrl-C" (128 + SIGINT). */
const EX_INTERRUPTED = 130;
const SHOWN_ERRORS = 20;

const USAGE = `Usage: liaison ingest FILE [options]

Imports outcomes from JSON Lines or CSV (optionally .gz). Rows are upserted by source id, so
running the same import again changes nothing.

  --format jsonl|csv|beir   file format (default: from the name; beir = BEIR corpus lines)
  --map ours=theirs,...     column names, e.g. --map title=name,abstract=description
  --kind KIND               kind for rows without one (${OUTCOME_KINDS.join(', ')})
  --batch-size N            rows per transaction (default 500)
  --source NAME             name shown in /imports (default: the file name)`;

interface IngestArgs {
  file: string;
  format?: OutcomeFileFormat;
  map?: FieldMap;
  kind?: OutcomeKind;
  batchSize?: number;
  source: string;
}

/** `liaison ingest FILE`: imports outcomes and prints what was added, updated, unchanged and rejected. */
export async function ingestCommand(argv: string[]): Promise<void> {
  const args = parseIngestArgs(argv);
  if (!args) return void process.stdout.write(`${USAGE}\n`);
  try {
    await access(args.file);
  } catch {
    throw new CliExit(EXIT.usage, `Cannot read ${args.file}: no such file, or not readable.`);
  }
  const config = readConfig();
  const services = await connectServices(config, []);
  const abort = new AbortController();
  const onSigint = () => abort.abort(new Error('interrupted (Ctrl-C)'));
  process.once('SIGINT', onSigint);
  const bar = process.stderr.isTTY ? await startBar(args.file) : undefined;
  let summary: IngestSummary;
  try {
    summary = await ingestOutcomes(
      services.db,
      readOutcomeFile(args.file, { format: args.format, map: args.map, defaultKind: args.kind }),
      {
        source: args.source,
        batchSize: args.batchSize,
        actor: `cli:${safeUserName()}`,
        signal: abort.signal,
        onProgress: bar && ((done) => bar.update(done)),
        indexer: createOutcomeIndexer(embeddingSettingsFrom(config)),
      },
    );
  } catch (err) {
    const rerun = 'Batches already committed are kept; run the same command again to finish the import.';
    if (abort.signal.aborted) throw new CliExit(EX_INTERRUPTED, `Import interrupted. ${rerun}`);
    if (isConnectionError(err)) throw new CliExit(EXIT.unavailable, `Import stopped: the database went away (${(err as Error).message}). ${rerun}`);
    throw err;
  } finally {
    bar?.stop();
    process.off('SIGINT', onSigint);
    await services.db.close();
  }
  process.stdout.write(formatSummary(summary));
  if (summary.rejected > 0 && summary.added + summary.updated + summary.unchanged === 0) {
    throw new CliExit(EX_DATAERR, 'No row could be imported.');
  }
}

/** The parsed options, or undefined when --help was asked for. */
function parseIngestArgs(argv: string[]): IngestArgs | undefined {
  const parsed = parseCliArgs(argv, {
    format: { type: 'string' },
    map: { type: 'string' },
    kind: { type: 'string' },
    'batch-size': { type: 'string' },
    source: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, USAGE);
  const { values, positionals } = parsed;
  if (values.help) return undefined;
  if (positionals.length !== 1) throw new CliExit(EXIT.usage, `Give exactly one file to import.\n${USAGE}`);
  const file = positionals[0]!;
  const { format, kind } = values;
  if (format !== undefined && !['jsonl', 'csv', 'beir'].includes(format)) {
    throw new CliExit(EXIT.usage, `--format must be jsonl, csv or beir (got "${format}").`);
  }
  if (kind !== undefined && !isOutcomeKind(kind)) {
    throw new CliExit(EXIT.usage, `--kind must be one of ${OUTCOME_KINDS.join(', ')} (got "${kind}").`);
  }
  let batchSize: number | undefined;
  if (values['batch-size'] !== undefined) {
    batchSize = Number(values['batch-size']);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5_000) {
      throw new CliExit(EXIT.usage, '--batch-size must be a whole number from 1 to 5000.');
    }
  }
  let map: FieldMap | undefined;
  try {
    map = values.map === undefined ? undefined : parseFieldMap(values.map);
  } catch (err) {
    if (err instanceof FieldMapError) throw new CliExit(EXIT.usage, err.message);
    throw err;
  }
  return {
    file,
    format: format as OutcomeFileFormat | undefined,
    map,
    kind: kind as OutcomeKind | undefined,
    batchSize,
    source: values.source ?? basename(file),
  };
}

async function startBar(file: string): Promise<cliProgress.SingleBar> {
  const total = await countLines(file);
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'Importing [{bar}] {percentage}% | {value}/{total} rows | {eta_formatted} left',
      hideCursor: true,
      // Rows are read in bursts between batch commits: average the rate over several batches.
      etaBuffer: 5_000,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(total, 1), 0);
  return bar;
}

export function formatSummary(s: IngestSummary): string {
  const n = (v: number) => v.toLocaleString('en');
  const lines = [
    `Imported ${s.source} in ${s.seconds.toFixed(1)} s: ${n(s.added)} added, ${n(s.updated)} updated, ` +
      `${n(s.unchanged)} unchanged, ${n(s.rejected)} rejected.`,
  ];
  if (s.rejected > 0) {
    lines.push('Rejected rows:');
    for (const e of s.errors.slice(0, SHOWN_ERRORS)) lines.push(`  line ${e.line}: ${e.reason}`);
    if (s.rejected > SHOWN_ERRORS) lines.push(`  … and ${n(s.rejected - SHOWN_ERRORS)} more`);
  }
  return `${lines.join('\n')}\n`;
}

function safeUserName(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
