import { ConsoleSession } from '../../../adapters/console/consoleSession.js';
import { createRouter } from '../../../src/commands/catalog.js';
import type { Router } from '../../../src/commands/router.js';
import type { Actor } from '../../../src/commands/types.js';
import type { Services } from '../../../src/app/services.js';
import { RecordingNotifier } from '../../../src/notify/channelNotifier.js';
import type { Db } from '../../../storage/db.js';
import { migrate } from '../../../storage/migrate.js';
import type { TestEngine } from '../../support/testDb.js';
import { testServices } from '../../support/testServices.js';
import { loadFixtureOutcomes } from '../../support/fixtureOutcomes.js';


/**
 * A database with the needs fixtures, the real router over it, a recording notifier, and
 * console sessions for any number of people. `restart()` builds new services and a new router
 * over the same database, as a process restart would.
 */
export class NeedsWorld {
  readonly notifier = new RecordingNotifier();
  services!: Services;
  router!: Router;
  private constructor(readonly db: Db, private readonly env: Record<string, string>) {
    this.restart();
  }

  static async open(engine: TestEngine, env: Record<string, string> = {}): Promise<NeedsWorld> {
    const db = await engine.open();
    await migrate(db);
    await loadFixtureOutcomes(db);
    return new NeedsWorld(db, { MATCH_PAGE_SIZE: '3', ...env });
  }

  restart(): void {
    this.services = { ...testServices(this.db, this.env), notifier: this.notifier };
    this.router = createRouter(this.services);
  }

  /** A person in the console; the same user id is the same person across sessions and restarts. */
  as(userId: string, opts: { workspace?: string; name?: string; direct?: boolean } = {}): ConsoleSession {
    const actor: Actor = {
      platform: 'console', workspaceId: opts.workspace ?? 'ws-a', userId, displayName: opts.name ?? userId, direct: opts.direct ?? true,
    };
    return new ConsoleSession(this.router, actor);
  }

  /** Presses a button directly (e.g. one from an old message), bypassing the session's numbering. */
  press(session: ConsoleSession, action: string, value?: string) {
    return this.router.handle(session.actor, { kind: 'action', action, value });
  }

  async outcomeId(sourceId: string): Promise<number> {
    const res = await this.db.query<{ id: string }>('SELECT id FROM outcomes WHERE source_id = $1', [sourceId]);
    return Number(res.rows[0]!.id);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/** The text of all replies, for assertions on a direct `press`. */
export const textOf = (replies: { blocks: { type: string; text?: string }[] }[]) =>
  replies.flatMap((r) => r.blocks.map((b) => ('text' in b ? b.text : ''))).join('\n');

/** Runs an admin /setup and grants roles: the usual cast of a brokering test. */
export async function castOf(world: NeedsWorld, workspace = 'ws-a') {
  const admin = world.as('ada', { workspace, name: 'Ada' });
  await admin.send('/setup');
  const broker = world.as('bob', { workspace, name: 'Bob' });
  const broker2 = world.as('bea', { workspace, name: 'Bea' });
  const contact = world.as('carol', { workspace, name: 'Carol' });
  const rival = world.as('dan', { workspace, name: 'Dan' });
  const researcher = world.as('rita', { workspace, name: 'Rita' });
  for (const s of [broker, broker2, contact, rival, researcher]) await s.send('/help');
  await admin.send('/role @bob broker');
  await admin.send('/role @bea broker');
  await admin.send('/role @carol enterprise Acme Marine');
  await admin.send('/role @dan enterprise Rival Corp');
  await admin.send('/role @rita researcher Ocean University');
  return { admin, broker, broker2, contact, rival, researcher };
}

/** Goes through a whole intake, answering the first option each time, and submits. Returns the need id. */
export async function submitNeedAs(session: ConsoleSession, description: string, company = 'Acme Marine'): Promise<number> {
  let out = await session.send(description);
  for (let i = 0; i < 12 && !/\[1\] (Submit|提交)/.test(out); i++) {
    out = await session.send(/Which company|哪家公司/.test(out) ? company : '1');
  }
  out = await session.send('1');
  const m = /need #(\d+) is submitted|需求 #(\d+) 已提交/.exec(out);
  if (!m) throw new Error(`intake did not submit:\n${out}`);
  return Number(m[1] ?? m[2]);
}
