import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../storage/db.js';
import { loadMigrations, migrate } from '../../storage/migrate.js';
import { loadModelTerms } from '../../storage/repositories/searchModels.js';
import { testEngines } from '../support/testDb.js';

/**
 * A store made before migrations 017 (terms in byte order) and 018 (term vectors as bytes) keeps
 * its data, reads the same vectors, and keeps the planner statistics search relies on.
 */
describe.each(testEngines)('upgrading a search index on $name', (engine) => {
  let db: Db;
  const vector = Float32Array.of(0.5, -1.25, 3);
  beforeAll(async () => {
    db = await engine.open();
    const all = await loadMigrations();
    await migrate(db, all.filter((m) => m.version <= 16));
    await db.exec(`INSERT INTO outcome_terms (term, outcome_id, tf, doc_len)
      SELECT 'term' || (i % 20), i, 1 + i % 3, 10 FROM generate_series(1, 400) i`);
    const model = await db.query<{ id: number }>(`INSERT INTO embedding_models (provider, name, dim, active) VALUES ('offline', 'lsa-3', 3, true) RETURNING id`);
    await db.query('INSERT INTO embedding_model_terms (model_id, term, idf, vec) VALUES ($1, $2, 1.5, $3)', [
      model.rows[0]!.id,
      'kiln',
      Buffer.from(vector.buffer).toString('base64'),
    ]);
    await db.exec('ANALYZE outcome_terms; ANALYZE term_stats; ANALYZE embedding_model_terms');
    expect(await migrate(db)).toEqual(all.filter((m) => m.version > 16).map((m) => m.name));
  });
  afterAll(async () => db?.close());

  it('keeps every posting and the document frequencies', async () => {
    const res = await db.query<{ postings: number; df: number }>(
      `SELECT (SELECT count(*)::int FROM outcome_terms) AS postings, (SELECT df::int FROM term_stats WHERE term = 'term7') AS df`,
    );
    expect(res.rows[0]).toEqual({ postings: 400, df: 20 });
  });

  it('reads a term vector stored as base64 text before as the same floats', async () => {
    const model = await db.query<{ id: number }>('SELECT id FROM embedding_models WHERE active');
    const rows = await loadModelTerms(db, Number(model.rows[0]!.id), ['kiln']);
    expect(rows.map((r) => [r.term, [...r.vec]])).toEqual([['kiln', [...vector]]]);
  });

  it('compares terms byte by byte and still has their planner statistics', async () => {
    const columns = await db.query<{ t: string; collation: string }>(
      `SELECT table_name AS t, collation_name AS collation FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name = 'term' ORDER BY table_name`,
    );
    expect(columns.rows).toEqual([
      { t: 'embedding_model_terms', collation: 'C' },
      { t: 'outcome_terms', collation: 'C' },
      { t: 'term_stats', collation: 'C' },
    ]);
    const stats = await db.query<{ t: string }>(
      `SELECT tablename AS t FROM pg_stats WHERE schemaname = current_schema() AND attname = 'term' ORDER BY tablename`,
    );
    expect(stats.rows.map((r) => r.t)).toEqual(['embedding_model_terms', 'outcome_terms', 'term_stats']);
  });
});
