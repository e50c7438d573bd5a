import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConsoleSession } from '../../../adapters/console/consoleSession.js';
import { ConsoleChannelPosts } from '../../../adapters/console/consoleChannelPosts.js';
import { AttachmentFolder } from '../../../adapters/console/attachmentFolder.js';
import { allJobs, createRouter } from '../../../src/commands/catalog.js';
import type { Router } from '../../../src/commands/router.js';
import { renderText } from '../../../adapters/console/renderText.js';
import type { Services } from '../../../src/app/services.js';
import { startJobQueue } from '../../../src/jobs/jobQueue.js';
import type { Db } from '../../../storage/db.js';
import { migrate } from '../../../storage/migrate.js';
import type { TestEngine } from '../../support/testDb.js';
import { testServices } from '../../support/testServices.js';
import { loadFixtureOutcomes } from '../../support/fixtureOutcomes.js';


/**
 * The console as a person would use it for meetings: one session that plays several people
 * with /as, the console's own channel-and-DM printer as notifier (DMs print as "[DM @name]"
 * and wait in an inbox), attachments saved to a temporary folder, and optionally the real
 * job queue (pg-boss on the same database).
 */
export class MeetingsWorld {
  readonly files = new AttachmentFolder(mkdtempSync(join(tmpdir(), 'liaison-attachments-')));
  readonly posts = new ConsoleChannelPosts(this.files);
  readonly services: Services;
  readonly console: ConsoleSession;
  private readonly router: Router;

  private constructor(readonly db: Db, env: Record<string, string>) {
    this.services = { ...testServices(db, env), notifier: this.posts };
    this.router = createRouter(this.services);
    this.console = new ConsoleSession(this.router, {
      platform: 'console', workspaceId: 'console', userId: 'ada', displayName: 'ada', direct: true,
    }, { posts: this.posts, files: this.files });
  }

  static async open(engine: TestEngine, env: Record<string, string> = {}): Promise<MeetingsWorld> {
    const db = await engine.open();
    await migrate(db);
    await loadFixtureOutcomes(db);
    return new MeetingsWorld(db, env);
  }

  /** Types a line as the current person; returns the answer followed by any posts and DMs it caused. */
  async say(line: string): Promise<string> {
    const answer = await this.console.send(line);
    const posts = this.posts.drain();
    return posts ? `${answer}\n${posts}` : answer;
  }

  /** Presses a button as the current person directly, e.g. one from a message long gone; returns the answer's text. */
  async press(action: string, value: string): Promise<string> {
    return renderText(await this.router.handle(this.console.actor, { kind: 'action', action, value })).text;
  }

  /** Starts the real job queue on this database (its own pg-boss schema) and wires it in. */
  async startJobs(): Promise<void> {
    this.services.jobs = await startJobQueue(this.services, allJobs(), { schema: this.jobsSchema, pollSeconds: 0.5 });
  }

  /** pg-boss's own schema for this world (outside a Postgres scratch schema, so dropped on close). */
  private readonly jobsSchema = `jobs_${randomBytes(4).toString('hex')}`;

  /**
   * The usual cast: ada (admin), bob (broker), carol (enterprise, Acme Marine, owns a submitted
   * need), rita (researcher, Ocean University), each with a time zone. Returns the need id.
   */
  async cast(zones: { bob?: string; carol?: string; rita?: string } = {}): Promise<number> {
    await this.say('/setup');
    for (const name of ['bob', 'carol', 'rita']) {
      await this.say(`/as ${name}`);
      await this.say('/help');
    }
    await this.say('/as ada');
    await this.say('/role @bob broker');
    await this.say('/role @carol enterprise Acme Marine');
    await this.say('/role @rita researcher Ocean University');
    await this.say('/as carol');
    const needId = await this.submitConfidentialNeed('Our steel pipes corrode quickly in seawater. We need a protective coating that lasts ten years.');
    this.posts.drain();
    for (const [name, zone] of Object.entries({ bob: 'Europe/Berlin', carol: 'Asia/Shanghai', rita: 'America/New_York', ...zones })) {
      await this.say(`/as ${name}`);
      await this.say(`/timezone ${zone}`);
    }
    return needId;
  }

  /** Goes through the intake as the current person, keeping the company anonymous; returns the need id. */
  async submitConfidentialNeed(description: string): Promise<number> {
    let out = await this.console.send(description);
    for (let i = 0; i < 12 && !/\[1\] Submit/.test(out); i++) {
      out = await this.console.send(/Which company/.test(out) ? 'Acme Marine' : /May researchers see your company name/.test(out) ? '2' : '1');
    }
    out = await this.console.send('1');
    const m = /need #(\d+) is submitted/.exec(out);
    if (!m) throw new Error(`intake did not submit:\n${out}`);
    return Number(m[1]);
  }

  async close(): Promise<void> {
    if (this.services.jobs) {
      await this.services.jobs.stop();
      await this.db.exec(`DROP SCHEMA IF EXISTS ${this.jobsSchema} CASCADE`);
    }
    await this.db.close();
  }
}

/** The numbered choice whose label contains `label` in a rendered answer, e.g. "[2] Accept" → "2". */
export function choiceNumber(text: string, label: string | RegExp): string {
  for (const m of text.matchAll(/\[(\d+)\] ([^[\n]+)/g)) {
    if (typeof label === 'string' ? m[2]!.includes(label) : label.test(m[2]!)) return m[1]!;
  }
  throw new Error(`no choice "${String(label)}" in:\n${text}`);
}
