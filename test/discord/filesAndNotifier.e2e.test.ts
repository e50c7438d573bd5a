import { describe, expect, it } from 'vitest';
import { RecipientUnreachableError } from '../../src/notify/channelNotifier.js';
import { ChannelUnreachableError } from '../../src/notify/channelUnreachableError.js';
import { CHART, INVITE } from '../slack/sampleFiles.js';
import { useDiscordHarness, type DiscordHarness } from './discordHarness.js';
import type { RestCall } from './fake/fakeDiscordRest.js';
import { ALICE, APP_ID, BROKERS_ID, DM_CHANNEL_ID, dmChannelOf, dmMessage, LI, slashCommand } from './fake/fixtures.js';

const CALLBACK = '/interactions/{interaction_id}/{interaction_token}/callback';
const ORIGINAL = '/webhooks/{webhook_id}/{webhook_token}/messages/@original';
const FOLLOW_UP = '/webhooks/{webhook_id}/{webhook_token}';
const CHANNEL_MESSAGES = '/channels/{channel_id}/messages';

type Body = { flags?: number; content?: string; embeds?: { title?: string }[]; attachments?: { id: string; description?: string }[] };
const body = (c: RestCall | undefined) => (c?.body ?? {}) as Body;

/**
 * The invite and the chart arrived whole: names, content types, bytes, and their descriptions.
 * discord.js sends each part as a Blob, whose type the File API lowercases ("method=request").
 */
function expectBothFiles(call: RestCall): void {
  expect(call.files.map((f) => [f.index, f.filename, f.contentType])).toEqual([
    [0, INVITE.filename, INVITE.contentType.toLowerCase()],
    [1, CHART.filename, CHART.contentType],
  ]);
  expect(Buffer.compare(call.files[0]!.data, Buffer.from(INVITE.data))).toBe(0);
  expect(Buffer.compare(call.files[1]!.data, Buffer.from(CHART.data))).toBe(0);
  expect(body(call).attachments).toEqual([
    { id: '0', description: INVITE.altText },
    { id: '1', description: CHART.altText },
  ]);
}

