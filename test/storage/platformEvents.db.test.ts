import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../storage/db.js';
import { migrate } from '../../storage/migrate.js';
import { claimEvent, pruneEvents } from '../../storage/repositories/platformEvents.js';
import { testEngines } from '../support/testDb.js';

describe.each(testEngines)('platform event de-duplication on $name', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await engine.open();
    await migrate(db);
  });
  afterAll(() => db.close());

  it('claims a delivery once, however often it arrives', async () => {
    expect(await claimEvent(db, 'slack', 'Ev1')).toBe(true);
    expect(await claimEvent(db, 'slack', 'Ev1')).toBe(false);
    expect(await claimEvent(db, 'discord', 'Ev1')).toBe(true);
  });

  it('lets exactly one of many simultaneous claims win', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => claimEvent(db, 'slack', 'Ev-race')));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('prunes only old deliveries', async () => {
    await db.query(`INSERT INTO platform_events (platform, event_id, received_at) VALUES ('slack', 'old', now() - interval '3 days')`);
    expect(await pruneEvents(db, 24)).toBe(1);
    expect(await claimEvent(db, 'slack', 'Ev1')).toBe(false);
  });
});
