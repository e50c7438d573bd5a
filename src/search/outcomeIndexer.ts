import { setImmediate } from 'node:timers/promises';
import type { Db, Queryable } from '../../storage/db.js';
import type { IngestSummary, OutcomeIndexer } from '../outcomes/ingest.js';
import type { EmbeddingSettings } from '../embeddings/embeddingSettings.js';
import { outcomeTerms } from './indexOutcomes.js';
import { dropLexicalIndexes, encodeSearchRows, writeSearchRows, type EncodedSearchRows, type PackedTerms } from '../../storage/repositories/searchIndex.js';
import { countSearchRows } from '../../storage/repositories/searchModels.js';
import { refreshEmbeddings, type RefreshOptions } from './refreshEmbeddings.js';
import { CountTable } from '../embeddings/countTable.js';

/** One outcome of a batch as prepared for the index: its packed token counts, and the batch's rows encoded ahead. */
interface PreparedOutcome {
  terms: PackedTerms;
  batch: EncodedSearchRows;
  /** Its row in the encoded batch. */
  position: number;
}

/** Outcomes tokenised between turns of the batch being written (query replies). */
const TOKENISE_SLICE = 50;

/**
 * The search side of imports: each batch is tokenised and its search rows encoded before its
 * transaction (while the previous batch is written), so the transaction only fills in the
 * outcome ids and writes; after the last batch the embeddings are brought up to date (model
 * fitted or refitted when needed, missing vectors embedded, HNSW index rebuilt after a bulk
 * load). The token counts of the batches are kept until then, so fitting on a fresh store reads
 * no postings back.
 */
export function createOutcomeIndexer(settings: EmbeddingSettings, options: RefreshOptions = {}): OutcomeIndexer<PreparedOutcome> {
  let counts = new CountTable();
  let firstBatch = true;
  /** Whether the postings key is there while batches are written (not in a bulk load). */
  let keyed = true;
  return {
    async prepare(outcomes) {
      const terms: PackedTerms[] = [];
      for (let at = 0; at < outcomes.length; at += TOKENISE_SLICE) {
        for (const o of outcomes.slice(at, at + TOKENISE_SLICE)) {
          const t = outcomeTerms(o);
          terms.push({ ...counts.pack(t.terms), docLen: t.docLen });
        }
        await setImmediate();
      }
      const batch = await encodeSearchRows(terms, counts.terms, { keyOrder: keyed, pause: () => setImmediate() });
      return terms.map((t, position) => ({ terms: t, batch, position }));
    },
    async indexBatch(tx: Queryable, outcomeIds: number[], prepared: PreparedOutcome[]) {
      // Into an empty index: load without the lexical indexes, built once at the end (finish).
      if (firstBatch && (await countSearchRows(tx)) === 0) {
        await dropLexicalIndexes(tx);
        keyed = false;
      }
      firstBatch = false;
      // The encoded batch serves when every row of it was written; unchanged rows are not, and
      // the rest are encoded again.
      const batch = prepared[0]?.batch;
      if (batch && prepared.length === batch.lexemes.length && prepared.every((p) => p.batch === batch)) {
        const ids = new Array<number>(prepared.length);
        prepared.forEach((p, i) => (ids[p.position] = outcomeIds[i]!));
        await writeSearchRows(tx, batch, ids);
      } else {
        await writeSearchRows(tx, await encodeSearchRows(prepared.map((p) => p.terms), counts.terms, { keyOrder: keyed }), outcomeIds);
      }
      outcomeIds.forEach((id, i) => counts.add(id, prepared[i]!.terms));
    },
    async finish(db: Db, _summary: IngestSummary) {
      const termCounts = counts;
      counts = new CountTable();
      await refreshEmbeddings(db, settings, { ...options, termCounts });
    },
  };
}
