import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Queryable } from '../../storage/db.js';
import { hasVectorIndex } from '../../storage/repositories/searchIndex.js';
import { ensureSearchIndexes } from '../../src/search/ensureSearchIndexes.js';
import { searchOutcomes } from '../../src/search/searchOutcomes.js';
import { testEngines } from '../support/testDb.js';
import { loadOutcomes } from './searchFixture.js';

/**
 * The HNSW index holds the embeddings in half precision on a PostgreSQL server and in full
 * precision on PGlite (see indexedVectorType); search orders its dense list by the indexed
 * expression, so the index serves it, and a store indexed in the other precision is rebuilt.
 */
describe.each(testEngines)('the vector index on $name', (engine) => {
  const opclass = engine.name === 'postgres' ? 'halfvec_cosine_ops' : 'vector_cosine_ops';
  let db: Db;
  beforeAll(async () => {
    db = await engine.open();
    await loadOutcomes(db);
  });
  afterAll(async () => db?.close());

  const hnswIndexes = async () =>
    (
      await db.query<{ name: string; def: string }>(
        // The definition is read only for this schema's HNSW indexes: filtering pg_indexes on its
        // indexdef column decompiles other schemas' indexes too, and fails on one that a test
        // running beside this one drops meanwhile ("could not open relation with OID").
        `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
           FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
          WHERE t.relname = 'outcome_vectors' AND t.relnamespace = current_schema()::regnamespace
            AND i.relam = (SELECT oid FROM pg_am WHERE amname = 'hnsw')
          ORDER BY 1`,
      )
    ).rows;

  it(`is built with ${opclass}`, async () => {
    const indexes = await hnswIndexes();
    expect(indexes).toHaveLength(1);
    expect(indexes[0]!.def).toContain(opclass);
  });

  it('serves the dense list of a search', async () => {
    // The plan of the very statement search runs, with sequential scans priced out: a dense list
    // ordered by another expression than the index's could only be read by scanning the table.
    const plans: string[] = [];
    const explaining: Db = {
      ...db,
      engine: db.engine,
      transaction: (fn) =>
        db.transaction((tx) => {
          const query: Queryable['query'] = async (sql, params) => {
            if (sql.includes('WITH q(term')) {
              await tx.query(`SELECT set_config('enable_seqscan', 'off', true)`);
              const plan = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
              plans.push(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
            }
            return tx.query(sql, params);
          };
          return fn({ ...tx, query });
        }),
    };
    const results = await searchOutcomes({ db: explaining }, { text: 'kiln waste heat recovery', mode: 'dense' });
    expect(results.length).toBeGreaterThan(0);
    expect(plans).toHaveLength(1);
    const [index] = await hnswIndexes();
    expect(plans[0]).toContain(`Index Scan using ${index!.name}`);
  });

  // Stores indexed on PostgreSQL before half precision have the full-precision index under its old name.
  it.runIf(engine.name === 'postgres')('replaces the full-precision index of an older store at start-up', async () => {
    const [index] = await hnswIndexes();
    const dim = (await db.query<{ dim: number }>('SELECT dim FROM embedding_models WHERE active')).rows[0]!.dim;
    await db.exec(`DROP INDEX ${index!.name};
      CREATE INDEX outcome_vectors_embedding_hnsw ON outcome_vectors USING hnsw ((embedding::vector(${dim})) vector_cosine_ops)`);
    expect(await hasVectorIndex(db)).toBe(false);
    expect(await ensureSearchIndexes(db)).toBe(true);
    const after = await hnswIndexes();
    expect(after).toHaveLength(1);
    expect(after[0]!.def).toContain('halfvec_cosine_ops');
    expect(await hasVectorIndex(db)).toBe(true);
  });
});