describe('files with answers and direct messages (real discord.js, fake REST checked against the spec)', () => {
  let h: DiscordHarness;

  useDiscordHarness((started) => {
    h = started;
  });

  it('sends a public answer with its files as a multipart follow-up', async () => {
    const calls = await h.interact(slashCommand('files'), (cs) => cs.some((c) => c.route === FOLLOW_UP));
    expect(calls.map((c) => `${c.method} ${c.route}`)).toEqual([`POST ${CALLBACK}`, `DELETE ${ORIGINAL}`, `POST ${FOLLOW_UP}`]);
    const post = calls[2]!;
    expect(body(post).content).toContain('Here is your invite');
    expect(body(post).flags ?? 0).toBe(0);
    expectBothFiles(post);
  });

  it('edits the deferred reply of a private answer with its files, which stay ephemeral', async () => {
    const calls = await h.interact(slashCommand('files', 'private'));
    const edit = calls.find((c) => c.route === ORIGINAL && c.method === 'PATCH')!;
    expect(body(calls[0])).toEqual({ type: 5, data: { flags: 64 } });
    expectBothFiles(edit);
  });

  it('sends files alone in a DM conversation', async () => {
    const before = h.rest.calls.length;
    h.gateway.dispatch('MESSAGE_CREATE', dmMessage('/files only', ALICE));
    const post = await h.rest.waitFor((c) => h.rest.calls.indexOf(c) >= before && c.route === CHANNEL_MESSAGES && c.files.length > 0);
    expect(post.path).toBe(`/channels/${DM_CHANNEL_ID}/messages`);
    expect(body(post).content).toBeUndefined();
    expect(body(post).embeds).toEqual([]);
    expectBothFiles(post);
  });

  it('waits out a 429 on a multipart post, then sends the same files again', async () => {
    h.rest.rateLimit((c) => c.method === 'POST' && c.path.startsWith('/webhooks/'), 1);
    const i = slashCommand('files');
    const calls = await h.interact(i, (cs) => cs.some((c) => c.route === FOLLOW_UP && c.status === 200));
    const posts = calls.filter((c) => c.route === FOLLOW_UP);
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(950);
    expectBothFiles(posts[1]!);
  });

  it('posts a digest with its chart to the brokers channel', async () => {
    await h.services.notifier!.postToChannel('brokers', { blocks: [{ type: 'header', text: 'Weekly digest' }, { type: 'text', text: '3 new needs.' }], attachments: [CHART] });
    const post = h.rest.calls.filter((c) => c.path === `/channels/${BROKERS_ID}/messages` && c.files.length > 0).at(-1)!;
    expect(body(post).embeds?.[0]?.title).toBe('Weekly digest');
    expect(post.files.map((f) => [f.filename, f.contentType])).toEqual([[CHART.filename, CHART.contentType]]);
    expect(Buffer.compare(post.files[0]!.data, Buffer.from(CHART.data))).toBe(0);
  });

  it('sends a direct message with an invite: opens the DM, then posts the message and the file', async () => {
    const before = h.rest.calls.length;
    await h.services.notifier!.sendDirect({ platform: 'discord', workspaceId: APP_ID, userId: LI.id }, { blocks: [{ type: 'text', text: 'Your introduction is booked.' }], attachments: [INVITE] });
    const calls = h.rest.calls.slice(before);
    expect(calls.map((c) => `${c.method} ${c.route}`)).toEqual(['POST /users/@me/channels', `POST ${CHANNEL_MESSAGES}`]);
    expect(calls[0]!.body).toEqual({ recipient_id: LI.id });
    expect(calls[1]!.path).toBe(`/channels/${dmChannelOf(LI.id)}/messages`);
    expect(body(calls[1]).content).toBe('Your introduction is booked.');
    expect(calls[1]!.files.map((f) => f.filename)).toEqual([INVITE.filename]);
    expect(calls[1]!.files[0]!.data.toString('utf8')).toBe(new TextDecoder().decode(INVITE.data));
  });

  it('says a person who accepts no DMs from the bot is unreachable, with Discord’s code', async () => {
    const user = { platform: 'discord' as const, workspaceId: APP_ID, userId: '1200000000000000077' };
    h.rest.refuse((c) => c.method === 'POST' && c.path === `/channels/${dmChannelOf(user.userId)}/messages`, { status: 403, code: 50007, message: 'Cannot send messages to this user' });
    const sent = h.services.notifier!.sendDirect(user, { blocks: [{ type: 'text', text: 'Reminder' }] });
    await expect(sent).rejects.toBeInstanceOf(RecipientUnreachableError);
    await expect(sent).rejects.toMatchObject({ reason: '50007', user });
  });

  it('says an unknown user is unreachable', async () => {
    const user = { platform: 'discord' as const, workspaceId: APP_ID, userId: '1200000000000000078' };
    h.rest.refuse((c) => c.path === '/users/@me/channels', { status: 400, code: 10013, message: 'Unknown User' });
    await expect(h.services.notifier!.sendDirect(user, { blocks: [{ type: 'text', text: 'Reminder' }] })).rejects.toMatchObject({ name: 'RecipientUnreachableError', reason: '10013' });
  });

  it('says a channel the bot cannot post to is unreachable, with Discord’s code', async () => {
    const digest = { blocks: [{ type: 'text' as const, text: 'Weekly digest' }], attachments: [CHART] };
    // Removed from the channel (or its server): 50001 Missing Access.
    h.rest.refuse((c) => c.method === 'POST' && c.path === `/channels/${BROKERS_ID}/messages`, { status: 403, code: 50001, message: 'Missing Access' });
    await expect(h.services.notifier!.postToChannel('brokers', digest)).rejects.toMatchObject({ name: 'ChannelUnreachableError', channel: 'brokers', reason: '50001' });
    // No Attach Files permission there: 50013 Missing Permissions.
    h.rest.refuse((c) => c.method === 'POST' && c.path === `/channels/${BROKERS_ID}/messages`, { status: 403, code: 50013, message: 'Missing Permissions' });
    await expect(h.services.notifier!.postToChannel(BROKERS_ID, digest)).rejects.toMatchObject({ reason: '50013' });
    // A deleted channel: GET /channels/{id} answers 10003 Unknown Channel.
    const gone = '1100000000000000066';
    await expect(h.services.notifier!.postToChannel(gone, digest)).rejects.toMatchObject({ channel: gone, reason: '10003' });
    expect(h.rest.callsTo('GET', '/channels/{channel_id}').map((c) => [c.path, c.status])).toEqual([[`/channels/${gone}`, 404]]);
    // A name none of the bot's servers has.
    await expect(h.services.notifier!.postToChannel('#nowhere', digest)).rejects.toBeInstanceOf(ChannelUnreachableError);
  });

  it('keeps other channel failures as they came (they are worth another try)', async () => {
    h.rest.refuse((c) => c.method === 'POST' && c.path === `/channels/${BROKERS_ID}/messages`, { status: 400, code: 50035, message: 'Invalid Form Body' });
    const posted = h.services.notifier!.postToChannel('brokers', { blocks: [{ type: 'text', text: 'Weekly digest' }] });
    await expect(posted).rejects.toMatchObject({ code: 50035 });
    await expect(posted).rejects.not.toBeInstanceOf(ChannelUnreachableError);
  });
});
