import type { Db } from '../../storage/db.js';
import { countIndexed, createVectorIndex, ensureLexicalIndexes, hasVectorIndex } from '../../storage/repositories/searchIndex.js';
import { activeEmbeddingModel } from '../../storage/repositories/searchModels.js';

/**
 * Builds the search indexes that are missing: the lexical ones after a bulk load that was cut
 * short, the HNSW index when vectors exist without one (e.g. after the upgrade that moved vectors
 * into their own table). Search stays correct without them, only slower. Returns whether it built any.
 */
export async function ensureSearchIndexes(db: Db): Promise<boolean> {
  const lexical = await ensureLexicalIndexes(db);
  const model = await activeEmbeddingModel(db);
  if (!model || (await hasVectorIndex(db)) || (await countIndexed(db)).embedded === 0) return lexical;
  await createVectorIndex(db, model.dim);
  return true;
}
