import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../storage/db.js';
import { activeEmbeddingModel } from '../../storage/repositories/searchModels.js';
import { createOfflineEmbedder } from '../../src/embeddings/offlineEmbedder.js';
import { searchableText } from '../../src/search/searchableText.js';
import { testEngines } from '../support/testDb.js';
import { loadOutcomes } from './searchFixture.js';

/**
 * An import embeds the outcomes it fitted the model on from the counts it kept (no text read or
 * tokenised again); those vectors must be the ones the stored model gives the same text later,
 * or documents and queries would not live in the same space.
 */
describe.each(testEngines)('vectors written by an import on $name', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await engine.open();
    await loadOutcomes(db);
  });
  afterAll(async () => db?.close());

  it('equal the stored model’s embedding of each outcome’s text', async () => {
    const model = (await activeEmbeddingModel(db))!;
    const rows = await db.query<{ title: string; abstract: string; keywords: string[]; embedding: string }>(
      'SELECT o.title, o.abstract, o.keywords, v.embedding::text AS embedding FROM outcomes o JOIN outcome_vectors v ON v.outcome_id = o.id WHERE v.embedding IS NOT NULL ORDER BY o.id',
    );
    expect(rows.rows.length).toBeGreaterThan(5);
    const fresh = await createOfflineEmbedder(db, model).embedDocuments(rows.rows.map(searchableText));
    rows.rows.forEach((r, i) => {
      const stored = JSON.parse(r.embedding) as number[];
      expect(stored).toHaveLength(model.dim);
      stored.forEach((x, k) => expect(x).toBeCloseTo(fresh[i]![k]!, 5));
    });
  });
});
