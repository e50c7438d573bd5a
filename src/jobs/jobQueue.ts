import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { Services } from '../app/services.js';
import { bossDb } from './bossDb.js';

/**
 * A kind of background job a capability defines (a meeting reminder, a digest tick). The data
 * is parsed with `schema` before `run` sees it: jobs outlive releases, and their payload is JSON
 * read back from the database.
 */
export interface JobDefinition<T = unknown> {
  name: string;
  schema: z.ZodType<T>;
  run(services: Services, data: T): Promise<void>;
  /** Also run on this cron schedule (5 fields), in `cronTimeZone` (UTC by default), with empty data. */
  cron?: string;
  cronTimeZone?: string;
}

export interface SendOptions {
  /** Not before this time; at once when absent. */
  at?: Date;
  /**
   * Deduplication: while a job with this key is waiting, sending another is a no-op (returns
   * null). Lets several bot processes, or a retried chat delivery, queue a job once.
   */
  key?: string;
}

/** The Postgres-backed queue (pg-boss) as the core sees it. */
export interface JobQueue {
  /** Queues a job; its id, or null when `key` matched a job already waiting. */
  send(name: string, data: object, options?: SendOptions): Promise<string | null>;
  /** Cancels a waiting job (a reminder for a cancelled meeting). Unknown or finished ids are ignored. */
  cancel(name: string, id: string): Promise<void>;
  /** Stops polling, waiting for running jobs to finish. */
  stop(): Promise<void>;
}

export interface JobQueueOptions {
  /** Schema of pg-boss's own tables (kept apart from ours); tests give each run its own. */
  schema?: string;
  /** How often workers look for due jobs. */
  pollSeconds?: number;
}

export const DEFAULT_JOBS_SCHEMA = 'liaison_jobs';

/**
 * Starts pg-boss on the services' database, creates a queue per definition, and works them in
 * this process. Several processes may run it on one database: each job is taken by one of them
 * (pg-boss fetches with SKIP LOCKED), each cron tick is queued once.
 */
export async function startJobQueue(
  services: Services,
  definitions: readonly JobDefinition<any>[],
  options: JobQueueOptions = {},
): Promise<JobQueue> {
  const pollSeconds = options.pollSeconds ?? 2;
  const boss = new PgBoss({
    db: bossDb(services.db),
    schema: options.schema ?? DEFAULT_JOBS_SCHEMA,
    // Cron ticks are checked at most every 30 s by default; a reminder a few seconds late is fine.
    cronMonitorIntervalSeconds: Math.max(1, Math.min(45, Math.round(pollSeconds))),
    clockMonitorIntervalSeconds: 60,
  });
  boss.on('error', (err) => services.log.warn({ err }, 'job queue error'));
  await boss.start();
  for (const definition of definitions) {
    // 'short' policy: at most one waiting job per singleton key, enforced by a unique index.
    await boss.createQueue(definition.name, { name: definition.name, policy: 'short' });
    await boss.work(definition.name, { pollingIntervalSeconds: pollSeconds, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) {
        const parsed = definition.schema.safeParse(job.data ?? {});
        if (!parsed.success) {
          services.log.error({ job: job.name, id: job.id, issues: parsed.error.issues }, 'job data rejected; dropped');
          continue;
        }
        await definition.run(services, parsed.data);
      }
    });
    if (definition.cron) {
      await boss.schedule(definition.name, definition.cron, {}, { tz: definition.cronTimeZone ?? 'UTC' });
    }
  }
  return {
    async send(name, data, sendOptions = {}) {
      return boss.send(name, data, {
        ...(sendOptions.at ? { startAfter: sendOptions.at } : {}),
        // The 'short' policy makes the key unique among waiting jobs; a job without one gets its own.
        singletonKey: sendOptions.key ?? randomUUID(),
      });
    },
    async cancel(name, id) {
      await boss.cancel(name, id);
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
