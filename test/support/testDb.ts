import type { Db } from '../../storage/db.js';
import { openPglite } from '../../storage/pgliteDb.js';
import { openScratchSchema } from '../../storage/scratchSchema.js';

export interface TestEngine {
  name: 'pglite' | 'postgres';
  /** A fresh, empty database (not migrated). Closing it also removes it. */
  open(): Promise<Db>;
}

const url = process.env.TEST_DATABASE_URL;

/**
 * The engines a database suite runs on: embedded PGlite always, and the real PostgreSQL
 * when TEST_DATABASE_URL is set. Each Postgres database is a schema of its own, dropped on close.
 */
export const testEngines: TestEngine[] = [
  { name: 'pglite', open: () => openPglite() },
  ...(url ? [{ name: 'postgres' as const, open: () => openScratchSchema(url, 't') }] : []),
];
