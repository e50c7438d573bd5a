import type { SearchQuery } from './searchQuery.js';
import type { Db } from '../../storage/db.js';
import { llmExpander, offlineExpander } from '../translate/queryExpander.js';

/**
 * Turns a need's text into extra query parts (translations, expansions); `lang` is 'en' or 'zh'.
 * `context.db` is the outcome store being searched (corpus statistics for the offline translator).
 */
export type QueryExpander = (text: string, lang: string, context?: { db?: Db }) => Promise<Partial<SearchQuery>>;

/** Named expanders the eval (`--translate NAME`) and search can use. Others register theirs here. */
export const queryExpanders: Record<string, QueryExpander> = {
  none: async () => ({}),
  offline: (text, _lang, context) => offlineExpander(context?.db)(text),
  llm: (text, _lang, context) => llmExpander(context?.db)(text),
};
