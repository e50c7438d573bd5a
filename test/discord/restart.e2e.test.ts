import { expect, it } from 'vitest';
import { openDb } from '../../storage/openDb.js';
import { startDiscordHarness } from './discordHarness.js';
import { slashCommand } from './fake/fixtures.js';

it('a restarted bot on the same database never answers an interaction twice', async () => {
  const { db } = await openDb({ dataDir: 'memory' });
  const i = slashCommand('status');
  const first = await startDiscordHarness({ db });
  try {
    await first.interact(i);
  } finally {
    await first.close();
  }
  // A new process (new client, new gateway session) gets the same interaction delivered again.
  const second = await startDiscordHarness({ db });
  try {
    second.gateway.dispatch('INTERACTION_CREATE', i);
    const fresh = slashCommand('help');
    await second.interact(fresh); // handled after the replay: the replay had its chance
    expect(second.answersTo(i)).toEqual([]);
    expect([...new Set([...second.rest.violations])]).toEqual([]);
  } finally {
    await second.close();
    await db.close();
  }
}, 120_000);
