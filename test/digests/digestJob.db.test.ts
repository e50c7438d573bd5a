import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { testEngines } from '../support/testDb.js';
import { testServices } from '../support/testServices.js';
import { migrate } from '../../storage/migrate.js';
import type { Db } from '../../storage/db.js';
import { startJobQueue, type JobQueue } from '../../src/jobs/jobQueue.js';
import { allJobs } from '../../src/commands/catalog.js';
import { RecordingNotifier } from '../../src/notify/channelNotifier.js';
import { subscribeChannel } from './support/digestWorld.js';

describe.each(testEngines)('the digest tick on the real job queue ($name)', (engine) => {
  const opened: { db: Db; queue?: JobQueue }[] = [];
  afterEach(async () => {
    for (const { db, queue } of opened.splice(0)) {
      await queue?.stop();
      await db.close();
    }
  });

  it('pg-boss runs the per-minute cron job, which posts a due digest once', async () => {
    const db = await engine.open();
    const entry: { db: Db; queue?: JobQueue } = { db };
    opened.push(entry);
    await migrate(db);
    await subscribeChannel(db, { channel: 'every-minute', cron: '* * * * *', timeZone: 'UTC', since: new Date() });
    const notifier = new RecordingNotifier();
    const services = { ...testServices(db), notifier };
    entry.queue = await startJobQueue(services, allJobs(), { schema: `jobs_${randomBytes(4).toString('hex')}`, pollSeconds: 0.5 });
    const until = Date.now() + 100_000;
    while (notifier.posts.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
    expect(notifier.posts.map((p) => p.channel)).toEqual(['every-minute']);
    const runs = await db.query<{ status: string }>('SELECT status FROM digest_runs');
    expect(runs.rows).toEqual([{ status: 'posted' }]);
  }, 120_000);
});
