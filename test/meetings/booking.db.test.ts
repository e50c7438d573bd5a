import { afterEach, describe, expect, it } from 'vitest';
import { testEngines } from '../support/testDb.js';
import { testServices } from '../support/testServices.js';
import { migrate } from '../../storage/migrate.js';
import { openPostgres } from '../../storage/postgresDb.js';
import type { Db } from '../../storage/db.js';
import { findMeetingById, pickSlot } from '../../storage/repositories/meetings.js';
import { findNeed } from '../../storage/repositories/needs.js';
import { bookIfAllPicked } from '../../src/meetings/scheduling/pickSlot.js';
import { seedMeeting, seedOutcome, seedPerson, WS } from './support/seedMeeting.js';

const hour = 3_600_000;
const inHours = (h: number) => new Date(Math.ceil(Date.now() / hour) * hour + h * hour);

describe.each(testEngines)('booking on $name', { timeout: 240_000 }, (engine) => {
  const open: Db[] = [];
  afterEach(async () => {
    // The second connection first: closing the scratch database drops the schema it uses.
    for (const db of open.splice(0).reverse()) await db.close();
  });

  /** The database, and a second, separate connection pool to the same data (another bot process). */
  async function twoProcesses(): Promise<[Db, Db]> {
    const db = await engine.open();
    open.push(db);
    await migrate(db);
    if (engine.name !== 'postgres') return [db, db]; // PGlite is one process: concurrent calls on one handle
    const schema = (await db.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
    const other = await openPostgres(process.env.TEST_DATABASE_URL!, { searchPath: `${schema},public` });
    open.push(other);
    return [db, other];
  }

  it('never books a person twice when two overlapping bookings race from two processes', async () => {
    const [a, b] = await twoProcesses();
    const outcomeId = await seedOutcome(a);
    const [rita, carol, dan, bob, bea] = [
      await seedPerson(a, 'rita', 'America/New_York'), await seedPerson(a, 'carol', 'Asia/Shanghai'),
      await seedPerson(a, 'dan'), await seedPerson(a, 'bob'), await seedPerson(a, 'bea'),
    ];
    for (let round = 0; round < 4; round++) {
      const start = inHours(24 + round * 3);
      // Rita is in both meetings; their times overlap by 15 minutes.
      const first = await seedMeeting(a, { outcomeId, broker: bob, enterprise: carol, researcher: rita, slots: [{ start, end: new Date(start.getTime() + 45 * 60_000) }] });
      const later = new Date(start.getTime() + 30 * 60_000);
      const second = await seedMeeting(a, { outcomeId, broker: bea, enterprise: dan, researcher: rita, slots: [{ start: later, end: new Date(later.getTime() + 45 * 60_000) }] });
      for (const p of [carol, bob]) await pickSlot(a, first.slots[0]!.id, p);
      for (const p of [dan, bea]) await pickSlot(a, second.slots[0]!.id, p);

      // Rita's last pick completes both at once, each in its own process.
      const results = await Promise.all([
        bookIfAllPicked(testServices(a), rita, first.meetingId, first.slots[0]!),
        bookIfAllPicked(testServices(b), rita, second.meetingId, second.slots[0]!),
      ]);
      expect(results.map((r) => r.kind).sort()).toEqual(['booked', 'taken']);
      const statuses = [(await findMeetingById(a, first.meetingId))!.status, (await findMeetingById(a, second.meetingId))!.status];
      expect(statuses.sort()).toEqual(['booked', 'proposing']);
      // The loser left nothing behind: no busy time, its need not moved.
      const loser = results[0]!.kind === 'taken' ? first : second;
      expect((await a.query('SELECT 1 FROM busy_intervals WHERE meeting_id = $1', [loser.meetingId])).rows).toHaveLength(0);
      expect((await findNeed(a, WS, loser.needId))!.status).toBe('intro_requested');
    }
    const ritaBusy = await a.query<{ n: string }>('SELECT count(*) AS n FROM busy_intervals WHERE person_id = $1', [rita]);
    expect(Number(ritaBusy.rows[0]!.n)).toBe(4);
  });

  it('the exclusion constraint refuses overlapping time of one person, whoever inserts it', async () => {
    const [db] = await twoProcesses();
    const outcomeId = await seedOutcome(db);
    const [rita, carol, bob] = [await seedPerson(db, 'rita'), await seedPerson(db, 'carol'), await seedPerson(db, 'bob')];
    const start = inHours(48);
    const end = new Date(start.getTime() + hour);
    const m1 = await seedMeeting(db, { outcomeId, broker: bob, enterprise: carol, researcher: rita, slots: [{ start, end }] });
    const m2 = await seedMeeting(db, { outcomeId, broker: bob, enterprise: carol, researcher: rita, slots: [{ start, end }] });
    const busy = (meeting: number, person: number, s: Date, e: Date) =>
      db.query(`INSERT INTO busy_intervals (person_id, meeting_id, during) VALUES ($1, $2, tstzrange($3, $4, '[)'))`, [person, meeting, s.toISOString(), e.toISOString()]);
    await busy(m1.meetingId, rita, start, end);
    await expect(busy(m2.meetingId, rita, new Date(start.getTime() + 59 * 60_000), new Date(end.getTime() + hour))).rejects.toMatchObject({ code: '23P01' });
    // Back to back is fine, and so is someone else at the same time.
    await busy(m2.meetingId, rita, end, new Date(end.getTime() + hour));
    await busy(m1.meetingId, carol, start, end);
  });

  it('books once every participant has picked, and moves the need to meeting scheduled', async () => {
    const [db] = await twoProcesses();
    const outcomeId = await seedOutcome(db);
    const [rita, carol, bob] = [await seedPerson(db, 'rita'), await seedPerson(db, 'carol'), await seedPerson(db, 'bob')];
    const start = inHours(30);
    const m = await seedMeeting(db, { outcomeId, broker: bob, enterprise: carol, researcher: rita, slots: [{ start, end: new Date(start.getTime() + 45 * 60_000) }] });
    const services = testServices(db);
    expect(await bookIfAllPicked(services, carol, m.meetingId, m.slots[0]!)).toEqual({ kind: 'waiting', missing: ['rita', 'bob'] });
    expect(await bookIfAllPicked(services, rita, m.meetingId, m.slots[0]!)).toEqual({ kind: 'waiting', missing: ['bob'] });
    expect(await bookIfAllPicked(services, bob, m.meetingId, m.slots[0]!)).toEqual({ kind: 'booked' });
    expect(await bookIfAllPicked(services, bob, m.meetingId, m.slots[0]!)).toEqual({ kind: 'changed' });
    const booked = (await findMeetingById(db, m.meetingId))!;
    expect([booked.status, booked.startsAt?.toISOString()]).toEqual(['booked', start.toISOString()]);
    expect((await findNeed(db, WS, m.needId))!.status).toBe('meeting_scheduled');
  });
});
