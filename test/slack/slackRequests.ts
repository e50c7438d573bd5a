import { createHmac } from 'node:crypto';

/** Requests shaped exactly like Slack's, signed like Slack signs them (v0 HMAC-SHA256). */
export const SIGNING_SECRET = '8f742231b10e8d7a1f1c9a3b9a0d85a5';
export const TEAM = 'T0ACME';
export const APP = 'A0LIAISON';
export const BOT_USER = 'U0BOT';

export interface SentRequest {
  status: number;
  body: string;
  ms: number;
}

export function signature(secret: string, timestampSec: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestampSec}:${body}`).digest('hex')}`;
}

/** POSTs a body to the bot the way Slack does; options can break the signature or age it. */
export async function sendToBot(
  url: string,
  body: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  options: { secret?: string; timestampSec?: number; headers?: Record<string, string> } = {},
): Promise<SentRequest> {
  const ts = options.timestampSec ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signature(options.secret ?? SIGNING_SECRET, ts, body),
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      ...options.headers,
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text, ms: performance.now() - started };
}

let counter = 0;
const nextId = () => `${Date.now()}${++counter}`;
export const triggerId = () => `${nextId()}.4212345678.0f1e2d3c4b5a69788796a5b4c3d2e1f0`;

/** The form body of a slash command (https://api.slack.com/interactivity/slash-commands). */
export function slashCommandBody(o: { text: string; responseUrl: string; user?: string; userName?: string; channel?: string; channelName?: string; triggerId?: string }): string {
  return new URLSearchParams({
    token: 'gIkuvaNzQIHg97ATvDxqgjtO',
    team_id: TEAM,
    team_domain: 'acme',
    channel_id: o.channel ?? 'C0GENERAL',
    channel_name: o.channelName ?? 'general',
    user_id: o.user ?? 'U0ADA',
    user_name: o.userName ?? 'ada',
    command: '/liaison',
    text: o.text,
    api_app_id: APP,
    is_enterprise_install: 'false',
    response_url: o.responseUrl,
    trigger_id: o.triggerId ?? triggerId(),
  }).toString();
}

/** An Events API `event_callback` wrapper around one event. */
export function eventCallback(event: Record<string, unknown>, eventId = `Ev${nextId()}`): Record<string, unknown> {
  return {
    token: 'gIkuvaNzQIHg97ATvDxqgjtO',
    team_id: TEAM,
    context_team_id: TEAM,
    api_app_id: APP,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(eventId).toString('base64')}`,
    authed_users: [BOT_USER],
  };
}

const ts = () => `${Math.floor(Date.now() / 1000)}.${String(++counter).padStart(6, '0')}`;

/** message.im: a person writes to the bot in its Messages tab. */
export function dmEvent(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const t = ts();
  return {
    client_msg_id: '5f7c2e1a-0b9d-4c3e-8f6a-1d2e3f4a5b6c',
    type: 'message',
    text,
    user: 'U0ADA',
    ts: t,
    blocks: [{ type: 'rich_text', block_id: 'x1Y2', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }] }],
    team: TEAM,
    channel: 'D0ADA',
    event_ts: t,
    channel_type: 'im',
    ...extra,
  };
}

/** app_mention: someone mentions the bot in a channel. */
export function mentionEvent(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const t = ts();
  return { client_msg_id: '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d', type: 'app_mention', text, user: 'U0ADA', ts: t, team: TEAM, channel: 'C0GENERAL', event_ts: t, ...extra };
}

/** The `payload=` form body of an interaction (block_actions, view_submission). */
export const interactionBody = (payload: Record<string, unknown>): string => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

/** block_actions: a button or select pressed on a message the bot posted (by Ada unless `user` says). */
export function blockActionsPayload(o: { action: Record<string, unknown>; responseUrl: string; channel?: string; messageTs?: string; threadTs?: string; user?: { id: string; name: string } }): Record<string, unknown> {
  const channel = o.channel ?? 'D0ADA';
  const messageTs = o.messageTs ?? ts();
  const user = o.user ?? { id: 'U0ADA', name: 'ada' };
  return {
    type: 'block_actions',
    user: { id: user.id, username: user.name, name: user.name, team_id: TEAM },
    api_app_id: APP,
    token: 'gIkuvaNzQIHg97ATvDxqgjtO',
    container: { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: false, ...(o.threadTs ? { thread_ts: o.threadTs } : {}) },
    trigger_id: triggerId(),
    team: { id: TEAM, domain: 'acme' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: 'directmessage' },
    message: { type: 'message', user: BOT_USER, ts: messageTs, bot_id: 'B0BOT', text: 'Liaison', blocks: [], ...(o.threadTs ? { thread_ts: o.threadTs } : {}) },
    state: { values: {} },
    response_url: o.responseUrl,
    actions: [{ block_id: 'b1', action_ts: ts(), ...o.action }],
  };
}

/**
 * view_submission: a modal submitted with `values` typed in text inputs (block_id → {value:
 * {type, value}}) and `selected` options of static selects (block_id → {value: {type,
 * selected_option}}), by Ada unless `user` says.
 */
export function viewSubmissionPayload(o: {
  callbackId: string;
  privateMetadata: string;
  values: Record<string, string>;
  selected?: Record<string, { text: string; value: string }>;
  user?: { id: string; name: string };
}): Record<string, unknown> {
  const state: Record<string, Record<string, unknown>> = {};
  for (const [blockId, value] of Object.entries(o.values)) state[blockId] = { value: { type: 'plain_text_input', value } };
  for (const [blockId, option] of Object.entries(o.selected ?? {})) {
    state[blockId] = { value: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: option.text, emoji: true }, value: option.value } } };
  }
  const user = o.user ?? { id: 'U0ADA', name: 'ada' };
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'acme' },
    user: { id: user.id, username: user.name, name: user.name, team_id: TEAM },
    api_app_id: APP,
    token: 'gIkuvaNzQIHg97ATvDxqgjtO',
    trigger_id: triggerId(),
    view: {
      id: 'V0FORM',
      team_id: TEAM,
      type: 'modal',
      blocks: [],
      private_metadata: o.privateMetadata,
      callback_id: o.callbackId,
      state: { values: state },
      hash: '1700000000.abcdEFGH',
      title: { type: 'plain_text', text: 'Form' },
      clear_on_close: false,
      notify_on_close: false,
      close: null,
      submit: { type: 'plain_text', text: 'Submit' },
      previous_view_id: null,
      root_view_id: 'V0FORM',
      app_id: APP,
      external_id: '',
      app_installed_team_id: TEAM,
      bot_id: 'B0BOT',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}
