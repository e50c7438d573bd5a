import { describe, expect, it } from 'vitest';
import { FORM_CALLBACK_ID, OPEN_FORM_ACTION } from '../../adapters/slack/actionIds.js';
import { LOADING_TEXT } from '../../adapters/slack/conversation.js';
import { useSlackHarness, type SlackHarness } from './slackHarness.js';
import { eventWrapperSchema, schemaProblems } from './slackApiSpec.js';
import type { RecordedCall } from './fakeSlack.js';
import {
  BOT_USER,
  blockActionsPayload,
  dmEvent,
  eventCallback,
  interactionBody,
  mentionEvent,
  sendToBot,
  slashCommandBody,
  viewSubmissionPayload,
} from './slackRequests.js';

let h: SlackHarness;
let responseIds = 0;

// A green test means Slack would have accepted every call: spec, scopes and Block Kit limits.
useSlackHarness((started) => {
  h = started;
});

const FORM = 'application/x-www-form-urlencoded' as const;
const JSON_TYPE = 'application/json' as const;

async function slash(text: string, extra: { channel?: string; channelName?: string } = {}) {
  const id = `r${++responseIds}`;
  const res = await sendToBot(h.url, slashCommandBody({ text, responseUrl: h.fake.responseUrl(id), ...extra }), FORM);
  return { res, id };
}

async function event(inner: Record<string, unknown>, options: { eventId?: string; headers?: Record<string, string> } = {}) {
  const wrapper = eventCallback(inner, options.eventId);
  expect(schemaProblems(eventWrapperSchema(), wrapper)).toEqual([]);
  return sendToBot(h.url, JSON.stringify(wrapper), JSON_TYPE, { headers: options.headers });
}

const responsesTo = (id: string) => h.fake.calls.filter((c) => c.method === 'response' && c.params.responseId === id && c.status === 200);
const since = (n: number) => h.fake.calls.slice(n);
/** Every piece of text in a message's blocks, for assertions. */
const textOf = (c: RecordedCall): string => JSON.stringify(c.params.blocks ?? c.params.view?.blocks ?? []) + String(c.params.text ?? '');
const settle = (ms = 600) => new Promise((r) => setTimeout(r, ms));

