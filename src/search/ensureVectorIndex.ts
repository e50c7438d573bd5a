import type { Db } from '../../storage/db.js';
import { countIndexed, createVectorIndex, hasVectorIndex } from '../../storage/repositories/searchIndex.js';
import { activeEmbeddingModel } from '../../storage/repositories/searchModels.js';

/**
 * Builds the HNSW index when vectors exist without one (e.g. after the upgrade that moved vectors
 * into their own table): search stays correct without it, only slower. Returns whether it built one.
 */
export async function ensureVectorIndex(db: Db): Promise<boolean> {
  const model = await activeEmbeddingModel(db);
  if (!model || (await hasVectorIndex(db)) || (await countIndexed(db)).embedded === 0) return false;
  await createVectorIndex(db, model.dim);
  return true;
}
