import type { Services } from '../app/services.js';
import type { Command } from '../commands/types.js';
import { errorReply } from '../messages/reply.js';
import { UserFacingError } from '../errors.js';
import { knownRegions } from '../../storage/repositories/searchQueries.js';
import { countSearchRows } from '../../storage/repositories/searchModels.js';
import { embeddingSettingsFrom } from '../embeddings/embeddingSettings.js';
import { parseSearchInput } from './parseSearchInput.js';
import type { SearchFilters } from './searchQuery.js';
import { searchOutcomes } from './searchOutcomes.js';
import { searchReply } from './searchReply.js';
import { withoutWeakMatches } from './weakMatches.js';
import { filtersMatchingNothing } from './emptySearch.js';
import { AS_TYPED, searchExpansion } from '../translate/searchExpansion.js';

const RESULTS = 10;

/** Rejects a region no stored outcome has (a typo would otherwise just return nothing). */
export async function checkRegions(services: Services, filters: SearchFilters): Promise<void> {
  if (!filters.regions?.length) return;
  const known = await knownRegions(services.db);
  const unknown = filters.regions.filter((r) => !known.includes(r.toUpperCase()));
  if (unknown.length > 0) {
    throw new UserFacingError(
      'search_unknown_region',
      `No stored outcome is from region "${unknown[0]!.slice(0, 40)}".`,
      known.length ? `Regions in the store: ${known.slice(0, 30).join(', ')}.` : 'No outcome has a region yet.',
    );
  }
}

/**
 * `/search <text> [filters]`: hybrid search over the stored outcomes, with why each was found.
 * The words are also searched in the other language (offline translation, searchExpansion), so
 * Chinese words find English outcomes and the reverse.
 */
export const searchCommand: Command = {
  name: 'search',
  summary: 'Search outcomes by meaning and words, across English and Chinese, with filters (kind, TRL, region…)',
  usage: '/search <text> [kind:patent trl:4-7 region:CN year:2015-2020 discipline:… institution:… ip:…]',
  async run({ services, args }) {
    if (args === '') {
      return errorReply('What should I search for?', 'For example: /search waste heat recovery from kilns kind:patent year:2015-2020');
    }
    const { text, filters } = parseSearchInput(args);
    if (text === '') throw new UserFacingError('search_empty', 'Give some words to search for, not only filters.', 'For example: /search heat pump dryer kind:patent');
    await checkRegions(services, filters);
    if ((await countSearchRows(services.db)) === 0) {
      return errorReply('No outcomes are indexed yet, so there is nothing to search.', 'An admin can import some with `liaison ingest FILE`, or index stored ones with `liaison embeddings refresh`.');
    }
    const notes: string[] = [];
    // A translation that fails (a bug, odd input) leaves the search to the words typed.
    const expansion = await searchExpansion(services.db, text).catch((err: unknown) => {
      notes.push('Note: the words could not be translated this time; searched as typed.');
      services.log.warn({ err }, 'search translation failed');
      return AS_TYPED;
    });
    const results = await searchOutcomes(
      {
        db: services.db,
        embeddings: embeddingSettingsFrom(services.config),
        onWarning: (message, err) => {
          notes.push(`Note: ${message}.`);
          services.log.warn({ err }, message);
        },
      },
      { text, ...expansion.query, filters, limit: RESULTS, mode: 'hybrid' },
    );
    const { shown, weak } = withoutWeakMatches(results);
    const nothingPasses = shown.length === 0 ? await filtersMatchingNothing(services.db, filters) : undefined;
    if (nothingPasses) return errorReply(nothingPasses.message, nothingPasses.hint);
    return searchReply(text, shown, { note: notes.join(' ') || undefined, weak, alsoSearched: expansion.alsoSearched });
  },
};
