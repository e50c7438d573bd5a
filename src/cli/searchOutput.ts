import type { Db } from '../../storage/db.js';
import { hasOutcomes } from '../../storage/repositories/outcomes.js';
import type { Config } from '../config/schema.js';
import { embeddingSettingsFrom } from '../embeddings/embeddingSettings.js';
import type { SearchDeps } from '../search/searchOutcomes.js';
import type { SearchResult } from '../search/searchResult.js';
import { explainLine, facts } from '../search/searchReply.js';

/** What a search on the command line runs with: the configured embeddings, warnings on stderr. */
export function cliSearchDeps(db: Db, config: Config): SearchDeps {
  return { db, embeddings: embeddingSettingsFrom(config), onWarning: (m) => process.stderr.write(`warning: ${m}\n`) };
}

/** Search results on a terminal: numbered with facts, evidence and scores, or one JSON object per line. */
export function printResults(results: readonly SearchResult[], json: boolean | undefined): void {
  if (json) {
    for (const r of results) process.stdout.write(`${JSON.stringify({ ...r, abstract: undefined })}\n`);
  } else if (results.length === 0) {
    process.stdout.write('No outcome matched.\n');
  } else {
    results.forEach((r, i) => {
      process.stdout.write(`${i + 1}. ${r.title} [${r.sourceId}]\n   ${facts(r)}\n   “${r.explanation.evidence}”\n   ${explainLine(r)}\n`);
    });
  }
}

/** Says on stderr how to fill an empty store: searches (and the translator's corpus feedback) need outcomes. */
export async function noteEmptyStore(db: Db): Promise<void> {
  if (await hasOutcomes(db)) return;
  process.stderr.write('note: no outcomes are stored yet. `npm start` loads the bundled sample on its first run (embedded database); `liaison ingest FILE` imports your own.\n');
}
