import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../storage/db.js';
import { loadMigrations, migrate } from '../../storage/migrate.js';
import { hasVectorIndex } from '../../storage/repositories/searchIndex.js';
import { ensureSearchIndexes } from '../../src/search/ensureSearchIndexes.js';
import { searchOutcomes } from '../../src/search/searchOutcomes.js';
import { testEngines } from '../support/testDb.js';

/**
 * Migration 013 moved embeddings out of outcome_search into outcome_vectors. A store indexed
 * before it keeps its vectors, and the start-up check builds the HNSW index on the new table.
 */
describe.each(testEngines)('upgrading a store to outcome_vectors on $name', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await engine.open();
    const all = await loadMigrations();
    await migrate(db, all.filter((m) => m.version < 13));
    await db.exec(`
      INSERT INTO outcomes (source_id, kind, title, abstract, language, content_hash)
        VALUES ('P-1', 'patent', 'Kiln exhaust heat exchanger', 'Recovers kiln heat.', 'en', 'h1'),
               ('P-2', 'patent', 'Cold store compressor', 'Saves power in cold stores.', 'en', 'h2');
      INSERT INTO embedding_models (provider, name, dim, active) VALUES ('offline', 'lsa-2', 2, true);
      INSERT INTO outcome_search (outcome_id, lexemes, doc_len, embedding, model_id)
        SELECT o.id, array_to_tsvector(ARRAY['kiln','heat']), 2, '[1,0]'::vector, m.id
        FROM outcomes o, embedding_models m WHERE o.source_id = 'P-1';
      INSERT INTO outcome_search (outcome_id, lexemes, doc_len, embedding, model_id)
        SELECT o.id, array_to_tsvector(ARRAY['cold','compressor']), 2, '[0,1]'::vector, m.id
        FROM outcomes o, embedding_models m WHERE o.source_id = 'P-2';
      INSERT INTO outcome_terms (term, outcome_id, tf, doc_len)
        SELECT t, s.outcome_id, 1, 2 FROM outcome_search s, unnest(tsvector_to_array(s.lexemes)) t;`);
    await migrate(db);
  });
  afterAll(async () => db?.close());

  it('keeps every vector with its model', async () => {
    const rows = await db.query<{ source_id: string; embedding: string; model: string }>(
      `SELECT o.source_id, v.embedding::text AS embedding, m.name AS model
       FROM outcome_vectors v JOIN outcomes o ON o.id = v.outcome_id JOIN embedding_models m ON m.id = v.model_id ORDER BY 1`,
    );
    expect(rows.rows).toEqual([
      { source_id: 'P-1', embedding: '[1,0]', model: 'lsa-2' },
      { source_id: 'P-2', embedding: '[0,1]', model: 'lsa-2' },
    ]);
  });

  it('builds the missing HNSW index once, and search reads both sides', async () => {
    expect(await hasVectorIndex(db)).toBe(false);
    expect(await ensureSearchIndexes(db)).toBe(true);
    expect(await hasVectorIndex(db)).toBe(true);
    expect(await ensureSearchIndexes(db)).toBe(false);
    const [hit] = await searchOutcomes({ db }, { text: 'kiln heat' });
    expect(hit?.sourceId).toBe('P-1');
    expect(hit?.explanation.scores.lexical).toBeGreaterThan(0);
  });
});
