import { randomBytes } from 'node:crypto';
import { afterEach } from 'vitest';
import type { Services } from '../../src/app/services.js';
import { startJobQueue, type JobDefinition, type JobQueue } from '../../src/jobs/jobQueue.js';
import type { Db } from '../../storage/db.js';
import { migrate } from '../../storage/migrate.js';
import type { TestEngine } from './testDb.js';

export interface QueueDatabase {
  db: Db;
  /** Starts one more "bot process" polling this database's queue (fast polling, for tests). */
  start(services: Services, definitions: readonly JobDefinition<any>[]): Promise<JobQueue>;
  /** Stops one of them, as a process going down. */
  stop(queue: JobQueue): Promise<void>;
}

/**
 * Migrated databases with job queues for a suite: each gets a pg-boss schema of its own, so
 * suites running at once on one PostgreSQL never share jobs. After each test every queue is
 * stopped, the schema dropped and the database closed.
 */
export function useQueueDatabases(engine: TestEngine): () => Promise<QueueDatabase> {
  const opened: { db: Db; queues: JobQueue[]; schema: string }[] = [];
  afterEach(async () => {
    for (const { db, queues, schema } of opened.splice(0)) {
      for (const q of queues) await q.stop();
      await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.close();
    }
  });
  return async () => {
    const db = await engine.open();
    await migrate(db);
    const entry = { db, queues: [] as JobQueue[], schema: `jobs_${randomBytes(4).toString('hex')}` };
    opened.push(entry);
    return {
      db,
      async start(services, definitions) {
        const q = await startJobQueue(services, definitions, { schema: entry.schema, pollSeconds: 0.5 });
        entry.queues.push(q);
        return q;
      },
      async stop(queue) {
        await queue.stop();
        entry.queues.splice(entry.queues.indexOf(queue), 1);
      },
    };
  };
}
