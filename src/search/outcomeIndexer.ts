import type { Db, Queryable } from '../../storage/db.js';
import type { IngestSummary, OutcomeIndexer } from '../outcomes/ingest.js';
import type { EmbeddingSettings } from '../embeddings/embeddingSettings.js';
import { indexOutcomeText } from './indexOutcomes.js';
import { refreshEmbeddings, type RefreshOptions } from './refreshEmbeddings.js';

/**
 * The search side of imports: each batch gets its lexical index rows inside the batch's
 * transaction; after the last batch the embeddings are brought up to date (model fitted or refitted
 * when needed, missing vectors embedded, HNSW index rebuilt after a bulk load).
 */
export function createOutcomeIndexer(settings: EmbeddingSettings, options: RefreshOptions = {}): OutcomeIndexer {
  return {
    async indexBatch(tx: Queryable, outcomeIds: number[]) {
      await indexOutcomeText(tx, outcomeIds);
    },
    async finish(db: Db, _summary: IngestSummary) {
      await refreshEmbeddings(db, settings, options);
    },
  };
}
