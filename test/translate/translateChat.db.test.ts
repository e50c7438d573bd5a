import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Router } from '../../src/commands/router.js';
import type { Actor } from '../../src/commands/types.js';
import type { Reply } from '../../src/messages/reply.js';
import { translateCommand } from '../../src/translate/translateCommand.js';
import type { Db } from '../../storage/db.js';
import { testEngines } from '../support/testDb.js';
import { testServices } from '../support/testServices.js';
import { loadOutcomes } from '../search/searchFixture.js';

const actor: Actor = { platform: 'console', workspaceId: 'ws-translate', userId: 'u1', displayName: 'Bo', direct: true };
const textOf = (replies: Reply[]) =>
  replies.flatMap((r) => r.blocks.map((b) => ('text' in b ? b.text : 'fields' in b ? b.fields.map((f) => `${f.label}: ${f.value}`).join('\n') : 'items' in b ? b.items.join('\n') : ''))).join('\n');

describe.each(testEngines)('/translate in chat on $name', (engine) => {
  let db: Db;
  let router: Router;
  beforeAll(async () => {
    db = await engine.open();
    await loadOutcomes(db);
    router = new Router(testServices(db, { MAX_MESSAGE_CHARS: '200000' }), [translateCommand]);
  });
  afterAll(async () => db?.close());
  const send = (text: string) => router.handle(actor, { kind: 'text', text });

  it('shows an English brief for an English need and stores nothing', async () => {
    const replies = await send('/translate Our ceramic kiln exhaust is very hot and we waste the heat; we need a solution within 6 months.');
    expect(replies[0]!.tone).not.toBe('error');
    const text = textOf(replies);
    expect(text).toMatch(/Research brief/);
    expect(text).toMatch(/Timeline: within 6 months/);
    expect(text).toMatch(/Translated by: offline .*Preview only/);
    const stored = await db.query('SELECT count(*)::int AS n FROM need_briefs');
    expect(stored.rows[0]).toEqual({ n: 0 });
  });

  it('shows a Chinese need\'s brief in Chinese', async () => {
    const text = textOf(await send('/translate 我们陶瓷窑炉的烟气温度很高，热量都浪费了，想回收利用。'));
    expect(text).toMatch(/研究需求简报/);
    expect(text).toMatch(/翻译方式: offline/);
  });

  it.each([
    ['a greeting', '/translate hello', /technical problem/, false],
    ['1 character', '/translate x', /too short/, true],
    ['100,000 characters', `/translate ${'heat '.repeat(20_000)}`, /I can translate up to/, true],
    ['Russian', '/translate Наши плитки трескаются при быстром обжиге', /English or Chinese only/, true],
    ['binary noise', `/translate ${'\u0001\u0002\uFFFD\u0000'.repeat(10)}abc`, /binary|not valid UTF-8|words/, true],
  ])('%s gets a clear reply', async (_label, input, expected, isError) => {
    const replies = await send(input.slice(0, 200_000));
    expect(textOf(replies)).toMatch(expected);
    expect(replies[0]!.tone === 'error').toBe(isError);
  });
});
