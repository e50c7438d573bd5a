import { afterAll, beforeAll, expect } from 'vitest';
import { DiscordAdapter } from '../../adapters/discord/discordAdapter.js';
import { allActions, allCommands, plainTextHandler } from '../../src/commands/catalog.js';
import { Router } from '../../src/commands/router.js';
import type { Actor, Inbound } from '../../src/commands/types.js';
import type { Services } from '../../src/app/services.js';
import type { Reply } from '../../src/messages/reply.js';
import type { Db } from '../../storage/db.js';
import { openDb } from '../../storage/openDb.js';
import { testServices } from '../support/testServices.js';
import { FakeDiscordRest, type RestCall } from './fake/fakeDiscordRest.js';
import { FakeGateway } from './fake/fakeGateway.js';
import { APP_ID, TOKEN } from './fake/fixtures.js';
import { testActions, testCommands } from './testCommands.js';

export interface DiscordHarness {
  db: Db;
  services: Services;
  rest: FakeDiscordRest;
  gateway: FakeGateway;
  adapter: DiscordAdapter;
  /** What the router was asked and answered, in order. */
  seen: { actor: Actor; inbound: Inbound; replies: Reply[] }[];
  /** Dispatches an interaction and resolves with the REST calls answering it once `done` holds. */
  interact(payload: { id: string; token: string }, done?: (calls: RestCall[]) => boolean): Promise<RestCall[]>;
  /** REST calls that answered an interaction (its callback and webhook calls), in order. */
  answersTo(payload: { id: string; token: string }): RestCall[];
  close(): Promise<void>;
}

/** The adapter's first answer is complete when the deferred reply was edited or followed up. */
export const answered = (calls: RestCall[]): boolean => calls.some((c) => c.status < 300 && (c.route?.endsWith('@original') === true && c.method === 'PATCH' || (c.method === 'POST' && c.route === '/webhooks/{webhook_id}/{webhook_token}')));

/**
 * The real discord.js client of the adapter over an in-memory PGlite, talking to a fake REST API
 * (checked against Discord's OpenAPI spec) and a fake gateway, both on loopback.
 */
export async function startDiscordHarness(options: { db?: Db } = {}): Promise<DiscordHarness> {
  const db = options.db ?? (await openDb({ dataDir: 'memory' })).db;
  const rest = new FakeDiscordRest(TOKEN);
  await rest.listen();
  const gateway = new FakeGateway(TOKEN);
  await gateway.ready();
  rest.gatewayUrl = gateway.url;
  const services: Services = { ...testServices(db), adapters: ['discord'] };
  const router = new Router(services, [...allCommands(), ...testCommands], [...allActions(), ...testActions], plainTextHandler);
  const seen: DiscordHarness['seen'] = [];
  const handle = router.handle.bind(router);
  router.handle = async (actor, inbound) => {
    const replies = await handle(actor, inbound);
    seen.push({ actor, inbound, replies });
    return replies;
  };
  const adapter = new DiscordAdapter({ router, services, settings: { token: TOKEN, applicationId: APP_ID, apiUrl: rest.url }, clientOptions: { restOffset: 0 } });
  services.notifier = adapter.notifier;
  await adapter.start();
  const answersTo = (p: { id: string; token: string }) => rest.calls.filter((c) => c.path.includes(`/${p.token}`));
  return {
    db,
    services,
    rest,
    gateway,
    adapter,
    seen,
    answersTo,
    async interact(payload, done = answered) {
      gateway.dispatch('INTERACTION_CREATE', payload);
      const deadline = Date.now() + 45_000;
      while (Date.now() < deadline) {
        const calls = answersTo(payload);
        if (done(calls)) {
          await new Promise((r) => setTimeout(r, 100)); // let follow-ups land
          return answersTo(payload);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`interaction ${payload.id} not answered; calls: ${answersTo(payload).map((c) => `${c.method} ${c.route}`).join(', ')}`);
    },
    async close() {
      await adapter.stop();
      await gateway.close();
      await rest.close();
      if (!options.db) await db.close();
    },
  };
}

/**
 * One harness for the calling suite: started before its tests (then `ready` runs, e.g. to keep
 * it or load data), and closed after them with the check that every call the bot made fit
 * Discord's OpenAPI spec, its limits and its upload rules.
 */
export function useDiscordHarness(ready: (h: DiscordHarness) => void | Promise<void>): void {
  let h: DiscordHarness | undefined;
  beforeAll(async () => {
    h = await startDiscordHarness();
    await ready(h);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    expect([...new Set(h?.rest.violations ?? [])].join('\n')).toBe('');
  });
}
