import { randomBytes } from 'node:crypto';
import type { Db } from '../../storage/db.js';
import { openPglite } from '../../storage/pgliteDb.js';
import { openPostgres } from '../../storage/postgresDb.js';

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
  ...(url ? [{ name: 'postgres' as const, open: () => openIsolatedPostgres(url) }] : []),
];

async function openIsolatedPostgres(serverUrl: string): Promise<Db> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(serverUrl, { poolSize: 1 });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const db = await openPostgres(serverUrl, { searchPath: `${schema},public` });
  return {
    ...db,
    async close() {
      await db.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}
