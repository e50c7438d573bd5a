/** What the LLM translator needs from the configuration (src/config/schema.ts). */
export interface LlmSettings {
  /** LLM_ALLOWED: unless true, nothing is ever sent to a model. */
  allowed: boolean;
  baseURL?: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
  /** Retries on 429, 5xx, timeouts and connection errors, with exponential backoff (the openai SDK's). */
  maxRetries: number;
}
