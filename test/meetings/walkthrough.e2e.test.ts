import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { testEngines } from '../support/testDb.js';
import { findNeed } from '../../storage/repositories/needs.js';
import { findMeetingById } from '../../storage/repositories/meetings.js';
import { listNeedEvents } from '../../storage/repositories/needEvents.js';
import { listFeedback } from '../../storage/repositories/meetingFeedback.js';
import { MEETING_REMINDER_JOB } from '../../src/meetings/reminders/reminderJob.js';
import { MEETING_FOLLOW_UP_JOB } from '../../src/meetings/feedback/followUpJob.js';
import { choiceNumber, MeetingsWorld } from './support/meetingsWorld.js';

const pglite = testEngines[0]!;
const DAY = 86_400_000;

/** Everything the console prints from now until `pattern` shows up (posts and DMs arrive from jobs). */
async function printedUntil(w: MeetingsWorld, pattern: RegExp, ms = 30_000): Promise<string> {
  let out = '';
  const until = Date.now() + ms;
  while (!pattern.test(out)) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}; got:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
    out += w.posts.drain();
  }
  return out;
}

/**
 * Carol (Shanghai), Rita (New York) and Bob the broker (Berlin) never share working hours: the
 * first proposal fails and says so; Rita widens her availability; everyone picks the first time
 * in their own zone and the meeting is booked. Returns what the last pick printed.
 */
