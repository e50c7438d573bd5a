import type { Db, Queryable } from '../../storage/db.js';
import { upsertOutcomes } from '../../storage/repositories/outcomes.js';
import {
  finishImport,
  recordImportProgress,
  startImport,
  type ImportCounts,
} from '../../storage/repositories/outcomeImports.js';
import { cleanStrings } from './cleanStrings.js';
import { contentHash } from './contentHash.js';
import { describeIssues } from './describeIssues.js';
import { outcomeSchema, type Outcome } from './outcome.js';
import type { SourceRow } from './readers/sourceRow.js';

/** Keeps a search index in step with imports (implemented by search: embeddings + full text). */
export interface OutcomeIndexer<Prepared = unknown> {
  /**
   * Called for each batch before its transaction opens, with one value back per outcome: work
   * that needs no database (tokenising) runs here, while the previous batch is still being
   * written; long work should yield now and then, so that batch's queries get their replies.
   */
  prepare?(outcomes: readonly Outcome[]): Promise<Prepared[]>;
  /** Called inside each batch's transaction with the ids of rows added or updated in it and what `prepare` made of each. */
  indexBatch(tx: Queryable, outcomeIds: number[], prepared: Prepared[]): Promise<void>;
  /** Called once after all batches (e.g. to refit a model, build an HNSW index). */
  finish(db: Db, summary: IngestSummary): Promise<void>;
}

export interface IngestSummary {
  source: string;
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Rejected rows with the reason, in file order; the first 1,000 only (`rejected` counts all). */
  errors: { line: number; reason: string }[];
  /** Wall time of the import, the indexer's `finish` included (it sees the time up to the last batch). */
  seconds: number;
}

export interface IngestOptions {
  /** Shown in /imports, e.g. the file name. */
  source: string;
  /** Rows per transaction (default 500). */
  batchSize?: number;
  indexer?: OutcomeIndexer;
  /** Rows read so far (valid or not), after each row. */
  onProgress?: (done: number) => void;
  /** Who ran the import, when it came from chat. */
  actorPersonId?: number;
  /** Who ran it otherwise, e.g. 'cli:alice' or 'sample loader'. */
  actor?: string;
  /** Stops between rows (Ctrl-C): committed batches stay, the run is recorded as failed. */
  signal?: AbortSignal;
}

const KEPT_ERRORS = 1_000;
/** /imports shows a few; the rest are in the CLI output. */
const STORED_ERRORS = 50;

type HashedOutcome = Outcome & { contentHash: string };

/**
 * Validates rows and upserts them by source id, one transaction per batch: a killed import
 * leaves only whole batches behind, and running it again completes it (rows already stored
 * with the same content hash count as unchanged). The run is recorded in outcome_imports.
 * Throws only when the database or the indexer fails; bad rows are counted and reported.
 */
export async function ingestOutcomes(
  db: Db,
  rows: AsyncIterable<SourceRow>,
  options: IngestOptions,
): Promise<IngestSummary> {
  const started = performance.now();
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const { indexer } = options;
  const importId = await startImport(db, { source: options.source, personId: options.actorPersonId, actor: options.actor });
  const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0, rejected: 0 };
  const errors: IngestSummary['errors'] = [];
  let pending: HashedOutcome[] = [];
  const pendingIds = new Set<string>();

  const reject = (line: number, reason: string) => {
    counts.rejected++;
    if (errors.length < KEPT_ERRORS) errors.push({ line, reason });
  };

  const write = async (batch: HashedOutcome[], prepared: unknown[]) => {
    const delta = await db.transaction(async (tx) => {
      const written = await upsertOutcomes(tx, batch);
      if (indexer && written.length > 0) {
        const position = new Map(batch.map((o, i) => [o.sourceId, i]));
        await indexer.indexBatch(tx, written.map((w) => w.id), written.map((w) => prepared[position.get(w.sourceId)!]));
      }
      const added = written.filter((w) => w.inserted).length;
      const d = { added, updated: written.length - added, unchanged: batch.length - written.length };
      await recordImportProgress(tx, importId, add(counts, d), errors.slice(0, STORED_ERRORS));
      return d;
    });
    Object.assign(counts, add(counts, delta));
  };
  // One batch is written while the next is read and prepared (on a PostgreSQL server the two
  // then run on different cores); batches still commit one after another, in file order.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    pendingIds.clear();
    const prepared = indexer?.prepare ? await indexer.prepare(batch) : [];
    await writing;
    writing = write(batch, prepared);
    writing.catch(() => {}); // awaited by the next flush or below; not unhandled meanwhile
  };

  try {
    let done = 0;
    for await (const row of rows) {
      options.signal?.throwIfAborted();
      done++;
      if (row.error !== undefined) {
        reject(row.line, row.error);
      } else {
        const parsed = outcomeSchema.safeParse(cleanStrings(row.record));
        if (!parsed.success) {
          reject(row.line, describeIssues(parsed.error));
        } else {
          // The same id twice in one batch: store the first before the second updates it.
          if (pendingIds.has(parsed.data.sourceId)) await flush();
          pending.push({ ...parsed.data, contentHash: contentHash(parsed.data) });
          pendingIds.add(parsed.data.sourceId);
          if (pending.length >= batchSize) await flush();
        }
      }
      options.onProgress?.(done);
    }
    await flush();
    await writing;
    const summary: IngestSummary = {
      source: options.source,
      ...counts,
      errors,
      seconds: (performance.now() - started) / 1000,
    };
    if (indexer) {
      await indexer.finish(db, summary);
      summary.seconds = (performance.now() - started) / 1000; // the whole import, search index included
    }
    await recordImportProgress(db, importId, counts, errors.slice(0, STORED_ERRORS));
    await finishImport(db, importId, { status: 'finished' });
    return summary;
  } catch (err) {
    await writing.catch(() => {}); // a batch still being written ends (committed or not) before the run is recorded
    await recordImportProgress(db, importId, counts, errors.slice(0, STORED_ERRORS))
      .then(() => finishImport(db, importId, { status: 'failed', failure: err instanceof Error ? err.message : String(err) }))
      .catch(() => {}); // the database may be what failed; the original error matters more
    throw err;
  }
}

const add = (a: ImportCounts, d: Omit<ImportCounts, 'rejected'>): ImportCounts => ({
  added: a.added + d.added,
  updated: a.updated + d.updated,
  unchanged: a.unchanged + d.unchanged,
  rejected: a.rejected,
});
