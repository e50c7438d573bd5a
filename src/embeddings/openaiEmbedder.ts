import OpenAI from 'openai';
import type { EmbeddingModelRow } from '../../storage/repositories/searchModels.js';
import type { Embedder } from './embedder.js';

export interface OpenAiEmbeddingSettings {
  baseURL?: string;
  apiKey?: string;
  model: string;
  /** Asked of models that can shorten their vectors (text-embedding-3-*); must match the stored model. */
  dimensions?: number;
  /** Texts per request. */
  batchSize?: number;
}

/** Any OpenAI-compatible embeddings endpoint (OpenAI, Azure, vLLM, Ollama) through the openai client. */
export function createOpenAiEmbedder(settings: OpenAiEmbeddingSettings, model: Pick<EmbeddingModelRow, 'id' | 'name' | 'dim'>): Embedder {
  const client = new OpenAI({ baseURL: settings.baseURL, apiKey: settings.apiKey ?? 'not-needed', maxRetries: 2, timeout: 60_000 });
  const batch = settings.batchSize ?? 64;
  const embed = async (texts: readonly string[]): Promise<(Float32Array | null)[]> => {
    const out: (Float32Array | null)[] = [];
    for (let i = 0; i < texts.length; i += batch) {
      const input = texts.slice(i, i + batch).map((t) => (t.trim() === '' ? ' ' : t.slice(0, 32_000)));
      const res = await client.embeddings.create({ model: settings.model, input, dimensions: settings.dimensions, encoding_format: 'float' });
      const sorted = [...res.data].sort((a, b) => a.index - b.index);
      for (const d of sorted) {
        if (d.embedding.length !== model.dim) {
          throw new Error(`The embeddings endpoint returned ${d.embedding.length} dimensions for ${settings.model}; the stored model has ${model.dim}. Set EMBEDDINGS_DIM to match, or switch models with \`liaison embeddings use openai\`.`);
        }
        out.push(Float32Array.from(d.embedding));
      }
    }
    return out;
  };
  return {
    provider: 'openai',
    modelId: model.id,
    name: model.name,
    dim: model.dim,
    embedDocuments: embed,
    async embedQuery(text) {
      return (await embed([text]))[0] ?? null;
    },
  };
}
