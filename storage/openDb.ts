import type { Db } from './db.js';
import { openPglite } from './pgliteDb.js';
import { openPostgres } from './postgresDb.js';
import { migrate } from './migrate.js';

export interface DbSettings {
  /** PostgreSQL server URL; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory, or 'memory' for a throwaway database. */
  dataDir: string;
  poolSize?: number;
  onError?: (err: Error) => void;
}

/** Opens the configured engine and brings its schema up to date. */
export async function openDb(settings: DbSettings): Promise<{ db: Db; applied: string[] }> {
  const db = settings.databaseUrl
    ? await openPostgres(settings.databaseUrl, { poolSize: settings.poolSize, onError: settings.onError })
    : await openPglite(settings.dataDir === 'memory' ? undefined : settings.dataDir);
  try {
    const applied = await migrate(db);
    return { db, applied };
  } catch (err) {
    await db.close();
    throw err;
  }
}
