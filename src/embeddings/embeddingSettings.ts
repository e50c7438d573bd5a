/** Which embedding model new indexes get (from EMBEDDINGS_* settings); the database records the one in use. */
export interface EmbeddingSettings {
  provider: 'offline' | 'openai';
  /** Remote model name (openai), e.g. 'text-embedding-3-small'. */
  model?: string;
  /** Vector size: the offline model's latent dimension, or the remote model's (sent as `dimensions`). */
  dim?: number;
  baseURL?: string;
  apiKey?: string;
}

export const DEFAULT_EMBEDDINGS: EmbeddingSettings = { provider: 'offline' };

/** The EMBEDDINGS_* and OPENAI_* settings as the search code wants them. */
export function embeddingSettingsFrom(config: {
  EMBEDDINGS_PROVIDER: 'offline' | 'openai';
  EMBEDDINGS_MODEL?: string;
  EMBEDDINGS_DIM?: number;
  OPENAI_BASE_URL?: string;
  OPENAI_API_KEY?: string;
}): EmbeddingSettings {
  return {
    provider: config.EMBEDDINGS_PROVIDER,
    model: config.EMBEDDINGS_MODEL,
    dim: config.EMBEDDINGS_DIM,
    baseURL: config.OPENAI_BASE_URL,
    apiKey: config.OPENAI_API_KEY,
  };
}
