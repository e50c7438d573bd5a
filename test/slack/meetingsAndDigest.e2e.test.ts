import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { LOADING_TEXT } from '../../adapters/slack/conversation.js';
import { runDueDigests } from '../../src/digests/runDueDigests.js';
import { findSlot } from '../../storage/repositories/meetings.js';
import { insertDraftNeed, moveStage } from '../../storage/repositories/needs.js';
import type { RecordedCall } from './fakeSlack.js';
import { useSlackHarness, type SlackHarness } from './slackHarness.js';
import { blockActionsPayload, interactionBody, sendToBot, slashCommandBody, TEAM } from './slackRequests.js';
import { loadFixtureOutcomes } from '../support/fixtureOutcomes.js';

/** The workspace's people: ada sets it up, bob brokers, carol asks for help, rita researches. */
const PEOPLE = { U0ADA: 'ada', U0BOB: 'bob', U0CAROL: 'carol', U0RITA: 'rita' } as const;
type UserId = keyof typeof PEOPLE;
const dmOf = (user: UserId) => `D${user.slice(1)}`;
const FORM = 'application/x-www-form-urlencoded' as const;

let h: SlackHarness;
let responses = 0;

useSlackHarness(async (started) => {
  h = started;
  await loadFixtureOutcomes(h.db);
}, { testRouter: false, people: PEOPLE });

/** Every piece of text of a post or response, for assertions. */
const textOf = (c: RecordedCall): string => JSON.stringify(c.params.blocks ?? []) + String(c.params.text ?? '');

/** A slash command typed in the person's DM with the bot; resolves with the text of its answers. */
async function slashAs(user: UserId, text: string, channel = { id: dmOf(user), name: 'directmessage' }): Promise<string> {
  const id = `m${++responses}`;
  await sendToBot(h.url, slashCommandBody({ text, responseUrl: h.fake.responseUrl(id), user, userName: PEOPLE[user], channel: channel.id, channelName: channel.name }), FORM);
  return answersTo(id);
}

/** The answers posted to a response_url, once there is one (the "Working on it…" note aside). */
async function answersTo(responseId: string): Promise<string> {
  const answers = () => h.fake.calls.filter((c) => c.method === 'response' && c.params.responseId === responseId && c.status === 200 && !c.params.delete_original && c.params.text !== LOADING_TEXT);
  await h.fake.waitFor(() => answers().length > 0);
  return answers().map(textOf).join('\n');
}

/** Posts of the bot in a person's DM so far. */
const dmPosts = (user: UserId) => h.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === dmOf(user));

/** The buttons of a post whose action is `action` (action ids are "<action>|<n>"). */
function buttons(post: RecordedCall, action: string): { action_id: string; value: string; text: { text: string } }[] {
  const blocks = post.params.blocks as { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[];
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []).filter((e) => e.action_id.startsWith(`${action}|`));
}

/** Waits for the person's DM to show a post with `action` buttons; resolves with its first button. */
async function waitForButton(user: UserId, action: string): Promise<{ action_id: string; value: string; text: { text: string } }> {
  await h.fake.waitFor(() => dmPosts(user).some((p) => buttons(p, action).length > 0));
  return buttons(dmPosts(user).find((p) => buttons(p, action).length > 0)!, action)[0]!;
}

/** The person presses a button in their DM with the bot; resolves with the text of the answer. */
async function press(user: UserId, button: { action_id: string; value: string; text: { text: string } }): Promise<string> {
  const id = `m${++responses}`;
  const payload = blockActionsPayload({ user: { id: user, name: PEOPLE[user] }, channel: dmOf(user), responseUrl: h.fake.responseUrl(id), action: { type: 'button', ...button } });
  await sendToBot(h.url, interactionBody(payload), FORM);
  return answersTo(id);
}

/** Parses an .ics with ical.js (an independent parser), registering its VTIMEZONE. */
function parseInvite(bytes: Buffer) {
  const calendar = new ICAL.Component(ICAL.parse(bytes.toString('utf8')));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return { method: calendar.getFirstPropertyValue('method'), event: new ICAL.Event(calendar.getFirstSubcomponent('vevent')!) };
}

