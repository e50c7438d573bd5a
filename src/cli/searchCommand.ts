import { UserFacingError } from '../errors.js';
import { parseSearchInput } from '../search/parseSearchInput.js';
import { checkRegions } from '../search/searchCommand.js';
import type { SearchFilters, SearchMode } from '../search/searchQuery.js';
import { searchOutcomes } from '../search/searchOutcomes.js';
import { AS_TYPED, searchExpansion } from '../translate/searchExpansion.js';
import { filtersMatchingNothing } from '../search/emptySearch.js';
import { connectServices, readConfig } from './bootstrap.js';
import { asUsageExit, CliExit, EXIT } from './exitCodes.js';
import { parseCliArgs } from './cliArgs.js';
import { cliSearchDeps, noteEmptyStore, printResults } from './searchOutput.js';

const USAGE = `Usage: liaison search "text" [options]

Searches the stored outcomes (hybrid: full text and embeddings) and prints the best matches.
Filters may also be written inside the text, as in chat (kind:patent trl:4-7 …).

  --kind K[,K]          patent, paper, project, capability, instrument
  --trl 4-7             technology readiness range (1-9)
  --region CN[,EP]      region or patent office
  --year 2015-2020      publication year range
  --discipline NAME     discipline (substring)
  --institution NAME    institution (substring)
  --ip STATUS           IP status
  --mode M              lexical, dense or hybrid (default hybrid)
  --translate none      search the words as typed only (default offline: also their
                        translations into the other language, as /search does)
  --limit N             results (default 10)
  --json                one JSON object per result instead of text`;

/** `liaison search "text"`: the same search as /search, on the command line. */
export async function searchCommand(argv: string[]): Promise<void> {
  const parsed = parseCliArgs(argv, {
    kind: { type: 'string' },
    trl: { type: 'string' },
    region: { type: 'string' },
    year: { type: 'string' },
    discipline: { type: 'string' },
    institution: { type: 'string' },
    ip: { type: 'string' },
    mode: { type: 'string', default: 'hybrid' },
    translate: { type: 'string', default: 'offline' },
    limit: { type: 'string', default: '10' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  }, USAGE);
  const { values, positionals } = parsed;
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const mode = values.mode as SearchMode;
  if (!['lexical', 'dense', 'hybrid'].includes(mode)) throw new CliExit(EXIT.usage, '--mode must be lexical, dense or hybrid.');
  if (values.translate !== 'offline' && values.translate !== 'none') throw new CliExit(EXIT.usage, '--translate must be offline or none.');
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new CliExit(EXIT.usage, '--limit must be a whole number from 1 to 1000.');
  const flagFilters = (['kind', 'trl', 'region', 'year', 'discipline', 'institution', 'ip'] as const)
    .filter((k) => values[k] !== undefined)
    .map((k) => `${k}:"${String(values[k]).replace(/"/g, '')}"`)
    .join(' ');
  let text: string;
  let filters: SearchFilters;
  try {
    ({ text, filters } = parseSearchInput(`${positionals.join(' ')} ${flagFilters}`));
    if (text === '') throw new UserFacingError('search_empty', 'Give some words to search for.');
  } catch (err) {
    throw asUsageExit(err);
  }
  const config = readConfig();
  const services = await connectServices(config, []);
  try {
    await noteEmptyStore(services.db);
    await checkRegions(services, filters);
    const expansion = values.translate === 'offline' ? await searchExpansion(services.db, text) : AS_TYPED;
    const results = await searchOutcomes(
      cliSearchDeps(services.db, config),
      { text, ...expansion.query, filters, mode, limit },
    );
    if (expansion.alsoSearched.length && !values.json) process.stdout.write(`Also searched as: ${expansion.alsoSearched.join(', ')} (offline translation)\n`);
    const nothingPasses = results.length === 0 ? await filtersMatchingNothing(services.db, filters) : undefined;
    if (nothingPasses && !values.json) process.stdout.write(`${nothingPasses.message} ${nothingPasses.hint}\n`);
    else printResults(results, values.json);
  } catch (err) {
    throw asUsageExit(err);
  } finally {
    await services.db.close();
  }
}
