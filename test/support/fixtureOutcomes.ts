import { readFileSync } from 'node:fs';
import type { Queryable } from '../../storage/db.js';
import { upsertOutcomes } from '../../storage/repositories/outcomes.js';
import { outcomeSchema } from '../../src/outcomes/outcome.js';
import { contentHash } from '../../src/outcomes/contentHash.js';
import { indexOutcomeText } from '../../src/search/indexOutcomes.js';

/** The small outcome fixture the needs, meetings and adapter conversations search. */
export const FIXTURE_OUTCOMES = new URL('../needs/fixtures/outcomes.jsonl', import.meta.url);

/** Stores the fixture outcomes (upsert by source id) with their lexical index rows; their ids. */
export async function loadFixtureOutcomes(db: Queryable): Promise<number[]> {
  const outcomes = readFileSync(FIXTURE_OUTCOMES, 'utf8').trim().split('\n').map((l) => outcomeSchema.parse(JSON.parse(l)));
  const written = await upsertOutcomes(db, outcomes.map((o) => ({ ...o, contentHash: contentHash(o) })));
  const ids = written.map((w) => w.id);
  await indexOutcomeText(db, ids);
  return ids;
}
