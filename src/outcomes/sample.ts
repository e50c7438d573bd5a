import { fileURLToPath } from 'node:url';
import type { Services } from '../app/services.js';
import { hasOutcomes } from '../../storage/repositories/outcomes.js';
import { ingestOutcomes, type IngestSummary, type OutcomeIndexer } from './ingest.js';
import { readOutcomeFile } from './readers/readOutcomeFile.js';

/** Built by scripts/build-sample.ts; sources and licences in storage/sample/ATTRIBUTION.md. */
export const SAMPLE_PATH = fileURLToPath(new URL('../../storage/sample/outcomes.jsonl.gz', import.meta.url));

export type SampleLoad = { loaded: true; summary: IngestSummary } | { loaded: false; reason: string };

/**
 * First start of the embedded default: fills an empty outcome store with the bundled sample so
 * search has something to find. Skipped when LOAD_SAMPLE_DATA is false, when the store already
 * has outcomes, and on a PostgreSQL server (a real deployment imports its own catalogue).
 */
export async function loadSampleIfEmpty(
  services: Services,
  options: { indexer?: OutcomeIndexer; path?: string } = {},
): Promise<SampleLoad> {
  const { config, db, log } = services;
  if (!config.LOAD_SAMPLE_DATA) return { loaded: false, reason: 'LOAD_SAMPLE_DATA is false' };
  if (db.engine !== 'pglite') return { loaded: false, reason: 'the sample is only loaded into the embedded database' };
  if (await hasOutcomes(db)) return { loaded: false, reason: 'the outcome store is not empty' };
  log.info('loading the sample outcomes into the empty store');
  const summary = await ingestOutcomes(db, readOutcomeFile(options.path ?? SAMPLE_PATH, { format: 'jsonl' }), {
    source: 'sample (storage/sample/outcomes.jsonl.gz)',
    actor: 'sample loader',
    indexer: options.indexer,
  });
  log.info({ added: summary.added, rejected: summary.rejected, seconds: summary.seconds }, 'sample outcomes loaded');
  return { loaded: true, summary };
}
