import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testEngines } from '../support/testDb.js';
import { testServices } from '../support/testServices.js';
import { type JobDefinition } from '../../src/jobs/jobQueue.js';
import { waitFor } from '../support/waitFor.js';
import { useQueueDatabases } from '../support/queueDatabases.js';


describe.each(testEngines)('job queue (pg-boss) on $name', (engine) => {
  const openQueueDb = useQueueDatabases(engine);

  async function setUp() {
    const { db, start: startOn } = await openQueueDb();
    const runs: string[] = [];
    const echo: JobDefinition<{ tag: string }> = {
      name: 'echo',
      schema: z.object({ tag: z.string() }),
      run: async (_services, data) => {
        runs.push(data.tag);
      },
    };
    const start = () => startOn(testServices(db), [echo]);
    return { db, runs, start };
  }

  it('runs a delayed job once, after its time, even with two processes polling', async () => {
    const { runs, start } = await setUp();
    const a = await start();
    await start();
    const sentAt = Date.now();
    await a.send('echo', { tag: 'reminder' }, { at: new Date(sentAt + 1500) });
    await waitFor(() => runs.length > 0);
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(1400);
    await new Promise((r) => setTimeout(r, 1500));
    expect(runs).toEqual(['reminder']);
  }, 120_000);

  it('queues a keyed job once while it waits, and a cancelled job never runs', async () => {
    const { runs, start } = await setUp();
    const q = await start();
    const at = new Date(Date.now() + 1500);
    const first = await q.send('echo', { tag: 'keyed' }, { at, key: 'meeting:1:24h' });
    const second = await q.send('echo', { tag: 'keyed' }, { at, key: 'meeting:1:24h' });
    expect(first).toBeTruthy();
    expect(second).toBeNull();
    const doomed = await q.send('echo', { tag: 'cancelled' }, { at });
    await q.cancel('echo', doomed!);
    await q.send('echo', { tag: 'plain' }, { at });
    await waitFor(() => runs.length >= 2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(runs.sort()).toEqual(['keyed', 'plain']);
  }, 120_000);

  it('keeps a waiting job across a restart and runs it once afterwards', async () => {
    const { runs, start } = await setUp();
    const before = await start();
    await before.send('echo', { tag: 'survivor' }, { at: new Date(Date.now() + 1000) });
    await before.stop();
    await start();
    await waitFor(() => runs.length > 0);
    await new Promise((r) => setTimeout(r, 1000));
    expect(runs).toEqual(['survivor']);
  }, 120_000);
});
