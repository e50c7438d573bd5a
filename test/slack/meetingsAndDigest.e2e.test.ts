import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { FORM_CALLBACK_ID, OPEN_FORM_ACTION } from '../../adapters/slack/actionIds.js';
import { LOADING_TEXT } from '../../adapters/slack/conversation.js';
import { runDueDigests } from '../../src/digests/runDueDigests.js';
import type { JobQueue, SendOptions } from '../../src/jobs/jobQueue.js';
import { MEETING_FOLLOW_UP_JOB, meetingFollowUpJob } from '../../src/meetings/feedback/followUpJob.js';
import { MEETING_REMINDER_JOB, meetingReminderJob } from '../../src/meetings/reminders/reminderJob.js';
import { spanInZone } from '../../src/meetings/scheduling/timeZones.js';
import { findMeetingById, findSlot } from '../../storage/repositories/meetings.js';
import { findNeed, insertDraftNeed, moveStage } from '../../storage/repositories/needs.js';
import type { RecordedCall } from './fakeSlack.js';
import { useSlackHarness, type SlackHarness } from './slackHarness.js';
import { blockActionsPayload, interactionBody, sendToBot, slashCommandBody, TEAM, viewSubmissionPayload } from './slackRequests.js';
import { loadFixtureOutcomes } from '../support/fixtureOutcomes.js';

/** The workspace's people: ada sets it up, bob brokers, carol asks for help, rita researches. */
const PEOPLE = { U0ADA: 'ada', U0BOB: 'bob', U0CAROL: 'carol', U0RITA: 'rita' } as const;
type UserId = keyof typeof PEOPLE;
const dmOf = (user: UserId) => `D${user.slice(1)}`;
const FORM = 'application/x-www-form-urlencoded' as const;

let h: SlackHarness;
let responses = 0;

/** What the bot queued (no pg-boss in this process): the test runs the jobs' handlers itself, when due. */
const queued: { name: string; data: object; options: SendOptions; id: string }[] = [];
const recordingQueue: JobQueue = {
  async send(name, data, options = {}) {
    const id = `job-${queued.length + 1}`;
    queued.push({ name, data, options, id });
    return id;
  },
  async cancel() {},
  async stop() {},
};

