import { afterEach, describe, expect, it } from 'vitest';
import { testEngines } from '../support/testDb.js';
import { migrate } from '../../storage/migrate.js';
import { openPostgres } from '../../storage/postgresDb.js';
import type { Db } from '../../storage/db.js';
import type { Reply } from '../../src/messages/reply.js';
import { RecordingNotifier } from '../../src/notify/channelNotifier.js';
import { ChannelUnreachableError } from '../../src/notify/channelUnreachableError.js';
import { runDueDigests } from '../../src/digests/runDueDigests.js';
import { createRouter } from '../../src/commands/catalog.js';
import { findSubscription } from '../../storage/repositories/digestSubscriptions.js';
import { claimFirstAdmin } from '../../storage/repositories/personRoles.js';
import { ensurePerson } from '../../storage/repositories/people.js';
import { botProcess, DAY, FakeClock, HOUR, MINUTE, subscribeChannel, tickThrough } from './support/digestWorld.js';

const textOf = (r: Reply) => r.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');

/** A notifier whose posts never finish: the process is frozen (or dies) after composing. */
class FrozenNotifier extends RecordingNotifier {
  calls = 0;
  override postToChannel(): Promise<void> {
    this.calls += 1;
    return new Promise(() => {});
  }
}

/** A notifier that fails with `error` for the first `times` posts. */
class FailingNotifier extends RecordingNotifier {
  constructor(private readonly error: () => Error, private times = Infinity) {
    super();
  }
  override async postToChannel(channel: string, reply: Reply): Promise<void> {
    if (this.times-- > 0) throw this.error();
    await super.postToChannel(channel, reply);
  }
}

