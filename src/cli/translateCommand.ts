import { renderText } from '../../adapters/console/renderText.js';
import { searchOutcomes } from '../search/searchOutcomes.js';
import { briefReply } from '../translate/briefReply.js';
import { briefToSearchQuery } from '../translate/briefToSearchQuery.js';
import { checkNeedText } from '../translate/needText.js';
import { createTranslator } from '../translate/translatorFor.js';
import { connectServices, readConfig } from './bootstrap.js';
import { parseCliArgs } from './cliArgs.js';
import { asUsageExit, CliExit, EXIT } from './exitCodes.js';
import { cliSearchDeps, noteEmptyStore, printResults } from './searchOutput.js';

const USAGE = `Usage: liaison translate "need text" [options]

Shows the research brief the translator makes of a need, in the need's language, as /translate
does in chat; nothing is stored. The translator is the configured one (TRANSLATOR, LLM_ALLOWED);
the need counts as confidential, so names are redacted before anything reaches a model.

  --translator T   offline or llm for this run (llm still needs LLM_ALLOWED=true and OPENAI_BASE_URL)
  --search         also search the outcomes with the brief, as a need's matches are found
  --limit N        results with --search (default 5)
  --json           the translation as one JSON object ({"kind":"brief","brief":…} or
                   {"kind":"clarify","question":…}), then one JSON object per result`;

/** `liaison translate "text"`: the brief of a need on the command line, optionally searched. */
export async function translateCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseCliArgs(argv, {
    translator: { type: 'string' },
    search: { type: 'boolean' },
    limit: { type: 'string', default: '5' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  }, USAGE);
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new CliExit(EXIT.usage, '--limit must be a whole number from 1 to 100.');
  if (values.translator !== undefined && !['offline', 'llm'].includes(values.translator)) {
    throw new CliExit(EXIT.usage, `--translator must be offline or llm (got "${values.translator}").`);
  }
  let text: string;
  try {
    ({ text } = checkNeedText(positionals.join(' ')));
  } catch (err) {
    throw asUsageExit(err);
  }
  // The flag goes through the same validation as the setting (llm needs its endpoint).
  const config = readConfig(values.translator ? { TRANSLATOR: values.translator } : {});
  if (config.TRANSLATOR === 'llm' && !config.LLM_ALLOWED) {
    process.stderr.write('note: LLM_ALLOWED=false, so the offline translator runs and nothing leaves this machine.\n');
  }
  const services = await connectServices(config, []);
  try {
    await noteEmptyStore(services.db);
    const translator = createTranslator(config, services.db, (err) =>
      process.stderr.write(`warning: the LLM translator failed (${err instanceof Error ? err.message : String(err)}); the offline translator answered.\n`),
    );
    const result = await translator.translate({ text, confidential: true });
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else if (result.kind === 'clarify') process.stdout.write(`${result.question}\n(${result.translator})\n`);
    else process.stdout.write(`${renderText([briefReply(result.brief, { preview: true })]).text}\n`);
    if (!values.search || result.kind !== 'brief') return;
    const results = await searchOutcomes(
      cliSearchDeps(services.db, config),
      { text, ...briefToSearchQuery(result.brief), limit },
    );
    if (!values.json) process.stdout.write(`\n== ${results.length} outcomes for this brief ==\n`);
    printResults(results, values.json);
  } catch (err) {
    throw asUsageExit(err);
  } finally {
    await services.db.close();
  }
}