describe('Slack adapter on real Bolt, HTTP receiver, fake Slack Web API', () => {
  it('acknowledges a slash command at once with a loading message, then answers through response_url', async () => {
    const { res, id } = await slash('help');
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    expect(JSON.parse(res.body)).toMatchObject({ response_type: 'ephemeral', text: LOADING_TEXT });
    await h.fake.waitFor(() => responsesTo(id).length >= 1);
    const [answer] = responsesTo(id);
    // /help is private: it replaces the ephemeral loading message.
    expect(answer!.params).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(textOf(answer!)).toContain('Liaison commands');
    expect(textOf(answer!)).toContain('/status');

    const status = await slash('status');
    await h.fake.waitFor(() => responsesTo(status.id).length >= 2);
    const [shown, removed] = responsesTo(status.id);
    expect(shown!.params).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(textOf(shown!)).toContain('Liaison status');
    expect(removed!.params).toMatchObject({ delete_original: true });
  });

  it('maps an unknown subcommand onto the router, which suggests the right one', async () => {
    const { id } = await slash('stauts');
    await h.fake.waitFor(() => responsesTo(id).length >= 1);
    expect(textOf(responsesTo(id)[0]!)).toContain('Did you mean /status?');
  });

  it('holds a DM conversation turn: message.im in, chat.postMessage out, markup made plain', async () => {
    const before = h.fake.calls.length;
    const res = await event(dmEvent('status', { user: 'U0BOB', channel: 'D0BOB' }));
    expect(res.status).toBe(200);
    await h.fake.waitFor(() => since(before).some((c) => c.method === 'chat.postMessage'));
    const post = since(before).find((c) => c.method === 'chat.postMessage')!;
    expect(post.params.channel).toBe('D0BOB');
    expect(textOf(post)).toContain('Liaison status');
    // A person first seen in an event is named with users.info (then cached).
    expect(since(before).filter((c) => c.method === 'users.info').map((c) => c.params.user)).toEqual(['U0BOB']);

    // Slack markup reaches the router as plain text: "&lt;" is "<", a mention is @name.
    const n = h.fake.calls.length;
    await event(dmEvent('/help &lt;@U0BOT|liaison&gt; <@U0ADA>'));
    await h.fake.waitFor(() => since(n).some((c) => c.method === 'chat.postMessage'));
    expect(textOf(since(n).find((c) => c.method === 'chat.postMessage')!)).toContain('There is no command');
  });

  it('answers a mention in a channel in the thread of the mention', async () => {
    const before = h.fake.calls.length;
    const mention = mentionEvent(`<@${BOT_USER}> status`);
    await event(mention);
    await h.fake.waitFor(() => since(before).some((c) => c.method === 'chat.postMessage'));
    const post = since(before).find((c) => c.method === 'chat.postMessage')!;
    expect(post.params).toMatchObject({ channel: 'C0GENERAL', thread_ts: mention.ts });
    expect(textOf(post)).toContain('Liaison status');

    // A private answer (an error) in a channel is ephemeral, still in the thread.
    const n = h.fake.calls.length;
    await event(mentionEvent(`<@${BOT_USER}> /nonsense`, { thread_ts: '1700000000.000001' }));
    await h.fake.waitFor(() => since(n).some((c) => c.method === 'chat.postEphemeral'));
    expect(since(n).find((c) => c.method === 'chat.postEphemeral')!.params).toMatchObject({ channel: 'C0GENERAL', user: 'U0ADA', thread_ts: '1700000000.000001' });
  });

  it('routes a button press and a select choice to the router with their values', async () => {
    const { id } = await slash('pick');
    await h.fake.waitFor(() => responsesTo(id).length >= 1);
    const elements = (responsesTo(id)[0]!.params.blocks as { type: string; elements?: { action_id: string; value?: string }[] }[]).find((b) => b.type === 'actions')!.elements!;
    expect(elements.map((e) => e.action_id)).toEqual(['test.pick|0', 'test.pick|1', 'test.pick|2']);

    const pressId = `r${++responseIds}`;
    const press = await sendToBot(h.url, interactionBody(blockActionsPayload({
      responseUrl: h.fake.responseUrl(pressId),
      action: { type: 'button', action_id: elements[1]!.action_id, text: { type: 'plain_text', text: 'Beta' }, value: 'beta' },
    })), FORM);
    expect(press.status).toBe(200);
    await h.fake.waitFor(() => responsesTo(pressId).length >= 1);
    expect(textOf(responsesTo(pressId)[0]!)).toContain('You picked beta.');
    expect(responsesTo(pressId)[0]!.params.replace_original).toBe(false);

    const selectId = `r${++responseIds}`;
    await sendToBot(h.url, interactionBody(blockActionsPayload({
      responseUrl: h.fake.responseUrl(selectId),
      action: { type: 'static_select', action_id: 'test.pick|2', selected_option: { text: { type: 'plain_text', text: 'Gamma' }, value: 'gamma' }, placeholder: { type: 'plain_text', text: 'Or choose' } },
    })), FORM);
    await h.fake.waitFor(() => responsesTo(selectId).length >= 1);
    expect(textOf(responsesTo(selectId)[0]!)).toContain('You picked gamma.');
  });

  it('opens a form as a modal, returns a validation error inline, then accepts the submission', async () => {
    const before = h.fake.calls.length;
    const { id } = await slash('intake');
    await h.fake.waitFor(() => since(before).some((c) => c.method === 'views.open'));
    const open = since(before).find((c) => c.method === 'views.open')!;
    const view = open.params.view as { callback_id: string; private_metadata: string; blocks: { block_id: string; optional: boolean }[] };
    expect(view.callback_id).toBe(FORM_CALLBACK_ID);
    expect(view.blocks.map((b) => [b.block_id, b.optional])).toEqual([['summary', false], ['region', true]]);
    await h.fake.waitFor(() => responsesTo(id).length >= 1);
    expect(textOf(responsesTo(id)[0]!)).toContain(OPEN_FORM_ACTION); // the form can be reopened

    const short = await sendToBot(h.url, interactionBody(viewSubmissionPayload({ callbackId: FORM_CALLBACK_ID, privateMetadata: view.private_metadata, values: { summary: 'too short' } })), FORM);
    expect(short.status).toBe(200);
    expect(JSON.parse(short.body)).toEqual({ response_action: 'errors', errors: { summary: 'Please describe the problem in at least 20 characters.' } });

    const n = h.fake.calls.length;
    const good = await sendToBot(h.url, interactionBody(viewSubmissionPayload({ callbackId: FORM_CALLBACK_ID, privateMetadata: view.private_metadata, values: { summary: 'Our ceramic tiles crack in cold storage' } })), FORM);
    expect(good.status).toBe(200);
    expect(good.body).toBe('');
    await h.fake.waitFor(() => since(n).some((c) => c.method === 'chat.postMessage'));
    const post = since(n).find((c) => c.method === 'chat.postMessage')!;
    expect(post.params.channel).toBe('C0GENERAL');
    expect(textOf(post)).toContain('Need saved: Our ceramic tiles crack in cold storage (any region).');
  });

  it('offers a form from a DM with an Open button that opens the modal on press', async () => {
    const before = h.fake.calls.length;
    await event(dmEvent('/intake'));
    await h.fake.waitFor(() => since(before).some((c) => c.method === 'chat.postMessage'));
    const post = since(before).find((c) => c.method === 'chat.postMessage')!;
    expect(since(before).some((c) => c.method === 'views.open')).toBe(false); // no trigger_id in events
    const button = (post.params.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find((b) => b.type === 'actions')!.elements![0]!;
    const n = h.fake.calls.length;
    await sendToBot(h.url, interactionBody(blockActionsPayload({
      responseUrl: h.fake.responseUrl(`r${++responseIds}`),
      action: { type: 'button', action_id: button.action_id, text: { type: 'plain_text', text: 'Open' }, value: button.value },
    })), FORM);
    await h.fake.waitFor(() => since(n).some((c) => c.method === 'views.open'));
    expect((since(n).find((c) => c.method === 'views.open')!.params.view as { title: { text: string } }).title.text.length).toBeLessThanOrEqual(24);
  });

  it('never posts twice for a retried event (x-slack-retry-num), even when the retry races the original', async () => {
    const before = h.fake.calls.length;
    const inner = dmEvent('status');
    const [a, b, c] = await Promise.all([
      event(inner, { eventId: 'Ev0RETRY01' }),
      event(inner, { eventId: 'Ev0RETRY01', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } }),
      event(inner, { eventId: 'Ev0RETRY01', headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' } }),
    ]);
    expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
    await h.fake.waitFor(() => since(before).some((x) => x.method === 'chat.postMessage'));
    await settle(800);
    expect(since(before).filter((x) => x.method === 'chat.postMessage')).toHaveLength(1);
  });

  it('rejects a bad signature and a stale timestamp with 401, doing nothing', async () => {
    const before = h.fake.calls.length;
    const body = slashCommandBody({ text: 'status', responseUrl: h.fake.responseUrl('never') });
    const forged = await sendToBot(h.url, body, FORM, { secret: '0000000000000000aaaaaaaaaaaaaaaa' });
    expect(forged.status).toBe(401);
    const stale = await sendToBot(h.url, body, FORM, { timestampSec: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.status).toBe(401);
    const tampered = await sendToBot(h.url, body, FORM, { headers: { 'x-slack-signature': 'v0=abc' } });
    expect(tampered.status).toBe(401);
    await settle(300);
    expect(since(before)).toEqual([]);
  });

  it('honours a 429 with Retry-After from the Web API, then delivers the message', async () => {
    const before = h.fake.calls.length;
    h.fake.failNext('chat.postMessage', { status: 429, retryAfterSec: 1 });
    await event(dmEvent('help'));
    await h.fake.waitFor(() => since(before).some((c) => c.method === 'chat.postMessage' && c.status === 200));
    const tries = since(before).filter((c) => c.method === 'chat.postMessage');
    expect(tries.map((c) => c.status)).toEqual([429, 200]);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('retries a failed response_url post (429 and 500) instead of dropping the answer', async () => {
    h.fake.failNext('response', { status: 429, retryAfterSec: 1 });
    h.fake.failNext('response', { status: 500 });
    const { id } = await slash('help');
    await h.fake.waitFor(() => responsesTo(id).length >= 1);
    const tries = h.fake.calls.filter((c) => c.method === 'response' && c.params.responseId === id);
    expect(tries.map((c) => c.status)).toEqual([429, 500, 200]);
  });

  it('acknowledges a command whose handler takes 10 s in time, shows a loading message and updates it', async () => {
    const before = h.fake.calls.length;
    const [{ res, id }, dm] = await Promise.all([slash('slow'), event(dmEvent('/slow'))]);
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(1000);
    expect(dm.status).toBe(200);
    expect(dm.ms).toBeLessThan(1000);
    // In the DM, "Working on it…" appears while the command runs …
    await h.fake.waitFor(() => since(before).some((c) => c.method === 'chat.postMessage' && c.params.text === LOADING_TEXT), 3000);
    const loading = since(before).find((c) => c.method === 'chat.postMessage')!;
    // … and becomes the answer ten seconds later.
    await h.fake.waitFor(() => since(before).some((c) => c.method === 'chat.update') && responsesTo(id).length >= 1, 20_000);
    const update = since(before).find((c) => c.method === 'chat.update')!;
    expect(update.params).toMatchObject({ channel: 'D0ADA' });
    expect(textOf(update)).toContain('The slow answer is ready.');
    expect(update.at - loading.at).toBeGreaterThan(8000);
    expect(textOf(responsesTo(id)[0]!)).toContain('The slow answer is ready.');
  }, 30_000);

  it('ignores bots (itself included), edits and deletions; answers files without text kindly', async () => {
    const before = h.fake.calls.length;
    await event(dmEvent('status', { bot_id: 'B0OTHER', subtype: 'bot_message', user: undefined }));
    await event(dmEvent('status', { bot_id: 'B0BOT', user: BOT_USER }));
    await event(dmEvent('status', { bot_id: 'B0OTHER' }));
    await event(dmEvent('', { subtype: 'message_changed', message: { type: 'message', text: 'status', user: 'U0ADA' }, user: undefined }));
    await event(dmEvent('', { subtype: 'message_deleted', deleted_ts: '1700000000.000100', user: undefined }));
    await settle(800);
    expect(since(before).filter((c) => c.method.startsWith('chat.'))).toEqual([]);

    await event(dmEvent('', { subtype: 'file_share', files: [{ id: 'F0PIC', name: 'crack.png', mimetype: 'image/png' }] }));
    await h.fake.waitFor(() => since(before).some((c) => c.method === 'chat.postMessage'));
    expect(textOf(since(before).find((c) => c.method === 'chat.postMessage')!)).toContain('I can only read text');
  });

  it('publishes the App Home from the core home reply', async () => {
    const before = h.fake.calls.length;
    await event({ type: 'app_home_opened', user: 'U0ADA', channel: 'D0ADA', tab: 'home', event_ts: `${Math.floor(Date.now() / 1000)}.000200` });
    await h.fake.waitFor(() => since(before).some((c) => c.method === 'views.publish'));
    const publish = since(before).find((c) => c.method === 'views.publish')!;
    expect(publish.params.user_id).toBe('U0ADA');
    expect(publish.params.view.type).toBe('home');
    expect(textOf(publish)).toContain('Welcome to Liaison');
    expect(textOf(publish)).toContain('Liaison status');
  });

  it('splits a very long answer within every Block Kit limit, never cutting a word', async () => {
    const { id } = await slash('long');
    await h.fake.waitFor(() => responsesTo(id).some((c) => c.params.delete_original));
    const posts = responsesTo(id).filter((c) => !c.params.delete_original);
    expect(posts.length).toBeGreaterThanOrEqual(2); // more than 50 blocks: two messages
    const kinds = posts.flatMap((c) => c.params.blocks as { type: string }[]).map((b) => b.type);
    expect(kinds.filter((k) => k === 'actions')).toHaveLength(2); // 30 buttons + 3 selects of ≤100 options
    const sections = posts.flatMap((c) => c.params.blocks as { type: string; text?: { text: string } }[]).filter((b) => b.type === 'section' && b.text);
    const all = sections.map((b) => b.text!.text).join(' ');
    expect(all).toContain('Tom &amp; Jerry &lt;script&gt;');
    const words = all.split(/\s+/).filter((w) => /^word\d+$/.test(w));
    expect(words).toHaveLength(1200);
    expect(words[1199]).toBe('word1199');
  });
});
