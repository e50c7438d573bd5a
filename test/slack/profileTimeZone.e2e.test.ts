import { describe, expect, it } from 'vitest';
import { useSlackHarness, type SlackHarness } from './slackHarness.js';
import { dmEvent, eventCallback, sendToBot, TEAM } from './slackRequests.js';
import { findPersonByIdentity } from '../../storage/repositories/people.js';

let h: SlackHarness;
useSlackHarness(
  (started) => {
    h = started;
  },
  {
    people: { U0CHI: 'Chidi', U0TOK: 'Tomoko', U0MAR: 'Marvin' },
    timeZones: { U0CHI: 'America/Chicago', U0TOK: 'Asia/Tokyo', U0MAR: 'Mars/Olympus_Mons' },
  },
);

/** A DM from `user`; resolves once the bot has answered it. */
async function dm(user: string, text: string): Promise<void> {
  const before = h.fake.calls.length;
  const res = await sendToBot(h.url, JSON.stringify(eventCallback(dmEvent(text, { user, channel: `D${user.slice(1)}` }))), 'application/json');
  expect(res.status).toBe(200);
  await h.fake.waitFor(() => h.fake.calls.slice(before).some((c) => c.method === 'chat.postMessage'));
}

async function zoneOf(user: string): Promise<string | null> {
  const person = await findPersonByIdentity(h.db, { platform: 'slack', workspaceId: TEAM, platformUserId: user });
  const res = await h.db.query<{ time_zone: string | null }>('SELECT time_zone FROM people WHERE id = $1', [person!.id]);
  return res.rows[0]!.time_zone;
}

describe('time zones from the Slack profile (users.info tz)', () => {
  it('gives a person who has none the zone of their Slack profile', async () => {
    await dm('U0CHI', 'status');
    expect(await zoneOf('U0CHI')).toBe('America/Chicago');
  });

  it('never overrides a zone the person set themselves', async () => {
    await dm('U0TOK', '/timezone Europe/Paris');
    expect(await zoneOf('U0TOK')).toBe('Europe/Paris');
    await dm('U0TOK', 'status');
    expect(await zoneOf('U0TOK')).toBe('Europe/Paris');
  });

  it('ignores a zone name the runtime does not know', async () => {
    await dm('U0MAR', 'status');
    expect(await zoneOf('U0MAR')).toBeNull();
  });
});
