import type { WeightedTerm } from '../search/searchQuery.js';

export type EmbeddingProviderName = 'offline' | 'openai';

/**
 * Turns texts into vectors with one recorded model (a row of embedding_models): documents at
 * index time, queries at search time. Vectors from different models are never compared.
 */
export interface Embedder {
  readonly provider: EmbeddingProviderName;
  readonly modelId: number;
  readonly name: string;
  readonly dim: number;
  embedDocuments(texts: readonly string[]): Promise<(Float32Array | null)[]>;
  /** `extraTerms` (expansions) are folded in by models that work on terms; others ignore them. */
  embedQuery(text: string, extraTerms?: readonly WeightedTerm[]): Promise<Float32Array | null>;
}
