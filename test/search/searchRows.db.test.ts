import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../storage/db.js';
import { migrate } from '../../storage/migrate.js';
import { encodeSearchRows, writeSearchRows, type PackedTerms } from '../../storage/repositories/searchIndex.js';
import { ingestOutcomes } from '../../src/outcomes/ingest.js';
import type { SourceRow } from '../../src/outcomes/readers/sourceRow.js';
import { testEngines } from '../support/testDb.js';

const OUTCOMES = 2_500;
const TERMS_PER_OUTCOME = 40;

async function* papers(): AsyncGenerator<SourceRow> {
  for (let i = 0; i < OUTCOMES; i++) yield { line: i + 1, record: { sourceId: `P-${i}`, kind: 'paper', title: `Paper ${i}`, abstract: 'Text.' } };
}

/**
 * Search rows are encoded before their outcomes have ids and written once they do: a batch
 * larger than one COPY payload (2 MB) is split, and every posting of every payload gets its own
 * outcome's id, term, count and length.
 */
describe.each(testEngines)('encoded search rows on $name', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await engine.open();
    await migrate(db);
    await ingestOutcomes(db, papers(), { source: 'papers' });
  });
  afterAll(async () => db?.close());

  it('writes a batch of several payloads with each posting under its own outcome', async () => {
    // Outcome i has terms "shared-0" … "shared-39" with count (i + j) % 7 + 1 and "own-i" once.
    const dictionary = [...Array.from({ length: TERMS_PER_OUTCOME }, (_, j) => `shared-${j}`), ...Array.from({ length: OUTCOMES }, (_, i) => `own-${i}`)];
    const rows: PackedTerms[] = Array.from({ length: OUTCOMES }, (_, i) => ({
      ids: Int32Array.from([...Array.from({ length: TERMS_PER_OUTCOME }, (_, j) => j), TERMS_PER_OUTCOME + i]),
      counts: Int32Array.from([...Array.from({ length: TERMS_PER_OUTCOME }, (_, j) => ((i + j) % 7) + 1), 1]),
      docLen: 100 + i,
    }));
    const encoded = await encodeSearchRows(rows, dictionary, { keyOrder: false });
    expect(encoded.payloads.length).toBeGreaterThan(1);
    const ids = (await db.query<{ id: string }>(`SELECT id FROM outcomes ORDER BY source_id`)).rows.map((r) => Number(r.id));
    // Encoded row i belongs to the outcome listed i-th, in reverse, so the ids are not in row order.
    const outcomeOfRow = [...ids].reverse();
    await db.transaction((tx) => writeSearchRows(tx, encoded, outcomeOfRow));

    const stored = await db.query<{ outcome_id: string; term: string; tf: number; doc_len: number }>('SELECT outcome_id, term, tf, doc_len FROM outcome_terms');
    expect(stored.rows).toHaveLength(OUTCOMES * (TERMS_PER_OUTCOME + 1));
    const rowOfOutcome = new Map(outcomeOfRow.map((id, row) => [id, row]));
    const wrong = stored.rows.filter((p) => {
      const row = rowOfOutcome.get(Number(p.outcome_id))!;
      const at = rows[row]!.ids.findIndex((id) => dictionary[id] === p.term);
      return at < 0 || rows[row]!.counts[at] !== p.tf || p.doc_len !== 100 + row;
    });
    expect(wrong).toEqual([]);
    // Each outcome's own term sits with that outcome alone.
    const own = await db.query<{ outcome_id: string; term: string }>(`SELECT outcome_id, term FROM outcome_terms WHERE term LIKE 'own-%'`);
    expect(own.rows.every((p) => p.term === `own-${rowOfOutcome.get(Number(p.outcome_id))}`)).toBe(true);
    const lexemes = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outcome_search WHERE doc_len BETWEEN 100 AND ${99 + OUTCOMES}`);
    expect(lexemes.rows[0]!.n).toBe(OUTCOMES);
  });
});
