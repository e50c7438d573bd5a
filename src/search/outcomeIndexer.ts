import type { Db, Queryable } from '../../storage/db.js';
import type { IngestSummary, OutcomeIndexer } from '../outcomes/ingest.js';
import type { EmbeddingSettings } from '../embeddings/embeddingSettings.js';
import { indexOutcomeText } from './indexOutcomes.js';
import { dropLexicalIndexes } from '../../storage/repositories/searchIndex.js';
import { countSearchRows } from '../../storage/repositories/searchModels.js';
import { refreshEmbeddings, type RefreshOptions } from './refreshEmbeddings.js';

/**
 * The search side of imports: each batch gets its lexical index rows inside the batch's
 * transaction; after the last batch the embeddings are brought up to date (model fitted or refitted
 * when needed, missing vectors embedded, HNSW index rebuilt after a bulk load). The token counts
 * of the batches are kept until then, so fitting on a fresh store reads no postings back.
 */
export function createOutcomeIndexer(settings: EmbeddingSettings, options: RefreshOptions = {}): OutcomeIndexer {
  let counts = new Map<number, Map<string, number>>();
  let firstBatch = true;
  return {
    async indexBatch(tx: Queryable, outcomeIds: number[]) {
      // Into an empty index: load without the lexical indexes, built once at the end (finish).
      if (firstBatch && (await countSearchRows(tx)) === 0) await dropLexicalIndexes(tx);
      firstBatch = false;
      for (const [id, terms] of await indexOutcomeText(tx, outcomeIds)) counts.set(id, terms);
    },
    async finish(db: Db, _summary: IngestSummary) {
      const termCounts = counts;
      counts = new Map();
      await refreshEmbeddings(db, settings, { ...options, termCounts });
    },
  };
}
