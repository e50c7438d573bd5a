import { randomBytes } from 'node:crypto';
import type { Db } from './db.js';
import { openPostgres } from './postgresDb.js';

/**
 * A PostgreSQL database confined to a new, empty schema of its own (tests, benchmarks), so
 * runs never see each other's tables. Closing it drops the schema.
 */
export async function openScratchSchema(serverUrl: string, prefix: string): Promise<Db> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
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
