import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from './db.js';
import { openPglite } from './pgliteDb.js';

/**
 * An embedded database in a temporary folder, removed on close: for the eval and benchmarks.
 * On disk rather than in memory because that is how the product runs, and because PGlite's
 * in-memory file system grows a large relation file by copying it (a 640,000-row load into one
 * table: 5–14 s in memory, under 1.2 s on disk).
 */
export async function openThrowawayPglite(): Promise<Db> {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-pglite-'));
  let db: Db;
  try {
    db = await openPglite(dir);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    ...db,
    async close() {
      try {
        await db.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
