import type { Queryable } from '../../storage/db.js';
import { activeEmbeddingModel, type EmbeddingModelRow } from '../../storage/repositories/searchModels.js';
import type { Embedder } from './embedder.js';
import type { EmbeddingSettings } from './embeddingSettings.js';
import { createOfflineEmbedder } from './offlineEmbedder.js';
import { createOpenAiEmbedder } from './openaiEmbedder.js';

/** An embedder for a stored model row (its provider decides which, never the settings alone). */
export function embedderFor(q: Queryable, model: EmbeddingModelRow, settings: EmbeddingSettings): Embedder {
  if (model.provider === 'openai') {
    const dims = typeof model.params.dimensions === 'number' ? model.params.dimensions : undefined;
    return createOpenAiEmbedder({ baseURL: settings.baseURL, apiKey: settings.apiKey, model: model.name, dimensions: dims }, model);
  }
  return createOfflineEmbedder(q, model);
}

/** The embedder of the database's active model, or undefined before any model exists. */
export async function activeEmbedder(q: Queryable, settings: EmbeddingSettings): Promise<Embedder | undefined> {
  const model = await activeEmbeddingModel(q);
  return model ? embedderFor(q, model, settings) : undefined;
}

/** One line for /status: the model in use and, when the settings ask for another, how to switch. */
export async function describeEmbeddings(q: Queryable, settings: EmbeddingSettings): Promise<string> {
  const model = await activeEmbeddingModel(q);
  if (!model) return `${settings.provider} (no model yet: fitted at the next import)`;
  const label = `${model.provider} ${model.name} (${model.dim}-d)`;
  if (model.provider !== settings.provider || (settings.model && model.provider === 'openai' && settings.model !== model.name)) {
    return `${label}; settings ask for ${settings.provider}${settings.model ? ` ${settings.model}` : ''}: run \`liaison embeddings use ${settings.provider}\``;
  }
  return label;
}
