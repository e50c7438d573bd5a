import { describe, expect, it } from 'vitest';
import { testEngines } from '../support/testDb.js';
import { testServices } from '../support/testServices.js';
import type { Services } from '../../src/app/services.js';
import { allJobs } from '../../src/commands/catalog.js';
import { RecordingNotifier } from '../../src/notify/channelNotifier.js';
import { cancelMeetingRow, countRemindersSent, findMeetingById, pickSlot } from '../../storage/repositories/meetings.js';
import { bookIfAllPicked } from '../../src/meetings/scheduling/pickSlot.js';
import { meetingBooked } from '../../src/meetings/scheduling/meetingBooked.js';
import { withdrawMeetingJobs } from '../../src/meetings/reminders/meetingJobs.js';
import { meetingReminderJob } from '../../src/meetings/reminders/reminderJob.js';
import { meetingFollowUpJob } from '../../src/meetings/feedback/followUpJob.js';
import { seedMeeting, seedOutcome, seedPerson } from './support/seedMeeting.js';
import { waitFor } from '../support/waitFor.js';
import { useQueueDatabases } from '../support/queueDatabases.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testEngines)('meeting reminders on $name', { timeout: 240_000 }, (engine) => {
  const openQueueDb = useQueueDatabases(engine);

  /** A booked meeting starting one hour and `seconds` from now; the 1-hour reminder is due in `seconds`. */
  async function bookedSoon(seconds: number) {
    const { db, start: startOn, stop } = await openQueueDb();
    const notifier = new RecordingNotifier();
    const services: Services = { ...testServices(db, { MEETING_REMINDERS: '1h' }), notifier };
    const start = () => startOn(services, allJobs());
    const outcomeId = await seedOutcome(db);
    const [rita, carol, bob] = [await seedPerson(db, 'rita'), await seedPerson(db, 'carol'), await seedPerson(db, 'bob')];
    // The first process is up before the clock starts, so the reminder is queued well ahead of its time.
    services.jobs = await start();
    const startsAt = new Date(Date.now() + 3_600_000 + seconds * 1000);
    const m = await seedMeeting(db, { outcomeId, broker: bob, enterprise: carol, researcher: rita, slots: [{ start: startsAt, end: new Date(startsAt.getTime() + 45 * 60_000) }] });
    for (const p of [carol, rita]) await pickSlot(db, m.slots[0]!.id, p);
    expect(await bookIfAllPicked(services, bob, m.meetingId, m.slots[0]!)).toEqual({ kind: 'booked' });
    const reminders = () => notifier.directs.filter((d) => d.reply.blocks.some((b) => b.type === 'header' && b.text.startsWith('Reminder:')));
    return { db, services, notifier, start, stop, meetingId: m.meetingId, startsAt, reminders };
  }

  it('sends a reminder once, after a restart, with two processes polling, and the feedback request once', async () => {
    const w = await bookedSoon(8);
    const before = w.services.jobs!;
    await meetingBooked(w.services, (await findMeetingById(w.db, w.meetingId))!);
    expect(w.notifier.directs.filter((d) => d.reply.attachments?.length)).toHaveLength(3); // the invites
    await w.stop(before); // the process stops before the reminder is due…
    await w.start(); // …and two others take over
    await w.start();
    await waitFor(() => w.reminders().length >= 3);
    await pause(2_000);
    expect(w.reminders().map((d) => d.user.userId).sort()).toEqual(['bob', 'carol', 'rita']);
    expect(w.reminders()[0]!.reply.blocks[0]).toEqual({ type: 'header', text: `Reminder: meeting #${w.meetingId} starts in 1 hour` });
    expect(await countRemindersSent(w.db, w.meetingId)).toBe(1);
    // A retried or duplicated job finds the "sent" row and sends nothing.
    await meetingReminderJob.run(w.services, { meetingId: w.meetingId, startsAt: w.startsAt.toISOString(), leadMinutes: 60 });
    expect(w.reminders()).toHaveLength(3);
    // The follow-up after the meeting asks each party once, however often its job runs.
    const forms = () => w.notifier.directs.filter((d) => d.reply.blocks.some((b) => b.type === 'form'));
    await meetingFollowUpJob.run(w.services, { meetingId: w.meetingId, startsAt: w.startsAt.toISOString() });
    await meetingFollowUpJob.run(w.services, { meetingId: w.meetingId, startsAt: w.startsAt.toISOString() });
    expect(forms().map((d) => d.user.userId).sort()).toEqual(['bob', 'carol', 'rita']);
  });

  it('withdraws the reminders of a cancelled meeting, and ignores a reminder for a time the meeting no longer has', async () => {
    const w = await bookedSoon(5);
    await meetingBooked(w.services, (await findMeetingById(w.db, w.meetingId))!);
    await meetingReminderJob.run(w.services, { meetingId: w.meetingId, startsAt: new Date(w.startsAt.getTime() + 3_600_000).toISOString(), leadMinutes: 60 });
    expect(w.reminders()).toHaveLength(0);
    await w.db.transaction((tx) => cancelMeetingRow(tx, w.meetingId));
    await withdrawMeetingJobs(w.services, w.meetingId);
    await pause(8_000);
    expect(w.reminders()).toHaveLength(0);
    expect(await countRemindersSent(w.db, w.meetingId)).toBe(0);
  });
});
