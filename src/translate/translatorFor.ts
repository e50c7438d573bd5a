import type { Services } from '../app/services.js';
import type { Config } from '../config/schema.js';
import type { Db } from '../../storage/db.js';
import { createLlmTranslator } from './llm/llmTranslator.js';
import { createOfflineTranslator } from './offline/offlineTranslator.js';
import { searchFeedback } from './searchFeedback.js';
import type { Translator } from './translator.js';
import { withFallback } from './withFallback.js';

type TranslatorConfig = Pick<Config, 'TRANSLATOR' | 'LLM_ALLOWED' | 'OPENAI_BASE_URL' | 'OPENAI_API_KEY' | 'OPENAI_MODEL' | 'LLM_TIMEOUT_MS' | 'LLM_MAX_RETRIES'>;

/**
 * The configured translator: offline unless TRANSLATOR=llm and LLM_ALLOWED=true, and then the
 * model with the offline translator as fallback. With LLM_ALLOWED=false no client is created.
 */
export function createTranslator(config: TranslatorConfig, db?: Db, onLlmFailure?: (err: unknown) => void): Translator {
  const offline = createOfflineTranslator(db ? () => searchFeedback(db) : undefined);
  if (config.TRANSLATOR !== 'llm' || !config.LLM_ALLOWED) return offline;
  const llm = createLlmTranslator({
    allowed: config.LLM_ALLOWED,
    baseURL: config.OPENAI_BASE_URL,
    apiKey: config.OPENAI_API_KEY,
    model: config.OPENAI_MODEL,
    timeoutMs: config.LLM_TIMEOUT_MS,
    maxRetries: config.LLM_MAX_RETRIES,
  });
  return withFallback(llm, offline, onLlmFailure);
}

const perDb = new WeakMap<Db, Translator>();

/** The translator for a running Liaison (one per database), built on first use. */
export function translatorFor(services: Pick<Services, 'config' | 'db' | 'log'>): Translator {
  let t = perDb.get(services.db);
  if (!t) {
    t = createTranslator(services.config, services.db, (err) => services.log.warn({ err }, 'the LLM translator failed; used the offline translator'));
    perDb.set(services.db, t);
  }
  return t;
}

/** What /status shows for the translation port. */
export function translatorProvider(config: TranslatorConfig): string {
  if (config.TRANSLATOR === 'llm' && config.LLM_ALLOWED) return `llm (${config.OPENAI_MODEL}), offline fallback`;
  if (config.TRANSLATOR === 'llm') return 'offline (WordNet, CC-CEDICT, jieba) — LLM_ALLOWED=false';
  return 'offline (WordNet, CC-CEDICT, jieba)';
}