useSlackHarness(async (started) => {
  h = started;
  h.services.jobs = recordingQueue; // the router and the jobs share these services
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

/** A modal as the bot opened it (views.open): its inputs, one block each, block_id = input id. */
interface OpenedView {
  callback_id: string;
  private_metadata: string;
  blocks: { block_id: string; optional: boolean; element: { type: string; options?: { text: { text: string }; value: string }[] } }[];
}

/** The person presses the "Open" button of the form in a DM post; resolves with the modal it opened. */
async function openFormIn(user: UserId, post: RecordedCall): Promise<OpenedView> {
  const [open] = buttons(post, OPEN_FORM_ACTION);
  expect(open).toBeDefined();
  const n = h.fake.calls.length;
  const payload = blockActionsPayload({ user: { id: user, name: PEOPLE[user] }, channel: dmOf(user), responseUrl: h.fake.responseUrl(`m${++responses}`), action: { type: 'button', ...open! } });
  expect((await sendToBot(h.url, interactionBody(payload), FORM)).status).toBe(200);
  await h.fake.waitFor((calls) => calls.slice(n).some((c) => c.method === 'views.open' && c.status === 200));
  return h.fake.calls.slice(n).find((c) => c.method === 'views.open')!.params.view as OpenedView;
}

/**
 * The person submits the modal: `choices` picks an option of each select (by value, with the
 * label the modal showed), `typed` fills text inputs. Resolves with Slack's HTTP exchange.
 */
async function submitForm(user: UserId, view: OpenedView, choices: Record<string, string>, typed: Record<string, string> = {}) {
  const selected: Record<string, { text: string; value: string }> = {};
  for (const [blockId, value] of Object.entries(choices)) {
    const option = view.blocks.find((b) => b.block_id === blockId)?.element.options?.find((o) => o.value === value);
    expect(option, `${blockId} offers ${value}`).toBeDefined();
    selected[blockId] = { text: option!.text.text, value };
  }
  const payload = viewSubmissionPayload({ callbackId: view.callback_id, privateMetadata: view.private_metadata, values: typed, selected, user: { id: user, name: PEOPLE[user] } });
  return sendToBot(h.url, interactionBody(payload), FORM);
}

/** Parses an .ics with ical.js (an independent parser), registering its VTIMEZONE. */
function parseInvite(bytes: Buffer) {
  const calendar = new ICAL.Component(ICAL.parse(bytes.toString('utf8')));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return { method: calendar.getFirstPropertyValue('method'), event: new ICAL.Event(calendar.getFirstSubcomponent('vevent')!) };
}

describe('meetings and digests through Slack (real Bolt, fake Slack Web API)', () => {
  it('a broker introduces two people, both accept by button, all pick a time, each gets the .ics invite by DM, a reminder, and gives feedback that moves the need', async () => {
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
    const mark = h.fake.uploads.shared().length; // shares are recorded in order; read those after this mark
    const answers: string[] = [];
    for (const [user, button] of picks) answers.push(await press(user, button));
    expect(answers.at(-1)).toContain('Booked: meeting #1');

    await h.fake.waitFor(() => h.fake.uploads.shared().slice(mark).length >= 3);
    const slot = (await findSlot(h.db, Number(picks[0]![1].value)))!;
    const invites = h.fake.uploads.shared().slice(mark);
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

    // The booking queued a reminder an hour before the start, and the follow-up at its end.
    const meeting = (await findMeetingById(h.db, slot.meetingId))!;
    expect(meeting).toMatchObject({ id: 1, status: 'booked', needId });
    expect(meeting.startsAt!.toISOString()).toBe(slot.start.toISOString());
    const startsAt = meeting.startsAt!.toISOString();
    const reminderJob = { meetingId: meeting.id, startsAt, leadMinutes: 60 };
    expect(queued.find((j) => j.name === MEETING_REMINDER_JOB && (j.data as { leadMinutes: number }).leadMinutes === 60)).toMatchObject({
      data: reminderJob, options: { at: new Date(meeting.startsAt!.getTime() - 3_600_000) },
    });
    expect(queued.filter((j) => j.name === MEETING_FOLLOW_UP_JOB)).toMatchObject([{ data: { meetingId: meeting.id, startsAt }, options: { at: meeting.endsAt } }]);

    // An hour before the start the reminder job fires (its handler run here, as the queue would run it).
    const reminders = (user: UserId) => dmPosts(user).filter((p) => textOf(p).includes(`Reminder: meeting #${meeting.id} starts in 1 hour`));
    await meetingReminderJob.run(h.services, reminderJob);
    await h.fake.waitFor(() => (['U0BOB', 'U0CAROL', 'U0RITA'] as const).every((u) => reminders(u).length > 0));
    for (const [user, zone] of Object.entries(zones) as [keyof typeof zones, string][]) {
      const [reminder, ...more] = reminders(user);
      expect(more).toEqual([]);
      expect(reminder!.status).toBe(200);
      expect(textOf(reminder!)).toContain(spanInZone(meeting.startsAt!, meeting.endsAt!, zone)); // in the reader's zone
      expect(buttons(reminder!, 'meeting.reschedule')).toHaveLength(1);
    }
    // A retried or duplicated job reminds nobody twice.
    await meetingReminderJob.run(h.services, reminderJob);
    expect((['U0BOB', 'U0CAROL', 'U0RITA'] as const).map((u) => reminders(u).length)).toEqual([1, 1, 1]);
    expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.status !== 200)).toEqual([]);

    // The meeting is over: the follow-up job asks each of the three for feedback, by DM.
    const after = new Date(meeting.endsAt!.getTime() + 10 * 60_000);
    const realNow = h.services.now;
    h.services.now = () => after; // the bot's clock (the router shares these services)
    try {
      await meetingFollowUpJob.run(h.services, { meetingId: meeting.id, startsAt });
      const forms = (user: UserId) => dmPosts(user).filter((p) => textOf(p).includes(`How did meeting #${meeting.id} go?`));
      await h.fake.waitFor(() => (['U0BOB', 'U0CAROL', 'U0RITA'] as const).every((u) => forms(u).length > 0));
      await meetingFollowUpJob.run(h.services, { meetingId: meeting.id, startsAt }); // a retry asks nobody twice
      for (const user of ['U0BOB', 'U0CAROL', 'U0RITA'] as const) {
        expect(forms(user)).toHaveLength(1);
        expect(buttons(forms(user)[0]!, OPEN_FORM_ACTION)).toHaveLength(1);
      }
      const stage = async () => (await findNeed(h.db, TEAM, needId))!.status;
      expect(await stage()).toBe('meeting_scheduled');

      // Carol (the enterprise) opens the form from her DM and sends it: the need is "met".
      const carolView = await openFormIn('U0CAROL', forms('U0CAROL')[0]!);
      expect(carolView.callback_id).toBe(FORM_CALLBACK_ID);
      expect(carolView.blocks.map((b) => [b.block_id, b.optional])).toEqual([['meeting', false], ['happened', false], ['usefulness', true], ['next_step', false], ['comment', true]]);
      const thanks = (user: UserId) => dmPosts(user).filter((p) => textOf(p).includes(`Thank you for your feedback on meeting #${meeting.id}.`));
      const carolSent = await submitForm('U0CAROL', carolView, { meeting: String(meeting.id), happened: 'yes', usefulness: '5', next_step: 'pilot_test' }, { comment: 'Promising coating; we would test it on one pipe line.' });
      expect(carolSent.status).toBe(200);
      expect(carolSent.body).toBe(''); // the modal closes
      await h.fake.waitFor(() => thanks('U0CAROL').length > 0);
      expect(textOf(thanks('U0CAROL')[0]!)).toContain(`Need #${needId} is now at “met”`);
      expect(await stage()).toBe('met');

      // Rita (the researcher) names a pilot test too: both sides committed, the need reaches "agreement".
      const ritaView = await openFormIn('U0RITA', forms('U0RITA')[0]!);
      const ritaSent = await submitForm('U0RITA', ritaView, { meeting: String(meeting.id), happened: 'yes', usefulness: '4', next_step: 'pilot_test' });
      expect(ritaSent.status).toBe(200);
      expect(ritaSent.body).toBe('');
      await h.fake.waitFor(() => thanks('U0RITA').length > 0);
      expect(textOf(thanks('U0RITA')[0]!)).toContain(`Need #${needId} is now at “agreement”`);
      expect(await stage()).toBe('agreement');
    } finally {
      h.services.now = realNow;
    }
  });

  it('a channel subscribed to a digest receives it with its PNG chart', async () => {
    const brokers = { id: 'C0BROKERS', name: 'brokers' };
    expect(await slashAs('U0BOB', 'digest subscribe daily 08:00 UTC', brokers)).toContain('brokers');
    // The scheduler's tick, a minute after the next 08:00 UTC.
    const due = new Date();
    due.setUTCHours(8, 0, 0, 0);
    if (due.getTime() <= Date.now()) due.setUTCDate(due.getUTCDate() + 1);
    const mark = h.fake.uploads.shared().length;
    const results = await runDueDigests({ ...h.services, now: () => new Date(due.getTime() + 60_000) });
    expect([...results.values()]).toEqual(['posted']);

    const post = h.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C0BROKERS').at(-1)!;
    expect((post.params.blocks as { type: string }[])[0]!.type).toBe('header');
    const [chart, ...more] = h.fake.uploads.shared().slice(mark);
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
