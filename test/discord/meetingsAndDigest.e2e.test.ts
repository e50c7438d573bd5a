import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { runDueDigests } from '../../src/digests/runDueDigests.js';
import type { JobQueue } from '../../src/jobs/jobQueue.js';
import { MEETING_FOLLOW_UP_JOB, meetingFollowUpJob } from '../../src/meetings/feedback/followUpJob.js';
import { meetingReminderJob } from '../../src/meetings/reminders/reminderJob.js';
import { findMeetingById, findSlot } from '../../storage/repositories/meetings.js';
import { findNeed, insertDraftNeed, moveStage } from '../../storage/repositories/needs.js';
import { useDiscordHarness, type DiscordHarness } from './discordHarness.js';
import type { RestCall } from './fake/fakeDiscordRest.js';
import { ALICE, APP_ID, BOB, BROKERS_ID, buttonPress, CAROL, dmChannelOf, modalSubmit, RITA, slashCommand, type UserFixture } from './fake/fixtures.js';
import { loadFixtureOutcomes } from '../support/fixtureOutcomes.js';

const ORIGINAL = '/webhooks/{webhook_id}/{webhook_token}/messages/@original';
const FOLLOW_UP = '/webhooks/{webhook_id}/{webhook_token}';
const CALLBACK = '/interactions/{interaction_id}/{interaction_token}/callback';

type Body = { content?: string; embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[]; components?: { components: { custom_id?: string; label?: string }[] }[] };
const body = (c: RestCall) => (c.body ?? {}) as Body;
const textOf = (c: RestCall) => {
  const b = body(c);
  return [b.content ?? '', ...(b.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).map((f) => `${f.name} ${f.value}`)])].join('\n');
};

/** Parses an .ics with ical.js (an independent parser), registering its VTIMEZONE. */
function parseInvite(bytes: Buffer) {
  const calendar = new ICAL.Component(ICAL.parse(bytes.toString('utf8')));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return { method: calendar.getFirstPropertyValue('method'), event: new ICAL.Event(calendar.getFirstSubcomponent('vevent')!) };
}

