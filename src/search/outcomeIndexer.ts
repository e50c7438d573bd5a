import type { Db, Queryable } from '../../storage/db.js';
import type { IngestSummary, OutcomeIndexer } from '../outcomes/ingest.js';
import type { EmbeddingSettings } from '../embeddings/embeddingSettings.js';
import { outcomeTerms, writeOutcomeTerms, type OutcomeTerms } from './indexOutcomes.js';
import { dropLexicalIndexes } from '../../storage/repositories/searchIndex.js';
import { countSearchRows } from '../../storage/repositories/searchModels.js';
import { refreshEmbeddings, type RefreshOptions } from './refreshEmbeddings.js';
import { CountTable } from '../embeddings/countTable.js';

/**
 * The search side of imports: each batch is tokenised before its transaction and gets its
 * lexical index rows inside it; after the last batch the embeddings are brought up to date (model fitted or refitted
 * when needed, missing vectors embedded, HNSW index rebuilt after a bulk load). The token counts
 * of the batches are kept until then, so fitting on a fresh store reads no postings back.
 */
export function createOutcomeIndexer(settings: EmbeddingSettings, options: RefreshOptions = {}): OutcomeIndexer<OutcomeTerms> {
  let counts = new CountTable();
  let firstBatch = true;
  return {
    prepare: (outcomes) => outcomes.map(outcomeTerms),
    async indexBatch(tx: Queryable, outcomeIds: number[], prepared: OutcomeTerms[]) {
      // Into an empty index: load without the lexical indexes, built once at the end (finish).
      if (firstBatch && (await countSearchRows(tx)) === 0) await dropLexicalIndexes(tx);
      firstBatch = false;
      await writeOutcomeTerms(tx, outcomeIds, prepared);
      outcomeIds.forEach((id, i) => counts.set(id, prepared[i]!.terms));
    },
    async finish(db: Db, _summary: IngestSummary) {
      const termCounts = counts;
      counts = new CountTable();
      await refreshEmbeddings(db, settings, { ...options, termCounts });
    },
  };
}
