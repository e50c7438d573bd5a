import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../adapters/console/consoleSession.js';
import { Router } from '../../src/commands/router.js';
import { allCommands } from '../../src/commands/catalog.js';
import { parseInput } from '../../src/commands/parseInput.js';
import { closest } from '../../src/commands/didYouMean.js';
import type { Actor } from '../../src/commands/types.js';
import { openDb } from '../../storage/openDb.js';
import type { Db } from '../../storage/db.js';
import { testServices } from '../support/testServices.js';

describe('command parsing', () => {
  it('tells slash commands from plain text', () => {
    expect(parseInput('/match 12')).toEqual({ kind: 'command', name: 'match', args: '12' });
    expect(parseInput('／HELP   status ')).toEqual({ kind: 'command', name: 'help', args: 'status' });
    expect(parseInput('our tiles crack')).toMatchObject({ kind: 'plain', firstWord: 'our', rest: 'tiles crack' });
    expect(parseInput('')).toEqual({ kind: 'empty' });
  });

  it('suggests the closest command for a typo, and nothing for gibberish', () => {
    const names = ['help', 'status', 'search', 'match'];
    expect(closest('stauts', names)).toBe('status');
    expect(closest('sear', names)).toBe('search');
    expect(closest('qwertyuiop', names)).toBeUndefined();
  });
});

describe('router through a console session', () => {
  let db: Db;
  let session: ConsoleSession;
  const actor: Actor = { platform: 'console', workspaceId: 'ws-test', userId: 'u1', displayName: 'Una', direct: true };

  beforeAll(async () => {
    ({ db } = await openDb({ dataDir: 'memory' }));
    session = new ConsoleSession(new Router(testServices(db, { MAX_MESSAGE_CHARS: '100' }), allCommands()), actor);
  });
  afterAll(() => db.close());

  it('records the person behind a platform identity once', async () => {
    await session.send('/status');
    await session.send('/status');
    const people = await db.query<{ display_name: string }>(
      `SELECT p.display_name FROM people p JOIN identities i ON i.person_id = p.id WHERE i.platform_user_id = 'u1'`,
    );
    expect(people.rows).toEqual([{ display_name: 'Una' }]);
  });

  it('enforces the configured message limit', async () => {
    expect(await session.send('x'.repeat(101))).toContain('the limit is 100');
    expect(await session.send('/help')).toContain('Liaison commands');
  });

  it('answers a number that is not a choice as text, and an unknown button as stale', async () => {
    expect(await session.send('7')).toContain('I did not understand that.');
    const router = new Router(testServices(db), allCommands());
    const replies = await router.handle(actor, { kind: 'action', action: 'nothing.here' });
    expect(replies[0]!.blocks[0]).toEqual({ type: 'text', text: 'That button is no longer active.' });
  });
});
