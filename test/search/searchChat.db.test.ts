import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Router } from '../../src/commands/router.js';
import { searchCommand } from '../../src/search/searchCommand.js';
import type { Actor } from '../../src/commands/types.js';
import type { Reply } from '../../src/messages/reply.js';
import type { Db } from '../../storage/db.js';
import { testServices } from '../support/testServices.js';
import { testEngines } from '../support/testDb.js';
import { loadOutcomes } from './searchFixture.js';

const actor: Actor = { platform: 'console', workspaceId: 'ws-search', userId: 'u1', displayName: 'Bo', direct: true };
const textOf = (replies: Reply[]) =>
  replies.flatMap((r) => r.blocks.map((b) => ('text' in b ? b.text : 'fields' in b ? b.fields.map((f) => f.value).join(' ') : ''))).join('\n');

describe.each(testEngines)('/search in chat on $name', (engine) => {
  let db: Db;
  let router: Router;
  beforeAll(async () => {
    db = await engine.open();
    await loadOutcomes(db);
    router = new Router(testServices(db, { MAX_MESSAGE_CHARS: '60000' }), [searchCommand]);
  });
  afterAll(async () => db?.close());
  const send = (text: string) => router.handle(actor, { kind: 'text', text });

  it('lists hits with facts, an evidence sentence and the scores', async () => {
    const replies = await send('/search kiln exhaust heat recovery kind:patent trl:4-7 region:cn year:2015-2020');
    expect(replies[0]!.tone).not.toBe('error');
    const text = textOf(replies);
    expect(text).toMatch(/1\. Heat exchanger for ceramic kiln exhaust \(P-KILN/);
    expect(text).toMatch(/patent · Tongji University · 2019 · TRL 6 · CN · granted/);
    expect(text).toMatch(/matched: .*kiln.* · lexical \d+\.\d+ \(#1\) · dense 0\.\d+/);
    expect(text).not.toMatch(/P-HRV|P-FURNACE/); // EP, and 2014
  });

  it('leaves out outcomes sharing no word with the search that are far from it in meaning, and keeps those close to it', async () => {
    const text = textOf(await send('/search steam turbine'));
    expect(text).toMatch(/^1\. Waste heat power generation in cement plants \(P-CEMENT/m);
    // The ORC patent says "electricity", not "steam turbine", and is as close in meaning as the best match.
    expect(text).toMatch(/\. Organic Rankine cycle for engine waste heat \(P-ENGINE[^]*?matched: no shared words \(found by meaning\)/);
    expect(text).not.toMatch(/A-ASTRO|A-CRYPTO/);
    expect(text).toMatch(/^\d+ more outcomes share no word with the search and are far from it in meaning: left out\.$/m);
  });

  it('also searches the words in the other language, and says which translations it searched', async () => {
    const zh = textOf(await send('/search 窑炉 余热'));
    expect(zh).toMatch(/Also searched as: .*kiln/);
    expect(zh).toMatch(/\d+\. .*\((P-KILN|P-CEMENT|K-LAB)/); // English outcomes on kiln waste heat
    const en = textOf(await send('/search heat pump drying of rice'));
    expect(en).toMatch(/^1\. 水稻干燥过程的热泵技术应用 \(C-RICE[^]*?matched: [^\n]*热泵/m);
    // A translation is named only when the store uses it in two or more outcomes (here 热泵 is in one).
    expect(en).not.toContain('Also searched as');
  });

  it.each([
    ['/search', /What should I search for/],
    ['/search a', /nothing to search for/],
    ['/search kind:patent', /not only filters/],
    [`/search '&|!:*()\\`, /nothing to search for/],
    ['/search 😀🔥', /nothing to search for/],
    ['/search kiln trl:12', /TRL must be from 1 to 9/],
    ['/search kiln trl:7-4', /range 7-4 is empty/],
    ['/search kiln trl:high', /could not read TRL/],
    ['/search kiln region:atlantis', /No stored outcome is from region "ATLANTIS"/],
    ['/search kiln kind:spaceship', /Unknown kind "spaceship"/],
    ['/search kiln year:1066', /year must be from 1800 to 2100/],
    // Filters no stored outcome passes: said, rather than "no outcome matched" the words.
    ['/search kiln kind:instrument', /No stored outcome matches kind:instrument\.[^]*Leave that filter out/],
    ['/search kiln year:2030+ ip:lapsed', /No stored outcome matches year:2030\+ or ip:lapsed\.[^]*Leave those filters out[^]*records no year/],
    ['/search kiln kind:paper trl:4-7', /No stored outcome matches kind:paper and trl:4-7 together\.[^]*leave one out/],
    ['/search kiln institution:"Tongji University" region:EP', /matches region:EP and institution:"Tongji University" together/],
  ])('%s → a clear message', async (input, message) => {
    const replies = await send(input);
    expect(replies[0]!.tone).toBe('error');
    expect(textOf(replies)).toMatch(message);
  });

  it.each([
    ['tsquery metacharacters', `/search kiln' & !exhaust:* (heat) | \\`],
    ['emoji and mixed scripts', '/search 🔥 kiln 窑炉 exhaust 😀'],
    ['Chinese and English', '/search 冷库 energy saving 节能'],
    ['50,000 characters', `/search ${'waste heat kiln '.repeat(3_200).slice(0, 50_000)}`],
    ['quoted filter values', '/search institution:"Tongji University" discipline:thermal waste heat'],
  ])('%s → results, not an error', async (_label, input) => {
    const replies = await send(input);
    expect(replies[0]!.tone).not.toBe('error');
    expect(textOf(replies)).toMatch(/outcomes for|No outcome matched/);
  });
});
