import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname } from 'node:path';
import { loadConfig } from '../config/loadConfig.js';
import { runEvaluation, type EvalReport } from '../search/eval/runEvaluation.js';
import { queryExpanders } from '../search/queryExpanders.js';
import type { SearchMode } from '../search/searchQuery.js';
import { TrecRun } from '../search/eval/trecRun.js';
import { CliExit, EXIT } from './exitCodes.js';
import { parseCliArgs } from './cliArgs.js';

const USAGE = `Usage: liaison eval --corpus FILE --queries FILE --qrels FILE [options]

Measures search on a BEIR data set (corpus.jsonl[.gz], queries.jsonl, qrels TSV with a header):
imports the corpus into a throwaway database in a temporary folder (or --data-dir), runs every judged query, and prints
nDCG@10, recall@100 and MRR@10 (per kind too when queries carry "kind"). The last line is JSON.

  --mode lexical|dense|hybrid|all   which ranking to measure (default hybrid; all = the three)
  --k N                             nDCG cut-off reported besides @10 (default 10)
  --translate NAME                  query expander from src/search/queryExpanders.ts: none, offline
                                    or llm (default: the configured translator, TRANSLATOR, i.e.
                                    offline unless TRANSLATOR=llm and LLM_ALLOWED=true);
                                    --translate none measures the need text alone
  --data-dir DIR                    keep the database in DIR: the first run imports the corpus,
                                    later runs reuse it (one corpus per folder; delete it to rebuild)
  --run FILE                        also write each query's top 100 as a TREC run file (trec_eval's
                                    input; with --mode all, FILE-lexical, FILE-dense, FILE-hybrid)`;

/** The expander named by the configuration: the translator a running Liaison would use. */
export function configuredTranslate(env: NodeJS.ProcessEnv = process.env): string {
  const loaded = loadConfig(env);
  if (!loaded.ok) return 'offline';
  return loaded.config.TRANSLATOR === 'llm' && loaded.config.LLM_ALLOWED ? 'llm' : 'offline';
}

const MODES = ['lexical', 'dense', 'hybrid'] as const;

/** `liaison eval`: retrieval quality on a BEIR data set, last line one JSON object. */
export async function evalCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseCliArgs(argv, {
    corpus: { type: 'string' },
    queries: { type: 'string' },
    qrels: { type: 'string' },
    mode: { type: 'string', default: 'hybrid' },
    k: { type: 'string', default: '10' },
    translate: { type: 'string' },
    'data-dir': { type: 'string' },
    run: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, USAGE);
  if (positionals.length > 0) throw new CliExit(EXIT.usage, `Unexpected argument "${positionals[0]}".\n${USAGE}`);
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const { corpus, queries, qrels } = values;
  if (!corpus || !queries || !qrels) throw new CliExit(EXIT.usage, `--corpus, --queries and --qrels are required.\n${USAGE}`);
  for (const f of [corpus, queries, qrels]) {
    await access(f).catch(() => {
      throw new CliExit(EXIT.usage, `Cannot read ${f}: no such file, or not readable.`);
    });
  }
  // Checked before the eval runs, not after minutes of searching.
  if (values.run) {
    await access(dirname(values.run), constants.W_OK).catch(() => {
      throw new CliExit(EXIT.usage, `Cannot write --run ${values.run}: its folder does not exist or is not writable.`);
    });
  }
  const mode = values.mode!;
  if (mode !== 'all' && !(MODES as readonly string[]).includes(mode)) throw new CliExit(EXIT.usage, `--mode must be lexical, dense, hybrid or all (got "${mode}").`);
  const k = Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 1000) throw new CliExit(EXIT.usage, '--k must be a whole number from 1 to 1000.');
  const translate = values.translate ?? configuredTranslate();
  if (!queryExpanders[translate]) {
    throw new CliExit(EXIT.usage, `--translate must be one of ${Object.keys(queryExpanders).join(', ')} (got "${translate}").`);
  }
  const run = values.run ? new TrecRun(`liaison-${translate}`) : undefined;
  const report = await runEvaluation({
    corpus,
    queries,
    qrels,
    modes: mode === 'all' ? [...MODES] : [mode as SearchMode],
    k,
    translate,
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    ...(run ? { onRanking: run.add.bind(run) } : {}),
    onProgress: (m) => process.stderr.write(`${m}…\n`),
  });
  if (run) for (const path of await run.write(values.run!)) process.stderr.write(`run file: ${path}\n`);
  process.stdout.write(formatReport(report));
}

/** A table per mode (and kind), then the JSON line: the main mode's figures at the top level. */
export function formatReport(r: EvalReport): string {
  const lines: string[] = [`corpus ${r.corpus} docs, indexed in ${r.index_seconds} s, total ${r.seconds} s, translate=${r.translate}`];
  lines.push(`${'mode'.padEnd(8)} ${'kind'.padEnd(6)} ${'nDCG@10'.padStart(8)} ${'R@100'.padStart(7)} ${'MRR@10'.padStart(7)} ${'n'.padStart(5)}`);
  for (const [mode, m] of Object.entries(r.byMode)) {
    const row = (kind: string, s: { 'ndcg@10': number; 'recall@100': number; 'mrr@10': number; queries: number }) =>
      `${mode.padEnd(8)} ${kind.padEnd(6)} ${s['ndcg@10'].toFixed(4).padStart(8)} ${s['recall@100'].toFixed(4).padStart(7)} ${s['mrr@10'].toFixed(4).padStart(7)} ${String(s.queries).padStart(5)}`;
    lines.push(row('all', m));
    for (const [kind, s] of Object.entries(m.by_kind ?? {})) lines.push(row(kind, s));
  }
  const main = r.byMode.hybrid ?? Object.values(r.byMode)[0]!;
  const json = { ...main, mode: r.mode, translate: r.translate, seconds: r.seconds, ...(r.mode === 'all' ? { by_mode: r.byMode } : {}) };
  lines.push(JSON.stringify(json));
  return `${lines.join('\n')}\n`;
}