async function introduceAndBook(w: MeetingsWorld): Promise<{ needId: number; booked: string }> {
  const needId = await w.cast({ bob: 'Europe/Berlin', carol: 'Asia/Shanghai', rita: 'America/New_York' });
  await w.say('/as bob');
  await w.say(`/intro ${needId} NB-001 @rita`);
  const carolInbox = await w.say('/as carol');
  await w.say(choiceNumber(carolInbox, 'Accept'));
  const ritaInbox = await w.say('/as rita');
  const accepted = await w.say(choiceNumber(ritaInbox, 'Accept'));
  expect(accepted).toContain('[DM @rita] I could not find a time for meeting #1: your availabilities never overlap in the next 14 days.');
  expect(accepted).toMatch(/\[DM @rita\] - rita: working hours Mon–Fri 09:00–17:00 America\/New_York/);

  w.posts.takeInbox('rita');
  expect(await w.say('/availability Mon-Fri 03:00-05:00 next week')).toContain('Noted, you are available (America/New_York):');
  const mine = await w.say('/meetings');
  const proposed = await w.say(choiceNumber(mine, 'Find new times'));
  expect(proposed).toMatch(/I sent everyone [1-5] new times for meeting #1/);

  let last = '';
  for (const [name, offset] of [['carol', /\(UTC\+8\)/], ['rita', /\(UTC−[45]\)/], ['bob', /\(UTC\+[12]\)/]] as const) {
    const inbox = await w.say(`/as ${name}`);
    expect(inbox).toContain('== Meeting #1: pick the times that suit you ==');
    const first = choiceNumber(inbox, offset); // times are shown in each person's own zone
    last = await w.say(first);
  }
  return { needId, booked: last };
}

describe('meetings walkthrough in the console (introduce → accept → schedule → invite → reminder → feedback)', { timeout: 300_000 }, () => {
  const worlds: MeetingsWorld[] = [];
  afterEach(async () => {
    for (const w of worlds.splice(0)) await w.close();
  });

  it('takes three people from an introduction to feedback that moves the need to agreement', async () => {
    const w = await MeetingsWorld.open(pglite);
    worlds.push(w);
    await w.startJobs();
    const { needId, booked } = await introduceAndBook(w);

    expect(booked).toMatch(/Booked: meeting #1, .* Europe\/Berlin \(UTC\+[12]\)\. Everyone gets a calendar invite\./);
    expect(booked).toContain('[DM @carol] == Meeting #1 is booked ==');
    expect((await findNeed(w.db, 'console', needId))!.status).toBe('meeting_scheduled');
    const files = [...booked.matchAll(/\[DM @(\w+)\] \[file\] (\S+\.ics)/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(files.map(([who]) => who)).toEqual(['carol', 'rita', 'bob']);
    const carolIcs = readFileSync(files[0]![1], 'utf8');
    expect(carolIcs).toContain('METHOD:REQUEST');
    expect(carolIcs).toMatch(/DTSTART;TZID=Asia\/Shanghai:\d{8}T\d{6}/);
    expect(readFileSync(files[1]![1], 'utf8')).toMatch(/DTSTART;TZID=America\/New_York:/);

    // A slot button from the proposal, pressed after the booking.
    const slotIds = (await w.db.query<{ id: string | number }>('SELECT id FROM meeting_slots WHERE meeting_id = 1 ORDER BY id')).rows.map((r) => String(r.id));
    await w.say('/as carol');
    expect(await w.press('slot.pick', slotIds.at(-1)!)).toMatch(/! Meeting #1 is already booked for .* Asia\/Shanghai \(UTC\+8\)\./);

    // The reminder job, as the queue runs it when its time comes.
    const startsAt = (await findMeetingById(w.db, 1))!.startsAt!;
    await w.services.jobs!.send(MEETING_REMINDER_JOB, { meetingId: 1, startsAt: startsAt.toISOString(), leadMinutes: 60 });
    const reminded = await printedUntil(w, /\[DM @bob\] == Reminder: meeting #1 starts in 1 hour ==/);
    expect(reminded).toContain('[DM @carol] == Reminder: meeting #1 starts in 1 hour ==');
    expect(reminded).toContain('[DM @rita] == Reminder: meeting #1 starts in 1 hour ==');

    // Two weeks later the meeting is over: the follow-up asks all three for feedback.
    w.services.now = () => new Date(Date.now() + 15 * DAY);
    await w.services.jobs!.send(MEETING_FOLLOW_UP_JOB, { meetingId: 1, startsAt: startsAt.toISOString() });
    await printedUntil(w, /\[DM @bob\] == How did meeting #1 go\? ==/);
    const carolForm = await w.say('/as carol');
    expect(carolForm).toContain('Feedback on meeting #1 — answer each line:');
    expect(carolForm).toContain('/feedback 1 <yes|no> <1-5> <none|another_meeting|proposal|pilot_test|contract> [comment]');
    expect(await w.say('/feedback 1 yes 9 pilot test')).toContain('! I could not read that feedback: A number from 1 (not useful) to 5 (very useful).');
    expect(await w.say('/feedback 1 yes 5 pilot test Promising coating, samples next month')).toContain(`Thank you for your feedback on meeting #1. Need #${needId} is now at “met”.`);
    expect(await w.say('/feedback 1 yes 5 pilot test')).toContain('You already gave feedback on meeting #1. Thank you!');
    await w.say('/as rita');
    expect(await w.say('/feedback 1 yes 4 contract')).toContain(`Need #${needId} is now at “agreement”.`);
    await w.say('/as bob');
    expect(await w.say('/feedback 1 yes 4 proposal')).toContain('Thank you for your feedback on meeting #1.');

    expect((await findNeed(w.db, 'console', needId))!.status).toBe('agreement');
    const stages = (await listNeedEvents(w.db, 'console', needId)).filter((e) => e.kind === 'stage').map((e) => `${e.fromStage}→${e.toStage}`);
    expect(stages).toEqual(['submitted→translated', 'translated→intro_requested', 'intro_requested→meeting_scheduled', 'meeting_scheduled→met', 'met→agreement']);
    expect((await findMeetingById(w.db, 1))!.status).toBe('held');
    const feedback = await listFeedback(w.db, 1);
    expect(feedback.map((f) => [f.role, f.happened, f.usefulness, f.nextStep, f.comment])).toEqual([
      ['enterprise', true, 5, 'pilot_test', 'Promising coating, samples next month'], ['researcher', true, 4, 'contract', ''], ['broker', true, 4, 'proposal', ''],
    ]);
  });

  it('reschedules with an updated invite, cancels with METHOD:CANCEL, flags a no-show and answers bad input clearly', async () => {
    const w = await MeetingsWorld.open(pglite);
    worlds.push(w);
    await w.startJobs();
    await introduceAndBook(w);
    const firstSlots = (await w.db.query<{ id: string | number }>('SELECT id FROM meeting_slots WHERE meeting_id = 1 ORDER BY id')).rows.map((r) => String(r.id));
    const uid = (await findMeetingById(w.db, 1))!.icsUid;

    // Bob moves it: one press; everyone gets new times; the first proposal's buttons are stale.
    await w.say('/as bob');
    const moved = await w.say(choiceNumber(await w.say('/meetings'), 'Reschedule'));
    expect(moved).toMatch(/I sent everyone [1-5] new times for meeting #1/);
    expect(moved).toContain('[DM @carol] bob asked to move meeting #1. New times follow.');
    expect(await w.press('slot.pick', firstSlots[0]!)).toContain('! Those times were replaced by newer ones.');
    // A proposed time that has meanwhile passed.
    const later = w.services.now;
    w.services.now = () => new Date(Date.now() + 30 * DAY);
    const newest = String((await w.db.query<{ id: string | number }>('SELECT id FROM meeting_slots WHERE meeting_id = 1 ORDER BY round DESC, starts_at LIMIT 1')).rows[0]!.id);
    expect(await w.press('slot.pick', newest)).toContain('! That time is already in the past.');
    w.services.now = later;

    let rebooked = '';
    for (const name of ['carol', 'rita', 'bob']) {
      const inbox = await w.say(`/as ${name}`);
      rebooked = await w.say(choiceNumber(inbox.slice(inbox.lastIndexOf('pick the times that suit you')), /UTC/));
    }
    expect(rebooked).toContain('[DM @carol] == Meeting #1 has a new time ==');
    const update = readFileSync([...rebooked.matchAll(/\[DM @carol\] \[file\] (\S+\.ics)/g)][0]![1]!, 'utf8');
    expect(update).toContain(`UID:${uid}`);
    expect(update).toContain('SEQUENCE:1');
    expect(update).toContain('METHOD:REQUEST');

    // Cancel: one press; a CANCEL with a higher SEQUENCE to everyone; a second cancel is refused.
    await w.say('/as rita');
    const cancelled = await w.say(choiceNumber(await w.say('/meetings'), 'Cancel meeting'));
    expect(cancelled).toContain('Meeting #1 is cancelled; everyone is told.');
    const cancelFile = readFileSync([...cancelled.matchAll(/\[DM @bob\] \[file\] (\S+meeting-1-cancelled\S*\.ics)/g)][0]![1]!, 'utf8');
    expect(cancelFile).toContain('METHOD:CANCEL');
    expect(cancelFile).toContain('SEQUENCE:2');
    expect(cancelFile).toContain(`UID:${uid}`);
    expect(await w.press('meeting.cancel', '1')).toContain('! Meeting #1 was already cancelled.');
    expect(await w.press('meeting.reschedule', '1')).toContain('! Meeting #1 was already cancelled.');
    expect(await w.say('/feedback 1 yes 4 none')).toContain('! Meeting #1 has not taken place (it is cancelled).');

    // Bad input, each with a clear answer.
    expect(await w.say('/timezone Mars/Olympus_Mons')).toContain('! I do not know the time zone “Mars/Olympus_Mons”.');
    expect(await w.say('/timezone europe/berln')).toContain('Did you mean Europe/Berlin?');
    expect(await w.say('/availability Mon 17:00-14:00')).toContain('! I could not read those times.');
    expect(await w.say('/availability 14:00-17:00')).toContain('! Which days?');
    expect(await w.say('/availability 2020-01-06 09:00-10:00')).toContain('! Those times are already in the past.'); // a fixed past date: "today 00:00-00:30" is still ahead in its first half hour
    expect(await w.say('/feedback 99 yes 4 none')).toContain('! I could not find meeting 99 for you.');
    expect(await w.press('slot.pick', '99999')).toContain('! That time is no longer on offer.');
    expect(await w.press('intro.accept', '42')).toContain('! I could not find introduction 42 for you.');
  });

  it('flags a meeting that did not happen to the broker', async () => {
    const w = await MeetingsWorld.open(pglite);
    worlds.push(w);
    await introduceAndBook(w);
    w.services.now = () => new Date(Date.now() + 15 * DAY);
    await w.say('/as carol');
    const said = await w.say('/feedback 1 no none Nobody joined the call');
    expect(said).toContain('Thank you for your feedback on meeting #1.');
    expect(said).toContain('[DM @bob] Flag: carol says meeting #1 (need #1) did not happen. They wrote: Nobody joined the call');
    expect((await findMeetingById(w.db, 1))!.status).toBe('missed');
    await w.say('/as rita');
    await w.say('/feedback 1 yes 3 another meeting');
    expect((await findMeetingById(w.db, 1))!.status).toBe('held');
  });
});
