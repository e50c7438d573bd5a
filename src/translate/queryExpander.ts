import type { Db } from '../../storage/db.js';
import { loadConfig } from '../config/loadConfig.js';
import type { SearchQuery } from '../search/searchQuery.js';
import { briefToSearchQuery } from './briefToSearchQuery.js';
import { createOfflineTranslator } from './offline/offlineTranslator.js';
import { searchFeedback } from './searchFeedback.js';
import { createTranslator } from './translatorFor.js';
import type { Translator } from './translator.js';

/** What a search gets from a translator for a need's text: the brief's query parts, or nothing. */
async function expandWith(translator: Translator, text: string): Promise<Partial<SearchQuery>> {
  const result = await translator.translate({ text, confidential: true });
  return result.kind === 'brief' ? briefToSearchQuery(result.brief) : {};
}

/** `--translate offline`: the offline translator, with corpus feedback from the store being searched. */
export function offlineExpander(db?: Db) {
  return (text: string) => expandWith(createOfflineTranslator(db ? () => searchFeedback(db) : undefined), text);
}

/** `--translate llm`: the model from the environment (needs LLM_ALLOWED=true), offline fallback. */
export function llmExpander(db?: Db) {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) throw new Error(`configuration: ${loaded.problems.join('; ')}`);
  if (!loaded.config.LLM_ALLOWED) throw new Error('--translate llm needs LLM_ALLOWED=true (and OPENAI_BASE_URL, OPENAI_MODEL)');
  const translator = createTranslator({ ...loaded.config, TRANSLATOR: 'llm' }, db);
  return (text: string) => expandWith(translator, text);
}