describe('meetings and digests through Discord (real discord.js, fake REST + gateway)', () => {
  let h: DiscordHarness;
  /** The introduction's need and its booked meeting, shared by the steps after the booking. */
  let needId: number;
  let meetingId: number;
  /** What the bot queued (the harness runs no queue: the tests run the due jobs themselves). */
  const queued: { name: string; data: object; id: string }[] = [];

  useDiscordHarness(async (started) => {
    h = started;
    const jobs: JobQueue = {
      send: async (name, data) => {
        const id = `job-${queued.length + 1}`;
        queued.push({ name, data, id });
        return id;
      },
      cancel: async () => {},
      stop: async () => {},
    };
    h.services.jobs = jobs;
    await loadFixtureOutcomes(h.db);
  });

  /** Where a person talks to the bot: their own DM channel. */
  const inDm = (user: UserFixture) => ({ dm: true, from: user, dmChannel: dmChannelOf(user.id) });

  /** What the bot answered an interaction (the edited deferral and any follow-ups). */
  async function answer(payload: { id: string; token: string }): Promise<string> {
    const calls = await h.interact(payload);
    return calls.filter((c) => (c.route === ORIGINAL && c.method === 'PATCH') || c.route === FOLLOW_UP).map(textOf).join('\n');
  }

  /** The bot's posts in a person's DM so far. */
  const dmPosts = (user: UserFixture) => h.rest.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${dmChannelOf(user.id)}/messages` && c.status === 200);

  /** Waits for a post in the person's DM with a button for `action`; resolves with its custom id. */
  async function waitForButton(user: UserFixture, action: string): Promise<string> {
    const find = () => dmPosts(user).flatMap((p) => (body(p).components ?? []).flatMap((r) => r.components)).find((b) => b.custom_id?.includes(`|${action}|`))?.custom_id;
    await h.rest.waitFor(() => find() !== undefined);
    return find()!;
  }

  it('a broker introduces two people, both accept by button, all pick a time, each gets the .ics invite by DM', async () => {
    expect(await answer(slashCommand('setup', undefined, inDm(ALICE)))).toContain('you are the admin of this workspace');
    // Working hours (09:00–17:00 by default) that overlap in the afternoon of Europe.
    const zones = new Map([[BOB, 'Europe/Berlin'], [CAROL, 'Europe/London'], [RITA, 'America/New_York']]);
    for (const [user, zone] of zones) await answer(slashCommand('timezone', zone, inDm(user)));
    expect(await answer(slashCommand('role', `<@${BOB.id}> broker`, inDm(ALICE)))).toContain('bob is now a broker');
    expect(await answer(slashCommand('role', `<@${CAROL.id}> enterprise Acme Marine`, inDm(ALICE)))).toContain('carol is now an enterprise');
    expect(await answer(slashCommand('role', `<@${RITA.id}> researcher Ocean University`, inDm(ALICE)))).toContain('rita is now a researcher');
    // Carol's submitted need (the intake conversation has its own tests).
    const carol = (await h.db.query<{ person_id: number }>(`SELECT person_id FROM identities WHERE platform = 'discord' AND platform_user_id = $1`, [CAROL.id])).rows[0]!.person_id;
    needId = await insertDraftNeed(h.db, { workspaceId: APP_ID, ownerPersonId: Number(carol), text: 'Our steel pipes corrode quickly in seawater. We need a protective coating that lasts ten years.', language: 'en', constraints: {}, confidential: true });
    await moveStage(h.db, APP_ID, needId, 'draft', 'submitted');

    expect(await answer(slashCommand('intro', `${needId} NB-001 <@${RITA.id}>`, inDm(BOB)))).toContain('Introduction #1 requested');
    // Each side is asked in their own DM (discord.js knows these DM channels from their interactions).
    expect(await answer(buttonPress(await waitForButton(CAROL, 'intro.accept'), inDm(CAROL)))).toContain('as soon as the other side accepts');
    expect(await answer(buttonPress(await waitForButton(RITA, 'intro.accept'), inDm(RITA)))).toContain('Both sides accepted');

    // All three get the proposed times in their zone; everyone presses the first one.
    const picks: [UserFixture, string][] = [];
    for (const user of zones.keys()) picks.push([user, await waitForButton(user, 'slot.pick')]);
    const slotId = Number(picks[0]![1].split('|')[3]);
    expect(picks.map(([, id]) => Number(id.split('|')[3]))).toEqual([slotId, slotId, slotId]);
    const before = h.rest.calls.length;
    let last = '';
    for (const [user, id] of picks) last = await answer(buttonPress(id, inDm(user)));
    expect(last).toContain('Booked: meeting #1');

    const slot = (await findSlot(h.db, slotId))!;
    meetingId = slot.meetingId;
    for (const [user, zone] of zones) {
      const invite = await h.rest.waitFor((c) => h.rest.calls.indexOf(c) >= before && c.path === `/channels/${dmChannelOf(user.id)}/messages` && c.files.length > 0);
      expect(textOf(invite)).toContain('Meeting #1 is booked');
      const [file, ...more] = invite.files;
      expect(more).toEqual([]);
      expect(file!.filename).toMatch(/\.ics$/);
      expect(file!.contentType).toBe('text/calendar; method=request'); // a Blob's type is lowercased
      const { method, event } = parseInvite(file!.data);
      expect(method).toBe('REQUEST');
      expect(event.startDate.toJSDate().toISOString()).toBe(slot.start.toISOString());
      expect(event.endDate.toJSDate().toISOString()).toBe(slot.end.toISOString());
      expect(event.startDate.zone?.tzid).toBe(zone);
    }
  });

  it('the 1-hour reminder of the booked meeting reaches the broker and both parties by DM', async () => {
    const meeting = (await findMeetingById(h.db, meetingId))!;
    expect(meeting.status).toBe('booked');
    const before = h.rest.calls.length;
    await meetingReminderJob.run(h.services, { meetingId, startsAt: meeting.startsAt!.toISOString(), leadMinutes: 60 });
    for (const user of [BOB, CAROL, RITA]) {
      const reminders = dmPosts(user).filter((c) => h.rest.calls.indexOf(c) >= before);
      expect(reminders).toHaveLength(1);
      expect(textOf(reminders[0]!)).toContain(`Reminder: meeting #${meetingId} starts in 1 hour`);
    }
    // The job fires once: a retry sends nothing more.
    const after = h.rest.calls.length;
    await meetingReminderJob.run(h.services, { meetingId, startsAt: meeting.startsAt!.toISOString(), leadMinutes: 60 });
    expect(h.rest.calls.slice(after).filter((c) => c.method === 'POST' && c.path.endsWith('/messages'))).toEqual([]);
  });

  it('after the meeting each party is asked for feedback; the enterprise and the researcher answer in the form, moving the need to met, then agreement', async () => {
    const meeting = (await findMeetingById(h.db, meetingId))!;
    // The booking queued the follow-up for the meeting's end.
    const followUp = queued.filter((j) => j.name === MEETING_FOLLOW_UP_JOB);
    expect(followUp.map((j) => j.data)).toEqual([{ meetingId, startsAt: meeting.startsAt!.toISOString() }]);
    const before = h.rest.calls.length;
    await meetingFollowUpJob.run(h.services, { meetingId, startsAt: meeting.startsAt!.toISOString() });
    /** The "Open form" button of the feedback request in the person's DM. */
    const openFormIds = new Map<UserFixture, string>();
    for (const user of [BOB, CAROL, RITA]) {
      const requests = dmPosts(user).filter((c) => h.rest.calls.indexOf(c) >= before);
      expect(requests).toHaveLength(1);
      expect(textOf(requests[0]!)).toContain(`How did meeting #${meetingId} go?`);
      const openId = (body(requests[0]!).components ?? []).flatMap((r) => r.components).find((b) => b.custom_id?.startsWith('f|'))?.custom_id;
      expect(openId).toBeDefined();
      openFormIds.set(user, openId!);
    }
    expect((await findNeed(h.db, APP_ID, needId))!.status).toBe('meeting_scheduled');

    // The meeting is over: the bot's clock is past its end (the form refuses feedback on a meeting still to come).
    const now = h.services.now;
    h.services.now = () => new Date(meeting.endsAt!.getTime() + 60 * 60_000);
    try {
      /** Presses "Open form", gets the modal as the answer, submits it; resolves with the bot's answer. */
      const giveFeedback = async (user: UserFixture, values: Record<string, string | string[]>) => {
        const opened = await h.interact(buttonPress(openFormIds.get(user)!, inDm(user)), (cs) => cs.some((c) => c.route === CALLBACK));
        expect(opened).toHaveLength(1); // the modal is the answer: no deferral before it
        const modal = body(opened[0]!) as { type?: number; data?: { custom_id: string; title: string; components: { component: { custom_id: string } }[] } };
        expect(modal.type).toBe(9);
        expect(modal.data!.title).toBe(`Feedback on meeting #${meetingId}`);
        expect(modal.data!.components.map((c) => c.component.custom_id)).toEqual(['meeting', 'happened', 'usefulness', 'next_step', 'comment']);
        return answer(modalSubmit(modal.data!.custom_id, values, inDm(user)));
      };

      const fromCarol = await giveFeedback(CAROL, { meeting: [String(meetingId)], happened: ['yes'], usefulness: ['5'], next_step: ['pilot_test'], comment: 'Their coating fits our pipes.' });
      expect(fromCarol).toContain(`Thank you for your feedback on meeting #${meetingId}. Need #${needId} is now at “met”.`);
      expect((await findNeed(h.db, APP_ID, needId))!.status).toBe('met');

      const fromRita = await giveFeedback(RITA, { meeting: [String(meetingId)], happened: ['yes'], usefulness: ['4'], next_step: ['pilot_test'], comment: '' });
      expect(fromRita).toContain(`Need #${needId} is now at “agreement”.`);
      expect((await findNeed(h.db, APP_ID, needId))!.status).toBe('agreement');
      expect((await findMeetingById(h.db, meetingId))!.status).toBe('held');
    } finally {
      h.services.now = now;
    }
  });

  it('a channel subscribed to a digest receives it with its PNG chart', async () => {
    expect(await answer(slashCommand('digest', `subscribe daily 08:00 UTC <#${BROKERS_ID}>`, { from: BOB }))).toContain(BROKERS_ID);
    // The scheduler's tick, a minute after the next 08:00 UTC.
    const due = new Date();
    due.setUTCHours(8, 0, 0, 0);
    if (due.getTime() <= Date.now()) due.setUTCDate(due.getUTCDate() + 1);
    const before = h.rest.calls.length;
    const results = await runDueDigests({ ...h.services, now: () => new Date(due.getTime() + 60_000) });
    expect([...results.values()]).toEqual(['posted']);

    const posts = h.rest.calls.slice(before).filter((c) => c.method === 'POST' && c.path === `/channels/${BROKERS_ID}/messages`);
    expect(body(posts[0]!).embeds?.[0]?.title).toBeTruthy();
    const withFiles = posts.filter((c) => c.files.length > 0);
    expect(withFiles).toHaveLength(1);
    const [chart] = withFiles[0]!.files;
    expect(chart!.filename).toMatch(/\.png$/);
    expect(chart!.contentType).toBe('image/png');
    expect((withFiles[0]!.body as { attachments: { description?: string }[] }).attachments[0]!.description!.length).toBeGreaterThan(10);
    const png = chart!.data;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBeGreaterThan(100); // width
    expect(png.subarray(-8, -4).toString('latin1')).toBe('IEND');
  });
});