describe('meetings and digests through Slack (real Bolt, fake Slack Web API)', () => {
  it('a broker introduces two people, both accept by button, all pick a time, each gets the .ics invite by DM', async () => {
    expect(await slashAs('U0ADA', 'setup')).toContain('you are the admin of this workspace');
    // Working hours (09:00–17:00 by default) that overlap in the afternoon of Europe.
    const zones = { U0BOB: 'Europe/Berlin', U0CAROL: 'Europe/London', U0RITA: 'America/New_York' } as const;
    for (const [user, zone] of Object.entries(zones)) await slashAs(user as UserId, `timezone ${zone}`);
    expect(await slashAs('U0ADA', 'role <@U0BOB> broker')).toContain('bob is now a broker');
    expect(await slashAs('U0ADA', 'role <@U0CAROL> enterprise Acme Marine')).toContain('carol is now an enterprise');
    expect(await slashAs('U0ADA', 'role <@U0RITA> researcher Ocean University')).toContain('rita is now a researcher');
    // Carol's submitted need (the intake conversation has its own tests).
    const carol = (await h.db.query<{ person_id: number }>(`SELECT person_id FROM identities WHERE platform = 'slack' AND platform_user_id = 'U0CAROL'`)).rows[0]!.person_id;
    const needId = await insertDraftNeed(h.db, { workspaceId: TEAM, ownerPersonId: Number(carol), text: 'Our steel pipes corrode quickly in seawater. We need a protective coating that lasts ten years.', language: 'en', constraints: {}, confidential: true });
    await moveStage(h.db, TEAM, needId, 'draft', 'submitted');

    expect(await slashAs('U0BOB', `intro ${needId} NB-001 <@U0RITA>`)).toContain('Introduction #1 requested');
    // Each side is asked in their own DM (conversations.open, then the question with buttons).
    expect(await press('U0CAROL', await waitForButton('U0CAROL', 'intro.accept'))).toContain('as soon as the other side accepts');
    expect(await press('U0RITA', await waitForButton('U0RITA', 'intro.accept'))).toContain('Both sides accepted');

    // All three get the proposed times in their zone; everyone presses the first one.
    const picks = await Promise.all((['U0BOB', 'U0CAROL', 'U0RITA'] as const).map(async (u) => [u, await waitForButton(u, 'slot.pick')] as const));
    expect(new Set(picks.map(([, b]) => b.value)).size).toBe(1); // the same slot, labelled per zone
    const startedAt = Date.now();
    const answers: string[] = [];
    for (const [user, button] of picks) answers.push(await press(user, button));
    expect(answers.at(-1)).toContain('Booked: meeting #1');

    await h.fake.waitFor(() => h.fake.uploads.shared().filter((f) => f.shared!.at >= startedAt).length >= 3);
    const slot = (await findSlot(h.db, Number(picks[0]![1].value)))!;
    const invites = h.fake.uploads.shared().filter((f) => f.shared!.at >= startedAt);
    expect(invites.map((f) => f.shared!.channel).sort()).toEqual(['D0BOB', 'D0CAROL', 'D0RITA']);
    for (const invite of invites) {
      expect(invite.filename).toMatch(/\.ics$/);
      const { method, event } = parseInvite(invite.bytes!);
      expect(method).toBe('REQUEST');
      expect(event.startDate.toJSDate().toISOString()).toBe(slot.start.toISOString());
      expect(event.endDate.toJSDate().toISOString()).toBe(slot.end.toISOString());
      // In the recipient's own zone, after the message that announces it in the same DM.
      const user = `U${invite.shared!.channel!.slice(1)}` as keyof typeof zones;
      expect(event.startDate.zone?.tzid).toBe(zones[user]);
      const booked = dmPosts(user).filter((p) => textOf(p).includes('Meeting #1 is booked'));
      expect(booked).toHaveLength(1);
      expect(booked[0]!.at).toBeLessThanOrEqual(invite.shared!.at);
    }
  });

  it('a channel subscribed to a digest receives it with its PNG chart', async () => {
    const brokers = { id: 'C0BROKERS', name: 'brokers' };
    expect(await slashAs('U0BOB', 'digest subscribe daily 08:00 UTC', brokers)).toContain('brokers');
    // The scheduler's tick, a minute after the next 08:00 UTC.
    const due = new Date();
    due.setUTCHours(8, 0, 0, 0);
    if (due.getTime() <= Date.now()) due.setUTCDate(due.getUTCDate() + 1);
    const startedAt = Date.now();
    const results = await runDueDigests({ ...h.services, now: () => new Date(due.getTime() + 60_000) });
    expect([...results.values()]).toEqual(['posted']);

    const post = h.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C0BROKERS').at(-1)!;
    expect((post.params.blocks as { type: string }[])[0]!.type).toBe('header');
    const [chart, ...more] = h.fake.uploads.shared().filter((f) => f.shared!.at >= startedAt);
    expect(more).toEqual([]);
    expect(chart!.filename).toMatch(/\.png$/);
    expect(chart!.shared).toMatchObject({ channel: 'C0BROKERS' });
    expect(chart!.shared!.initialComment!.length).toBeGreaterThan(10); // the chart's alt text
    const png = chart!.bytes!;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBeGreaterThan(100); // width
    expect(png.subarray(-8, -4).toString('latin1')).toBe('IEND');
    expect(chart!.shared!.at).toBeGreaterThanOrEqual(post.at);
  });
});
