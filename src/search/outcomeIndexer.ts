import { setImmediate } from 'node:timers/promises';
import type { Db, Queryable } from '../../storage/db.js';
import type { IngestSummary, OutcomeIndexer } from '../outcomes/ingest.js';
import type { EmbeddingSettings } from '../embeddings/embeddingSettings.js';
import { outcomeTerms, type OutcomeTerms } from './indexOutcomes.js';
import { dropLexicalIndexes, encodePostings, writeSearchRows, type EncodedPostings } from '../../storage/repositories/searchIndex.js';
import { countSearchRows } from '../../storage/repositories/searchModels.js';
import { refreshEmbeddings, type RefreshOptions } from './refreshEmbeddings.js';
import { CountTable } from '../embeddings/countTable.js';

/** One outcome of a batch as prepared for the index: its tokens, and the batch's postings encoded ahead. */
interface PreparedOutcome extends OutcomeTerms {
  batch: EncodedPostings;
  /** Its position in the encoded batch. */
  position: number;
}

/** Outcomes tokenised between turns of the batch being written (query replies). */
const TOKENISE_SLICE = 50;

/**
 * The search side of imports: each batch is tokenised and its postings encoded before its
 * transaction (while the previous batch is written), and gets its lexical index rows inside it;
 * after the last batch the embeddings are brought up to date (model fitted or refitted when
 * needed, missing vectors embedded, HNSW index rebuilt after a bulk load). The token counts of
 * the batches are kept until then, so fitting on a fresh store reads no postings back.
 */
export function createOutcomeIndexer(settings: EmbeddingSettings, options: RefreshOptions = {}): OutcomeIndexer<PreparedOutcome> {
  let counts = new CountTable();
  let firstBatch = true;
  return {
    async prepare(outcomes) {
      const terms: OutcomeTerms[] = [];
      for (let at = 0; at < outcomes.length; at += TOKENISE_SLICE) {
        terms.push(...outcomes.slice(at, at + TOKENISE_SLICE).map(outcomeTerms));
        await setImmediate();
      }
      const batch = await encodePostings(terms, () => setImmediate());
      return terms.map((t, position) => ({ ...t, batch, position }));
    },
    async indexBatch(tx: Queryable, outcomeIds: number[], prepared: PreparedOutcome[]) {
      // Into an empty index: load without the lexical indexes, built once at the end (finish).
      if (firstBatch && (await countSearchRows(tx)) === 0) await dropLexicalIndexes(tx);
      firstBatch = false;
      const rows = prepared.map((p, i) => ({ outcomeId: outcomeIds[i]!, terms: p.terms, docLen: p.docLen }));
      // The encoded postings serve when every row of the batch was written (unchanged rows are not).
      const batch = prepared[0]?.batch;
      const whole = batch !== undefined && prepared.length === batch.rows && prepared.every((p) => p.batch === batch);
      if (whole) {
        const idAt = new Array<number>(prepared.length);
        prepared.forEach((p, i) => (idAt[p.position] = outcomeIds[i]!));
        await writeSearchRows(tx, rows, { postings: batch, idOf: (row) => idAt[row]! });
      } else {
        await writeSearchRows(tx, rows);
      }
      outcomeIds.forEach((id, i) => counts.set(id, prepared[i]!.terms));
    },
    async finish(db: Db, _summary: IngestSummary) {
      const termCounts = counts;
      counts = new CountTable();
      await refreshEmbeddings(db, settings, { ...options, termCounts });
    },
  };
}
