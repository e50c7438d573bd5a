import { describe, expect, it } from 'vitest';
import { testEngines } from '../support/testDb.js';
import { testServices } from '../support/testServices.js';
import { allJobs } from '../../src/commands/catalog.js';
import { RecordingNotifier } from '../../src/notify/channelNotifier.js';
import { subscribeChannel } from './support/digestWorld.js';
import { useQueueDatabases } from '../support/queueDatabases.js';

describe.each(testEngines)('the digest tick on the real job queue ($name)', (engine) => {
  const openQueueDb = useQueueDatabases(engine);

  it('pg-boss runs the per-minute cron job, which posts a due digest once', async () => {
    const { db, start } = await openQueueDb();
    await subscribeChannel(db, { channel: 'every-minute', cron: '* * * * *', timeZone: 'UTC', since: new Date() });
    const notifier = new RecordingNotifier();
    const services = { ...testServices(db), notifier };
    await start(services, allJobs());
    const until = Date.now() + 100_000;
    while (notifier.posts.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
    expect(notifier.posts.map((p) => p.channel)).toEqual(['every-minute']);
    const runs = await db.query<{ status: string }>('SELECT status FROM digest_runs');
    expect(runs.rows).toEqual([{ status: 'posted' }]);
  }, 120_000);
});
