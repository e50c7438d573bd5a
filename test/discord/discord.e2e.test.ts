import { describe, expect, it } from 'vitest';
import { registerCommands } from '../../adapters/discord/registerCommands.js';
import { allCommands } from '../../src/commands/catalog.js';
import { answered, useDiscordHarness, type DiscordHarness } from './discordHarness.js';
import type { RestCall } from './fake/fakeDiscordRest.js';
import { ALICE, APP_ID, autocomplete, BROKERS_ID, buttonPress, DM_CHANNEL_ID, dmMessage, guildMessage, LI, modalSubmit, OTHER_BOT, selectChoice, slashCommand, TOKEN } from './fake/fixtures.js';

const CALLBACK = '/interactions/{interaction_id}/{interaction_token}/callback';
const ORIGINAL = '/webhooks/{webhook_id}/{webhook_token}/messages/@original';
const FOLLOW_UP = '/webhooks/{webhook_id}/{webhook_token}';
const CHANNEL_MESSAGES = '/channels/{channel_id}/messages';

type Body = { type?: number; data?: Record<string, unknown>; flags?: number; content?: string; embeds?: { title?: string; description?: string; fields?: unknown[]; footer?: { text: string } }[]; components?: { type: number; components: { custom_id: string; label?: string; type: number }[] }[] };
const body = (c: RestCall | undefined) => (c?.body ?? {}) as Body;
const textOf = (c: RestCall) => {
  const b = body(c);
  return [b.content ?? '', ...(b.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? ''])].join('\n');
};
const customIds = (c: RestCall | undefined) => (body(c).components ?? []).flatMap((r) => r.components.map((x) => x.custom_id));