describe.each(testEngines)('digest schedule on $name', (engine) => {
  const open: Db[] = [];
  afterEach(async () => {
    for (const db of open.splice(0).reverse()) await db.close();
  });
  const fresh = async () => {
    const db = await engine.open();
    open.push(db);
    await migrate(db);
    return db;
  };
  /** A second connection to the same database (Postgres), or the same embedded database (PGlite). */
  const secondConnection = async (db: Db): Promise<Db> => {
    if (engine.name === 'pglite') return db;
    const schema = (await db.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
    const other = await openPostgres(process.env.TEST_DATABASE_URL!, { searchPath: `${schema},public` });
    open.push(other);
    return other;
  };
  const runs = async (db: Db) =>
    (await db.query<{ channel: string; period_end: Date; posted_at: Date | null; late: boolean; status: string; attempts: number }>(
      'SELECT channel, period_end, posted_at, late, status, attempts FROM digest_runs ORDER BY channel, period_end',
    )).rows.map((r) => ({ ...r, period_end: new Date(r.period_end), posted_at: r.posted_at && new Date(r.posted_at) }));

  it('a fake clock drives a week: seven daily digests and one weekly, each on time in its own time zone', async () => {
    const db = await fresh();
    const clock = new FakeClock(new Date('2026-11-22T12:00:00Z')); // Sunday
    await subscribeChannel(db, { channel: 'daily-sh', cron: '0 8 * * *', timeZone: 'Asia/Shanghai', since: clock.now() });
    await subscribeChannel(db, { channel: 'weekly-be', cron: '30 9 * * 1', timeZone: 'Europe/Berlin', since: clock.now() });
    const bot = botProcess(db, clock);
    await tickThrough(bot, clock, 7 * DAY, 20 * MINUTE);
    const posts = bot.notifier.take();
    expect(posts.filter((p) => p.channel === 'daily-sh')).toHaveLength(7);
    expect(posts.filter((p) => p.channel === 'weekly-be')).toHaveLength(1);
    const rows = await runs(db);
    const daily = rows.filter((r) => r.channel === 'daily-sh');
    // 08:00 in Shanghai is 00:00 UTC; each posted within one tick of its time, none late.
    expect(daily.map((r) => r.period_end.toISOString())).toEqual(
      ['23', '24', '25', '26', '27', '28', '29'].map((d) => `2026-11-${d}T00:00:00.000Z`),
    );
    for (const r of rows) {
      expect(r.status).toBe('posted');
      expect(r.late).toBe(false);
      expect(r.posted_at!.getTime() - r.period_end.getTime()).toBeLessThanOrEqual(20 * MINUTE);
    }
    expect(rows.find((r) => r.channel === 'weekly-be')!.period_end.toISOString()).toBe('2026-11-23T08:30:00.000Z');
    // Nothing stored yet: each digest is one friendly line under its title.
    expect(posts[0]!.reply.blocks.filter((b) => b.type === 'text')).toHaveLength(1);
    expect(textOf(posts[0]!.reply)).toMatch(/Nothing to report yet/);
  }, 60_000);

  it('after downtime sends only the latest missed digest, once, marked late and covering the gap', async () => {
    const db = await fresh();
    const clock = new FakeClock(new Date('2026-11-22T12:00:00Z'));
    await subscribeChannel(db, { channel: 'daily', cron: '0 9 * * *', timeZone: 'UTC', since: clock.now() });
    const bot = botProcess(db, clock);
    await tickThrough(bot, clock, DAY, HOUR); // Monday 09:00 posted
    expect(bot.notifier.take()).toHaveLength(1);
    clock.advance(3 * DAY + 5 * HOUR); // down over three firings
    await runDueDigests(bot);
    await runDueDigests(bot);
    const posts = bot.notifier.take();
    expect(posts).toHaveLength(1);
    expect(textOf(posts[0]!.reply)).toMatch(/Sent late: this digest was due/);
    const rows = await runs(db);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ late: true, status: 'posted' });
    expect(rows[1]!.period_end.toISOString()).toBe('2026-11-26T09:00:00.000Z');
    const start = await db.query<{ period_start: Date }>('SELECT period_start FROM digest_runs WHERE late');
    expect(new Date(start.rows[0]!.period_start).toISOString()).toBe('2026-11-23T09:00:00.000Z');
  }, 60_000);

  it('two processes racing for the same digest post it exactly once', async () => {
    const db = await fresh();
    const other = await secondConnection(db);
    const clock = new FakeClock(new Date('2026-11-22T12:00:00Z'));
    await subscribeChannel(db, { channel: 'race', cron: '0 * * * *', timeZone: 'UTC', since: clock.now() });
    const a = botProcess(db, clock);
    const b = botProcess(other, clock);
    for (let hour = 0; hour < 6; hour++) {
      clock.advance(HOUR);
      const [ra, rb] = await Promise.all([runDueDigests(a), runDueDigests(b), runDueDigests(a), runDueDigests(b)]);
      expect([ra.get('ws-a:race'), rb.get('ws-a:race')].filter((r) => r === 'posted').length).toBeLessThanOrEqual(1);
    }
    expect(a.notifier.posts.length + b.notifier.posts.length).toBe(6);
    expect((await runs(db)).every((r) => r.status === 'posted' && r.attempts === 1)).toBe(true);
  }, 60_000);

  it('a crash between composing and posting: posted once after the restart, when the lease runs out', async () => {
    const db = await fresh();
    const clock = new FakeClock(new Date('2026-11-23T07:59:00Z'));
    await subscribeChannel(db, { channel: 'crash', cron: '0 8 * * 1', timeZone: 'UTC', since: clock.now() });
    const frozen = { ...botProcess(db, clock), notifier: new FrozenNotifier() };
    clock.advance(2 * MINUTE);
    void runDueDigests(frozen); // claims, composes, then never returns from posting
    while (frozen.notifier.calls === 0) await new Promise((r) => setTimeout(r, 20));
    const restarted = botProcess(db, clock, { DIGEST_LEASE_SECONDS: '300' });
    expect((await runDueDigests(restarted)).get('ws-a:crash')).toBe('taken'); // still leased
    expect(restarted.notifier.posts).toHaveLength(0);
    clock.advance(6 * MINUTE);
    expect((await runDueDigests(restarted)).get('ws-a:crash')).toBe('posted');
    await tickThrough(restarted, clock, HOUR, 5 * MINUTE);
    expect(restarted.notifier.posts).toHaveLength(1);
    expect(await runs(db)).toEqual([expect.objectContaining({ status: 'posted', attempts: 2 })]);
  }, 60_000);

  it('a transient posting error is retried with a growing delay and posted once', async () => {
    const db = await fresh();
    const clock = new FakeClock(new Date('2026-11-23T07:59:00Z'));
    await subscribeChannel(db, { channel: 'flaky', cron: '0 8 * * *', timeZone: 'UTC', since: clock.now() });
    const bot = { ...botProcess(db, clock), notifier: new FailingNotifier(() => new Error('socket hang up'), 2) };
    await tickThrough(bot, clock, 14 * MINUTE, MINUTE); // fails at 08:00, retries at 08:05, fails, waits 10 min
    expect(bot.notifier.posts).toHaveLength(0);
    await tickThrough(bot, clock, 2 * MINUTE, MINUTE); // 08:15
    expect(bot.notifier.posts).toHaveLength(1);
    await tickThrough(bot, clock, HOUR, 5 * MINUTE);
    expect(bot.notifier.posts).toHaveLength(1);
    expect(await runs(db)).toEqual([expect.objectContaining({ status: 'posted', attempts: 3 })]);
  }, 60_000);

  it('gives a digest up after five failed attempts', async () => {
    const db = await fresh();
    const clock = new FakeClock(new Date('2026-11-23T07:59:00Z'));
    await subscribeChannel(db, { channel: 'down', cron: '0 8 * * *', timeZone: 'UTC', since: clock.now() });
    const bot = { ...botProcess(db, clock), notifier: new FailingNotifier(() => new Error('HTTP 503')) };
    await tickThrough(bot, clock, 2 * HOUR, 5 * MINUTE);
    expect(await runs(db)).toEqual([expect.objectContaining({ status: 'failed', attempts: 6 })]);
    expect(await findSubscription(db, 'ws-a', 'down')).toMatchObject({ status: 'active' }); // the next day tries again
  }, 60_000);

  it('a channel the bot was removed from: the subscription is paused and the admin told', async () => {
    const db = await fresh();
    const clock = new FakeClock(new Date('2026-11-23T07:59:00Z'));
    await subscribeChannel(db, { channel: 'gone', cron: '0 8 * * *', timeZone: 'UTC', since: clock.now() });
    const admin = await ensurePerson(db, { platform: 'console', workspaceId: 'ws-a', platformUserId: 'ada' }, 'Ada');
    await claimFirstAdmin(db, 'ws-a', admin.id);
    const bot = { ...botProcess(db, clock), notifier: new FailingNotifier(() => new ChannelUnreachableError('gone', 'not_in_channel')) };
    await tickThrough(bot, clock, 2 * DAY, 30 * MINUTE);
    expect(bot.notifier.posts).toHaveLength(0);
    expect(bot.notifier.directs).toHaveLength(1);
    expect(bot.notifier.directs[0]!.user.userId).toBe('ada');
    expect(textOf(bot.notifier.directs[0]!.reply)).toMatch(/can no longer post the digest to gone \(not_in_channel\).*paused/);
    expect(await findSubscription(db, 'ws-a', 'gone')).toMatchObject({ status: 'paused', pausedReason: 'not_in_channel' });
    const list = await createRouter(bot).handle(
      { platform: 'console', workspaceId: 'ws-a', userId: 'ada', displayName: 'Ada', direct: true }, { kind: 'text', text: '/digest list' },
    );
    expect(list[0]!.blocks).toContainEqual({ type: 'list', items: [expect.stringMatching(/^#gone · daily at 08:00 \(UTC\) · en · mixed · paused \(not_in_channel\)$/)] });
    expect(await runs(db)).toEqual([expect.objectContaining({ status: 'failed', attempts: 1 })]);
  }, 60_000);
});
