import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { Reply } from '../../src/messages/reply.js';
import { randomBytes } from 'node:crypto';
import { EVENT_SCHEDULE_JOB, eventScheduleJob } from '../../src/events/eventScheduleJob.js';
import { startJobQueue, type SendOptions } from '../../src/jobs/jobQueue.js';
import { scheduleStoredEvent } from '../../src/events/runEventSchedule.js';
import { testEngines } from '../support/testDb.js';
import { renderText } from '../../adapters/console/renderText.js';
import { castOf, NeedsWorld, textOf } from '../needs/support/needsWorld.js';

/** A day a month ahead, in Berlin, so "past date" never bites the test. */
const DAY = DateTime.now().setZone('Europe/Berlin').plus({ days: 30 }).toFormat('yyyy-MM-dd');

/** The calendar in a reply's .ics, parsed with ical.js (an independent parser). */
function calendarOf(r: Reply) {
  const file = r.attachments?.[0];
  expect(file?.filename).toMatch(/^event-\d+-agenda\.ics$/);
  const calendar = new ICAL.Component(ICAL.parse(new TextDecoder().decode(file!.data)));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, sequence: e.sequence, status: v.getFirstPropertyValue('status'), summary: e.summary, zone: e.startDate.zone?.tzid, start: e.startDate.toString().slice(11, 16), end: e.endDate.toJSDate() };
  });
}

