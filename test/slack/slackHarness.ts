import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { SlackAdapter, SLACK_EVENTS_PATH } from '../../adapters/slack/slackAdapter.js';
import { allActions, allCommands } from '../../src/commands/catalog.js';
import { Router } from '../../src/commands/router.js';
import type { Services } from '../../src/app/services.js';
import type { Db } from '../../storage/db.js';
import { openDb } from '../../storage/openDb.js';
import { testServices } from '../support/testServices.js';
import { FakeSlack } from './fakeSlack.js';
import { BOT_USER, SIGNING_SECRET } from './slackRequests.js';
import { testActions, testCommands } from './testCommands.js';

const MANIFEST = new URL('../../adapters/slack/manifest.yml', import.meta.url);

/** The bot scopes the manifest grants (the `oauth_config.scopes.bot` list). */
export function manifestBotScopes(): string[] {
  const text = readFileSync(MANIFEST, 'utf8');
  const block = /\n {4}bot:\n((?: {6}- .*\n)+)/.exec(text);
  return block ? [...block[1]!.matchAll(/- ([\w:.]+)/g)].map((m) => m[1]!) : [];
}

export interface SlackHarness {
  db: Db;
  services: Services;
  fake: FakeSlack;
  adapter: SlackAdapter;
  /** The bot's request URL (/slack/events on loopback). */
  url: string;
  close(): Promise<void>;
}

/**
 * The real Bolt app of the adapter, HTTP receiver on a loopback port, over an in-memory PGlite,
 * talking to a fake Slack Web API that checks every call against the official spec. The
 * adapter's notifier is the services' notifier, so the core's DMs and channel posts go to Slack.
 */
export async function startSlackHarness(options: { db?: Db; loadingAfterMs?: number; testRouter?: boolean; people?: Record<string, string>; timeZones?: Record<string, string> } = {}): Promise<SlackHarness> {
  const db = options.db ?? (await openDb({ dataDir: 'memory' })).db;
  const fake = new FakeSlack({ grantedScopes: manifestBotScopes(), botUserId: BOT_USER, ...(options.people ? { people: options.people } : {}), ...(options.timeZones ? { timeZones: options.timeZones } : {}) });
  await fake.start();
  const services = { ...testServices(db), adapters: ['slack'] };
  const commands = options.testRouter === false ? allCommands() : [...allCommands(), ...testCommands];
  const actions = options.testRouter === false ? allActions() : [...allActions(), ...testActions];
  const router = new Router(services, commands, actions);
  const adapter = new SlackAdapter({
    router,
    services,
    settings: { mode: 'http', botToken: 'xoxb-1234-5678-test', signingSecret: SIGNING_SECRET, port: 0, apiUrl: fake.apiUrl },
    loadingAfterMs: options.loadingAfterMs ?? 400,
    apiRetries: 2,
  });
  services.notifier = adapter.notifier;
  await adapter.start();
  return {
    db,
    services,
    fake,
    adapter,
    url: `http://127.0.0.1:${adapter.port}${SLACK_EVENTS_PATH}`,
    async close() {
      await adapter.stop();
      await fake.stop();
      if (!options.db) await db.close();
    },
  };
}

/**
 * One harness for the calling test file: started before its tests (then `ready` runs, e.g. to
 * keep it or load data), closed after them, and after each test the check that Slack would have
 * accepted every call the bot made (spec, scopes, Block Kit limits, uploads shared by id).
 */
export function useSlackHarness(ready: (h: SlackHarness) => void | Promise<void>, options?: Parameters<typeof startSlackHarness>[0]): void {
  let h: SlackHarness | undefined;
  beforeAll(async () => {
    h = await startSlackHarness(options);
    await ready(h);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });
  afterEach(() => {
    expect(h?.fake.allProblems() ?? []).toEqual([]);
  });
}