describe('Discord adapter end to end (real discord.js, fake REST + gateway on loopback)', () => {
  let h: DiscordHarness;

  useDiscordHarness((started) => {
    h = started;
  });

  it('identifies with v10 JSON and only the Guilds and DirectMessages intents', () => {
    const identify = h.gateway.received.find((o) => o.op === 2)!.d as { token: string; intents: number };
    expect(identify.token).toBe(TOKEN);
    expect(identify.intents).toBe((1 << 0) | (1 << 12));
    expect(h.gateway.connectQueries[0]?.get('v')).toBe('10');
    expect(h.gateway.connectQueries[0]?.get('encoding')).toBe('json');
    expect(h.rest.callsTo('GET', '/gateway/bot')).toHaveLength(1);
  });

  it('defers a slash command at once, then edits the reply with the answer', async () => {
    const i = slashCommand('help');
    const sentAt = Date.now();
    const calls = await h.interact(i);
    const [defer, ...rest] = calls;
    expect(defer?.route).toBe(CALLBACK);
    expect(body(defer)).toEqual({ type: 5, data: { flags: 64 } });
    expect(defer!.at - sentAt).toBeLessThan(3_000);
    const edit = rest.find((c) => c.route === ORIGINAL && c.method === 'PATCH')!;
    expect(textOf(edit)).toContain('search');
    expect(h.seen.at(-1)?.inbound).toEqual({ kind: 'text', text: '/help' });
    expect(h.seen.at(-1)?.actor).toMatchObject({ platform: 'discord', workspaceId: APP_ID, userId: ALICE.id, displayName: 'Alice', channelId: expect.any(String), direct: false });
  });

  it('answers a slash command in a DM with the bot without ephemeral flags', async () => {
    const calls = await h.interact(slashCommand('help', undefined, { dm: true }));
    expect(body(calls[0]).type).toBe(5);
    expect(body(calls[0]).data?.flags ?? 0).toBe(0);
    expect(calls.map((c) => `${c.method} ${c.route}`)).toContain(`PATCH ${ORIGINAL}`);
    expect(h.seen.at(-1)?.actor).toMatchObject({ direct: true, channelId: DM_CHANNEL_ID });
  });

  it('turns an ephemeral deferral into a public answer when the reply is public, with buttons and a select', async () => {
    const i = slashCommand('pick');
    const calls = await h.interact(i, (cs) => cs.some((c) => c.route === FOLLOW_UP));
    expect(calls.map((c) => `${c.method} ${c.route}`)).toEqual([`POST ${CALLBACK}`, `DELETE ${ORIGINAL}`, `POST ${FOLLOW_UP}`]);
    const post = calls[2]!;
    expect(body(post).flags ?? 0).toBe(0);
    expect(body(post).embeds?.[0]?.title).toBe('Pick one');
    const ids = customIds(post);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    expect(ids[0]).toBe('a|0|test.pick|alpha');
    expect(ids[2]).toMatch(/^k\|2\|[0-9a-f-]{36}$/);
  });

  it('runs a button press and a stored (long-valued) button through the router', async () => {
    const calls = await h.interact(buttonPress('a|1|test.pick|beta'), (cs) => cs.some((c) => c.route === FOLLOW_UP));
    expect(h.seen.at(-1)?.inbound).toEqual({ kind: 'action', action: 'test.pick', value: 'beta' });
    expect(textOf(calls.find((c) => c.route === FOLLOW_UP)!)).toContain('You picked beta');
    const pick = await h.interact(slashCommand('pick'), (cs) => cs.some((c) => c.route === FOLLOW_UP));
    const stored = customIds(pick.find((c) => c.route === FOLLOW_UP))[2]!;
    await h.interact(buttonPress(stored), (cs) => cs.some((c) => c.route === FOLLOW_UP));
    expect(h.seen.at(-1)?.inbound).toEqual({ kind: 'action', action: 'test.pick', value: 'x'.repeat(150) });
  });

  it('runs a select choice through the router', async () => {
    await h.interact(selectChoice('a|3|test.pick', 'v:gamma'), (cs) => cs.some((c) => c.route === FOLLOW_UP));
    expect(h.seen.at(-1)?.inbound).toEqual({ kind: 'action', action: 'test.pick', value: 'gamma' });
  });

  it('shows a form as an "Open form" button, opens the modal, and submits it as an action with values', async () => {
    const shown = await h.interact(slashCommand('intake'));
    const edit = shown.find((c) => c.route === ORIGINAL)!;
    const [openId] = customIds(edit);
    expect(openId).toMatch(/^f\|0\|[0-9a-f-]{36}\|0$/);
    const press = buttonPress(openId!);
    const modalCalls = await h.interact(press, (cs) => cs.some((c) => c.route === CALLBACK));
    expect(modalCalls).toHaveLength(1); // the modal is the answer: no deferral before it
    const modal = body(modalCalls[0]);
    expect(modal.type).toBe(9);
    expect(modal.data).toMatchObject({ title: 'Describe your technical need', custom_id: expect.stringMatching(/^m\|/) });
    const submitId = modal.data!.custom_id as string;

    // Rejected by the core: listed privately, with a button that reopens the form, filled in.
    const bad = await h.interact(modalSubmit(submitId, { summary: 'hm', region: ['asia'] }));
    const rejection = bad.find((c) => c.route === ORIGINAL)!;
    expect(textOf(rejection)).toContain('What is the problem?: Describe the problem in a sentence or two.');
    const reopenId = customIds(rejection)[0]!;
    const reopened = await h.interact(buttonPress(reopenId), (cs) => cs.some((c) => c.route === CALLBACK));
    expect(JSON.stringify(body(reopened[0]).data)).toContain('"value":"hm"');

    const good = await h.interact(modalSubmit(submitId, { summary: 'Keep vaccines cold without power', region: ['asia'] }));
    expect(h.seen.at(-1)?.inbound).toEqual({ kind: 'action', action: 'test.intake', values: { summary: 'Keep vaccines cold without power', region: 'asia' } });
    expect(good.map(textOf).join('\n')).toContain('Thanks: Keep vaccines cold without power (asia)');
  });

  it('fills the /need form (eight inputs) over two modal pages', async () => {
    const shown = await h.interact(slashCommand('need'));
    const openId = customIds(shown.find((c) => c.route === ORIGINAL)).find((id) => id.startsWith('f|'))!;
    const first = await h.interact(buttonPress(openId), (cs) => cs.some((c) => c.route === CALLBACK));
    const page1 = body(first[0]).data as { custom_id: string; title: string; components: unknown[] };
    expect(page1.title).toMatch(/\(1\/2\)$/);
    expect(page1.components).toHaveLength(5);
    const next = await h.interact(modalSubmit(page1.custom_id, { description: 'Low-cost cold-chain packaging for fruit exports', company: 'Acme Fruit' }));
    const continueId = customIds(next.find((c) => c.route === ORIGINAL))[0]!;
    expect(continueId).toMatch(/\|1$/);
    const second = await h.interact(buttonPress(continueId), (cs) => cs.some((c) => c.route === CALLBACK));
    const page2 = body(second[0]).data as { custom_id: string; components: unknown[] };
    expect(page2.components).toHaveLength(3);
    await h.interact(modalSubmit(page2.custom_id, {}));
    const last = h.seen.at(-1)!;
    expect(last.inbound).toMatchObject({ kind: 'action', action: 'need.form', values: { description: 'Low-cost cold-chain packaging for fruit exports', company: 'Acme Fruit' } });
  });

  it('answers a user lacking the role privately, with what the router said', async () => {
    const calls = await h.interact(slashCommand('pipeline', undefined, { from: LI }));
    const edit = calls.find((c) => c.route === ORIGINAL)!;
    expect(body(calls[0])).toEqual({ type: 5, data: { flags: 64 } });
    expect(textOf(edit)).toContain('Only brokers can');
  });

  it('says a stale or unknown component is no longer active', async () => {
    const calls = await h.interact(buttonPress('k|0|00000000-0000-4000-8000-000000000000'));
    expect(textOf(calls.find((c) => c.route === ORIGINAL)!)).toContain('no longer active');
    const gone = await h.interact(buttonPress('a|0|retired.action|1'));
    expect(textOf(gone.find((c) => c.route === ORIGINAL)!)).toContain('no longer active');
  });

  it('ignores a duplicate delivery of the same interaction', async () => {
    const i = slashCommand('status');
    await h.interact(i);
    const before = h.answersTo(i).length;
    h.gateway.dispatch('INTERACTION_CREATE', i);
    await new Promise((r) => setTimeout(r, 500));
    expect(h.answersTo(i)).toHaveLength(before);
    expect(h.answersTo(i).filter((c) => c.route === CALLBACK)).toHaveLength(1);
  });

  it('autocompletes command names for /help', async () => {
    const i = autocomplete('help', 'se');
    const calls = await h.interact(i, (cs) => cs.some((c) => c.route === CALLBACK));
    const b = body(calls[0]) as { type: number; data: { choices: { name: string; value: string }[] } };
    expect(b.type).toBe(8);
    expect(b.data.choices.map((c) => c.value)).toContain('search');
  });

  it('splits a long reply into messages Discord accepts, losing nothing', async () => {
    const i = slashCommand('long');
    await h.interact(i, (cs) => cs.filter((c) => c.route === FOLLOW_UP).length >= 3);
    await new Promise((r) => setTimeout(r, 500));
    const posts = h.answersTo(i).filter((c) => c.route === FOLLOW_UP);
    const all = posts.map(textOf).join('\n');
    for (const p of [0, 17, 39]) expect(all).toContain(`p${p}w119`);
    expect(all).toContain('The end of a long answer.');
    const fields = posts.flatMap((c) => body(c).embeds ?? []).flatMap((e) => (e.fields ?? []) as { name: string }[]);
    expect(fields.filter((f) => !f.name.includes('continued'))).toHaveLength(60);
    const ids = posts.flatMap((c) => customIds(c));
    expect(ids.length).toBe(32 + 3); // 32 buttons, 60 options in three selects
    for (const c of posts) {
      expect((body(c).embeds ?? []).length).toBeLessThanOrEqual(10);
      expect((body(c).components ?? []).length).toBeLessThanOrEqual(5);
    }
  });

  it('splits long plain text at 2,000 characters between words', async () => {
    const i = slashCommand('plain');
    await h.interact(i);
    await new Promise((r) => setTimeout(r, 300));
    const parts = h.answersTo(i).filter((c) => c.method !== 'DELETE' && (c.route === ORIGINAL || c.route === FOLLOW_UP)).map((c) => body(c).content ?? '');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(2000);
    expect(parts.join(' ').split(' ')).toHaveLength(900);
  });

  it('holds a DM conversation in Chinese through the router, mentions stripped', async () => {
    const text = '我们需要一种低成本的冷链保鲜技术，用于农产品长途运输';
    const m = dmMessage(`<@${APP_ID}> ${text}`, LI);
    h.gateway.dispatch('MESSAGE_CREATE', m);
    const post = await h.rest.waitFor((c) => c.route === CHANNEL_MESSAGES && c.path.includes(DM_CHANNEL_ID) && c.at > 0 && textOf(c).length > 0 && h.seen.some((s) => s.inbound.kind === 'text' && s.inbound.text === text));
    const turn = h.seen.find((s) => s.inbound.kind === 'text' && s.inbound.text === text)!;
    expect(turn.actor).toMatchObject({ direct: true, userId: LI.id, displayName: '李伟', threadKey: `discord:${APP_ID}:${DM_CHANNEL_ID}:dm` });
    const firstText = turn.replies[0]!.blocks.find((b) => b.type === 'text' || b.type === 'header') as { text: string };
    expect(textOf(post).replace(/\\/g, '')).toContain(firstText.text.slice(0, 20));
  });

  it('answers a file without text with a friendly note', async () => {
    const m = dmMessage('', ALICE, { attachments: [{ id: '1300000000000000001', filename: 'spec.pdf', size: 1024, url: 'https://cdn.discordapp.com/attachments/1/2/spec.pdf', proxy_url: 'https://media.discordapp.net/attachments/1/2/spec.pdf', content_type: 'application/pdf' }] });
    const before = h.rest.calls.length;
    h.gateway.dispatch('MESSAGE_CREATE', m);
    const post = await h.rest.waitFor((c) => h.rest.calls.indexOf(c) >= before && c.route === CHANNEL_MESSAGES);
    expect(textOf(post)).toContain('I can only read text');
  });

  it('ignores messages from other bots and messages in servers', async () => {
    const seen = h.seen.length;
    const posts = h.rest.callsTo('POST', CHANNEL_MESSAGES).length;
    h.gateway.dispatch('MESSAGE_CREATE', dmMessage('help', OTHER_BOT));
    h.gateway.dispatch('MESSAGE_CREATE', guildMessage('help'));
    await new Promise((r) => setTimeout(r, 500));
    expect(h.seen.length).toBe(seen);
    expect(h.rest.callsTo('POST', CHANNEL_MESSAGES).length).toBe(posts);
  });

  it('posts to the brokers channel by name and starts a thread under it', async () => {
    await h.services.notifier!.postToChannel('brokers', { blocks: [{ type: 'header', text: 'New need #7' }, { type: 'text', text: 'Cold chain for fruit.' }] });
    const post = h.rest.callsTo('POST', CHANNEL_MESSAGES).find((c) => c.path === `/channels/${BROKERS_ID}/messages`)!;
    expect(body(post).embeds?.[0]?.title).toBe('New need #7');
    const thread = await h.rest.waitFor((c) => c.route === '/channels/{channel_id}/messages/{message_id}/threads');
    expect((thread.body as { name: string }).name).toBe('New need #7');
  });

  it('waits out a 429 with Retry-After, then delivers', async () => {
    h.rest.rateLimit((c) => c.method === 'PATCH' && c.path.endsWith('/messages/@original'), 1);
    const i = slashCommand('help');
    const calls = await h.interact(i, (cs) => cs.some((c) => c.route === ORIGINAL && c.status === 200));
    const edits = calls.filter((c) => c.route === ORIGINAL);
    expect(edits.map((c) => c.status)).toEqual([429, 200]);
    expect(edits[1]!.at - edits[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('resumes after the gateway drops and gets the events it missed, once', async () => {
    const identifies = h.gateway.identifies;
    h.gateway.drop();
    const missed = slashCommand('status');
    h.gateway.dispatchWhileDown('INTERACTION_CREATE', missed);
    await h.gateway.waitForOp((o) => o.op === 6);
    const calls = await h.interact(slashCommand('help')); // after the resume
    expect(calls.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.gateway.resumes).toBe(1);
    expect(h.gateway.identifies).toBe(identifies);
    expect(answered(h.answersTo(missed))).toBe(true);
    expect(h.answersTo(missed).filter((c) => c.route === CALLBACK)).toHaveLength(1);
    expect(h.gateway.heartbeats).toBeGreaterThan(0);
  });

  it('registers the slash commands with one bulk overwrite (in one server)', async () => {
    const body = await registerCommands({ token: TOKEN, applicationId: APP_ID, apiUrl: h.rest.url }, allCommands(), { guildId: '1100000000000000001' });
    const put = await h.rest.waitFor((c) => c.method === 'PUT');
    expect(put.path).toBe(`/applications/${APP_ID}/guilds/1100000000000000001/commands`);
    const names = (put.body as { name: string }[]).map((c) => c.name);
    expect(names).toEqual(body.map((c) => c.name));
    expect(names).toContain('search');
    expect(names).toContain('liaison');
  });
});