describe.each(testEngines)('brokerage events on $name', (engine) => {
  let world: NeedsWorld;
  let cast: Awaited<ReturnType<typeof castOf>>;
  let eventId: number;
  /** Carol's request to Rita's team. */
  let toTeam: number;
  /** Direct messages to one console user since the last take, as text and replies. */
  const directsTo = (userId: string) => {
    const mine = world.notifier.directs.filter((d) => d.user.userId === userId).map((d) => d.reply);
    world.notifier.directs.splice(0, world.notifier.directs.length, ...world.notifier.directs.filter((d) => d.user.userId !== userId));
    return mine;
  };
  const requestId = (text: string) => Number(/Request #(\d+)/.exec(text)![1]);

  beforeAll(async () => {
    world = await NeedsWorld.open(engine);
    cast = await castOf(world);
  });
  afterAll(() => world.close());

  it('lets only brokers create events, and explains bad dates, times, zones and tables', async () => {
    const { broker, contact } = cast;
    expect(await contact.send(`/event create Fair ${DAY} 09:00-12:00 20 2`)).toContain('Only brokers can create events.');
    const bad: [string, string][] = [
      [`/event create Fair ${DAY} 09:00-12:00 20 2 Mars/Olympus`, 'I do not know the time zone "Mars/Olympus".'],
      ['/event create Fair 03/12/2026 09:00-12:00 20 2', '"03/12/2026" is not a date.'],
      [`/event create Fair 2027-02-30 09:00-12:00 20 2`, 'is not a day in the calendar'],
      ['/event create Fair 2020-01-06 09:00-12:00 20 2 Europe/Berlin', 'is in the past.'],
      [`/event create Fair ${DAY} 12:00-09:00 20 2`, 'must end after it starts'],
      [`/event create Fair ${DAY} 09:00-12:10 20 2`, 'is not a whole number of 20-minute slots'],
      [`/event create Fair ${DAY} 09:00-12:00 25 2`, 'Slots last 15, 20 or 30 minutes'],
      [`/event create Fair ${DAY} 09:00-12:00 20 0`, 'An event needs at least one table.'],
      ['/event create Fair', 'I need a name, a date, a time range'],
    ];
    for (const [command, message] of bad) expect(await broker.send(command)).toContain(message);
    const sent: { name: string; data: object; options?: SendOptions }[] = [];
    world.services.jobs = { send: async (name, data, options) => (sent.push({ name, data, options }), 'job-1'), cancel: async () => {}, stop: async () => {} };
    const out = await broker.send(`/event create Marine Coatings Day ${DAY} 09:00-10:40 20 2 Europe/Berlin`);
    delete world.services.jobs;
    eventId = Number(/Event #(\d+): Marine Coatings Day/.exec(out)![1]);
    // The deadline job: an hour before the start, once per event.
    const start = DateTime.fromISO(`${DAY}T09:00`, { zone: 'Europe/Berlin' });
    expect(sent).toEqual([{ name: 'event.schedule', data: { eventId }, options: { at: start.minus({ hours: 1 }).toJSDate(), key: `event-schedule:${eventId}` } }]);
    expect(out).toContain(`Agenda scheduled: ${DAY} 08:00`);
    expect(out).toContain(`${DAY} 09:00–10:40 Europe/Berlin`);
    expect(out).toContain('5 of 20 minutes');
    expect(await contact.send('/event')).toContain(`#${eventId} Marine Coatings Day`);
    expect(await contact.send(`/event shedule ${eventId}`)).toContain('I do not know /event shedule. Did you mean /event schedule?');
    expect(await contact.send('/help event')).toContain('Usage: /event [id] | /event create|join|request|schedule|withdraw|priority …');
  });

  it('registers participants with presence, break, limit and a team, and refuses what makes no sense', async () => {
    const { contact, rival, researcher, broker } = cast;
    expect(await contact.send(`/event join ${eventId} 09:00-10:00`)).toContain('You are in: Marine Coatings Day');
    expect(await rival.send(`/event join ${eventId} break 09:20-10:00 20 max 3`)).toContain('Break of 20 minutes kept free in 09:20–10:00. At most 3 meetings.');
    expect(await researcher.send(`/event join ${eventId} for NB-001`)).toContain('for the team of “Graphene-reinforced epoxy coating against seawater corrosion of steel”');
    expect(await broker.send(`/event join ${eventId} for NB-001`)).toContain('Rita already stands for');
    expect(await broker.send(`/event join ${eventId} 13:00-14:00`)).toContain('holds no whole slot of the event');
    expect(await broker.send(`/event join ${eventId} sometime`)).toContain('I did not understand "sometime"');
    expect(await broker.send('/event join 99999')).toContain('I could not find event 99999.');
    expect(await broker.send(`/event join ${eventId} for NB-404`)).toContain('There is no outcome "NB-404"');
  });

  it('sends requests with buttons; accept, decline, mutual, and the bad cases', async () => {
    const { contact, rival, researcher, broker } = cast;
    world.notifier.directs.length = 0;
    const toDan = requestId(await contact.send(`/event request ${eventId} @dan`));
    const [ask] = directsTo('dan');
    expect(textOf([ask!])).toContain(`Carol asks to meet you at Marine Coatings Day (event #${eventId}).`);
    expect(ask!.blocks.at(-1)).toMatchObject({ type: 'actions', elements: [{ action: 'event.accept', value: String(toDan) }, { action: 'event.decline' }] });
    expect(textOf(await world.press(contact, 'event.accept', String(toDan)))).toContain('This request was not addressed to you.');
    expect(textOf(await world.press(rival, 'event.accept', String(toDan)))).toContain('Accepted: you will meet Carol at Marine Coatings Day once the agenda is scheduled.');
    expect(textOf(await world.press(rival, 'event.decline', String(toDan)))).toContain(`Request #${toDan} is already accepted.`);
    expect(textOf(directsTo('carol').slice(-1))).toContain(`Dan accepted your meeting request #${toDan}`);

    toTeam = requestId(await contact.send(`/event request ${eventId} NB-001`));
    expect(textOf(directsTo('rita'))).toContain('Carol asks to meet the team of “Graphene-reinforced epoxy coating');
    await world.press(researcher, 'event.accept', String(toTeam));
    const danToRita = requestId(await rival.send(`/event request ${eventId} @rita`));
    expect(textOf(await world.press(researcher, 'event.decline', String(danToRita)))).toContain('Declined: no meeting with Dan');

    expect(await rival.send(`/event request ${eventId} @carol`)).toContain(`Carol had already asked you: request #${toDan} is now accepted as mutual`);
    expect(await contact.send(`/event request ${eventId} @dan`)).toContain('You already asked Dan');
    expect(await contact.send(`/event request ${eventId} @carol`)).toContain('You cannot ask yourself for a meeting.');
    expect(await contact.send(`/event request ${eventId} @bob`)).toContain('Bob has not joined event');
    expect(await contact.send(`/event request ${eventId} @nobody`)).toContain('I do not know anyone called nobody here.');
    expect(await contact.send(`/event request ${eventId} NB-002`)).toContain('Nobody stands for “Thermal spray aluminium coating');
    expect(await broker.send(`/event request ${eventId} @carol`)).toContain(`Join event #${eventId} first.`);
    expect(await contact.send('/event request 424242 @dan')).toContain('I could not find event 424242.');
    expect(await contact.send(`/event priority ${eventId} ${toTeam} 5`)).toContain('Only brokers can set priorities.');
    expect(await broker.send(`/event priority ${eventId} ${toTeam} 12`)).toContain('A priority is a number from 0 to 9');
    expect(await broker.send(`/event priority ${eventId} ${toTeam} 5`)).toContain(`Request #${toTeam} has priority 5.`);
    expect(await contact.send(`/event ${eventId}`)).toMatch(new RegExp(`#${toDan} to Dan: accepted \\(mutual\\)`));
  });

  it('schedules on the broker’s word and sends each participant an agenda with an .ics', async () => {
    const { contact, broker } = cast;
    expect(await contact.send(`/event schedule ${eventId}`)).toContain('Only brokers can schedule events.');
    world.notifier.directs.length = 0;
    const out = await broker.send(`/event schedule ${eventId}`);
    expect(out).toContain('Meetings placed: 2 of 2 accepted requests');
    expect(out).toContain('Most possible: 2');
    expect(out).toContain('Agendas sent: 3');
    const [carols] = directsTo('carol');
    expect(textOf([carols!])).toMatch(/Your agenda for Marine Coatings Day/);
    const entries = calendarOf(carols!);
    expect(entries).toHaveLength(2);
    for (const e of entries) {
      expect(e).toMatchObject({ sequence: 1, status: 'CONFIRMED', zone: 'Europe/Berlin' });
      expect(e.start >= '09:00' && e.start < '10:00').toBe(true); // Carol's presence
    }
    expect(new Set(entries.map((e) => e.start)).size).toBe(2); // never two at once
    const meetings = await world.db.query<{ slot: number; table_no: number }>('SELECT slot, table_no FROM event_meetings WHERE event_id = $1', [eventId]);
    expect(meetings.rows).toHaveLength(2);
    expect(calendarOf(directsTo('rita')[0]!)).toHaveLength(1);
    expect(await contact.send(`/event ${eventId}`)).toContain('Your agenda:');
  });

  it('reschedules late changes with minimal disruption and tells only those affected', async () => {
    const { contact, researcher, broker } = cast;
    const before = await world.db.query<{ request_id: string; slot: number }>('SELECT request_id, slot FROM event_meetings WHERE event_id = $1 ORDER BY request_id', [eventId]);
    // Bob joins late and Rita's team accepts him: one more meeting, the others stay put.
    world.notifier.directs.length = 0;
    await broker.send(`/event join ${eventId}`);
    const bobToTeam = requestId(await broker.send(`/event request ${eventId} NB-001`));
    expect(textOf(await world.press(researcher, 'event.accept', String(bobToTeam)))).toContain('the agenda was updated');
    const after = await world.db.query<{ request_id: string; slot: number }>('SELECT request_id, slot FROM event_meetings WHERE event_id = $1 ORDER BY request_id', [eventId]);
    expect(after.rows.filter((r) => Number(r.request_id) !== bobToTeam)).toEqual(before.rows);
    expect(after.rows).toHaveLength(3);
    expect(directsTo('carol')).toEqual([]); // Carol's agenda did not change
    const ritas = directsTo('rita').filter((r) => r.attachments);
    expect(calendarOf(ritas.at(-1)!).map((e) => e.sequence)).toEqual([2, 2]);

    // Carol withdraws from Rita's team: Rita's calendar gets a cancellation, Carol's too.
    expect(await contact.send(`/event withdraw ${eventId} ${toTeam}`)).toContain(`Withdrawn: request #${toTeam}`);
    const cancelled = calendarOf(directsTo('carol').filter((r) => r.attachments).at(-1)!);
    expect(cancelled.find((e) => e.uid === `liaison-event-${eventId}-request-${toTeam}`)).toMatchObject({ status: 'CANCELLED', sequence: 3 });
    expect(await contact.send(`/event withdraw ${eventId} ${toTeam}`)).toContain('is already withdrawn');
    expect(await broker.send(`/event withdraw ${eventId} ${toTeam}`)).toContain('is not one of yours');
  });

  it('serialises two schedulings of one event (two bot processes): each sees the other’s result', async () => {
    const before = await world.db.query('SELECT request_id, slot, table_no FROM event_meetings WHERE event_id = $1 ORDER BY request_id', [eventId]);
    const runs = await Promise.all([scheduleStoredEvent(world.services, eventId), scheduleStoredEvent(world.services, eventId)]);
    expect(runs.map((r) => r.event.scheduleVersion).sort()).toEqual([4, 5]);
    expect(runs.every((r) => r.moved === 0)).toBe(true);
    const after = await world.db.query('SELECT request_id, slot, table_no FROM event_meetings WHERE event_id = $1 ORDER BY request_id', [eventId]);
    expect(after.rows).toEqual(before.rows);
  });

  it('schedules an open event at its deadline through the job queue, once', async () => {
    const { broker, contact, rival } = cast;
    const out = await broker.send(`/event create Second Day ${DAY} 14:00-15:00 30 1`);
    const id = Number(/Event #(\d+)/.exec(out)![1]);
    await contact.send(`/event join ${id}`);
    await rival.send(`/event join ${id}`);
    const r = requestId(await contact.send(`/event request ${id} @dan`));
    await world.press(rival, 'event.accept', String(r));
    // A name with a space, as typed after @.
    const eve = world.as('eve', { name: 'Eve Stone' });
    expect(await eve.send(`/event join ${id} 14:30-15:00 14:00-14:30`)).toContain('present 14:30–15:00 and 14:00–14:30.');
    expect(await contact.send(`/event request ${id} @Eve Stone`)).toMatch(/Request #\d+ sent to Eve Stone\./);
    world.notifier.directs.length = 0;
    // Through pg-boss on the same database, as at the deadline (here: in half a second).
    const schema = `jobs_${randomBytes(4).toString('hex')}`;
    const queue = await startJobQueue(world.services, [eventScheduleJob], { schema, pollSeconds: 0.5 });
    try {
      await queue.send(EVENT_SCHEDULE_JOB, { eventId: id }, { at: new Date(Date.now() + 500), key: `event-schedule:${id}` });
      for (let waited = 0; !world.notifier.directs.some((d) => d.user.userId === 'bob') && waited < 30_000; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await queue.stop();
      await world.db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    }
    expect(renderText(directsTo('bob')).text).toContain('Meetings placed: 1 of 1 accepted requests');
    const [entry] = calendarOf(directsTo('carol')[0]!);
    expect(entry!.zone).toBe('UTC');
    expect(['14:00', '14:30']).toContain(entry!.start);
    world.notifier.directs.length = 0;
    await eventScheduleJob.run(world.services, { eventId: id }); // already scheduled: nothing happens
    expect(world.notifier.directs).toEqual([]);
    // A year on, the event is over.
    const realNow = world.services.now;
    world.services.now = () => new Date(Date.now() + 400 * 86_400_000);
    try {
      expect(await eve.send(`/event join ${id}`)).toContain(`Event #${id} is over.`);
      expect(await eve.send(`/event request ${id} @carol`)).toContain(`Event #${id} is over.`);
    } finally {
      world.services.now = realNow;
    }
  }, 90_000);
});
