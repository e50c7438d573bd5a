import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Router } from '../../src/commands/router.js';
import { allCommands } from '../../src/commands/catalog.js';
import type { Actor } from '../../src/commands/types.js';
import { renderText } from '../../adapters/console/renderText.js';
import { openDb } from '../../storage/openDb.js';
import type { Db } from '../../storage/db.js';
import { TcpProxy } from '../support/tcpProxy.js';
import { testServices } from '../support/testServices.js';

const url = process.env.TEST_DATABASE_URL;
const actor: Actor = { platform: 'console', workspaceId: 'console', userId: 'ops', displayName: 'ops', direct: true };

/** A real PostgreSQL that goes away for a moment while the bot runs (needs TEST_DATABASE_URL). */
describe.skipIf(!url)('database briefly unreachable while running (PostgreSQL)', () => {
  let proxy: TcpProxy;
  let db: Db;
  let router: Router;
  const say = async (text: string) => renderText(await router.handle(actor, { kind: 'text', text })).text;

  beforeAll(async () => {
    const target = new URL(url!);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    target.host = `127.0.0.1:${proxy.port}`;
    ({ db } = await openDb({ databaseUrl: target.toString(), dataDir: 'memory', poolSize: 2 }));
    router = new Router(testServices(db), allCommands());
  });
  afterAll(async () => {
    await db?.close();
    await proxy?.cut();
  });

  it('fails one command politely, and the next one works once the database is back', async () => {
    expect(await say('/status')).toContain('Database: PostgreSQL server');
    await proxy.cut();
    const during = await say('/status');
    expect(during).toContain('! I cannot reach the database right now, so I could not do that.');
    expect(during).toContain('Nothing was changed. Please try again in a moment.');
    await proxy.start(); // same port: the pool reconnects by itself
    expect(await say('/status')).toContain('Database: PostgreSQL server');
  });
});
