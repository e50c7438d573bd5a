import type { Services } from '../../../src/app/services.js';
import { RecordingNotifier } from '../../../src/notify/channelNotifier.js';
import { runDueDigests } from '../../../src/digests/runDueDigests.js';
import { upsertSubscription, type DigestAudience, type DigestLanguage } from '../../../storage/repositories/digestSubscriptions.js';
import { ensureWorkspace } from '../../../storage/repositories/workspaces.js';
import { ensurePerson } from '../../../storage/repositories/people.js';
import type { Db } from '../../../storage/db.js';
import { testServices } from '../../support/testServices.js';

/** A clock the test moves by hand; `services.now` reads it. */
export class FakeClock {
  constructor(public current: Date) {}
  readonly now = () => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** One bot process: its own services (and claim tokens) over a shared database, posting to its own recorder. */
export function botProcess(db: Db, clock: FakeClock, env: Record<string, string> = {}): Services & { notifier: RecordingNotifier } {
  return { ...testServices(db, env), now: clock.now, notifier: new RecordingNotifier() };
}

/** Subscribes a console channel directly (the command is tested on its own). */
export async function subscribeChannel(
  db: Db,
  opts: { channel: string; cron: string; timeZone: string; since: Date; workspace?: string; language?: DigestLanguage; audience?: DigestAudience },
): Promise<void> {
  const workspaceId = opts.workspace ?? 'ws-a';
  await ensureWorkspace(db, workspaceId, workspaceId);
  const person = await ensurePerson(db, { platform: 'console', workspaceId, platformUserId: 'ada' }, 'Ada');
  await upsertSubscription(db, {
    workspaceId, channel: opts.channel, platform: 'console', cron: opts.cron, timeZone: opts.timeZone,
    language: opts.language, audience: opts.audience, createdBy: person.id, since: opts.since,
  });
}

/** Calls the tick every `stepMs` from the clock's time until `untilMs` later. */
export async function tickThrough(services: Services, clock: FakeClock, untilMs: number, stepMs: number): Promise<void> {
  const end = clock.current.getTime() + untilMs;
  while (clock.current.getTime() < end) {
    clock.advance(stepMs);
    await runDueDigests(services);
  }
}
