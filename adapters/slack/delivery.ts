import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/log/logger.js';
import type { Reply } from '../../src/messages/reply.js';
import type { Queryable } from '../../storage/db.js';
import { LOADING_TEXT, TRIGGER_FRESH_MS, type Conversation } from './conversation.js';
import { saveForm, type FormBlock } from './formStore.js';
import { formToModal } from './renderModal.js';
import { plainTextOf, renderReply, type SlackMessage } from './renderBlocks.js';
import { postToResponseUrl, type ResponseUrlBody } from './responseUrl.js';

type WebClient = webApi.WebClient;

/** Slack refused the blocks themselves: retried once as plain text rather than lost. */
const BLOCK_ERRORS = new Set(['invalid_blocks', 'invalid_blocks_format', 'msg_too_long', 'too_many_blocks']);

/**
 * Puts neutral replies in front of the person: picks response_url, chat.postMessage,
 * chat.postEphemeral or chat.update by visibility and origin, replaces the loading message with
 * the first answer, stores forms and opens the first one as a modal while the trigger is fresh.
 * A failed post is retried (the Web API client retries 429 and network errors; refused blocks
 * fall back to text) and logged with its code, never silently dropped.
 */
export class Delivery {
  constructor(
    readonly client: WebClient,
    private readonly db: Queryable,
    private readonly log: Logger,
  ) {}

  /** Shows "Working on it…" where the answer will appear, if nothing shows it yet. */
  async showLoading(conv: Conversation): Promise<void> {
    if (conv.loading) return;
    try {
      if (conv.channel && !conv.responseUrl) {
        const res = await this.client.chat.postMessage({ channel: conv.channel, text: LOADING_TEXT, ...(conv.threadTs ? { thread_ts: conv.threadTs } : {}) });
        if (res.ts) conv.loading = { kind: 'message', channel: conv.channel, ts: res.ts };
      } else if (conv.responseUrl) {
        await postToResponseUrl(conv.responseUrl, { text: LOADING_TEXT, response_type: 'ephemeral', replace_original: false }, this.log);
        conv.loading = { kind: 'note' };
      }
    } catch (err) {
      this.log.warn({ err, code: codeOf(err) }, 'could not show the Slack loading message');
    }
  }

  async deliver(conv: Conversation, replies: readonly Reply[]): Promise<void> {
    let opened = false;
    for (const reply of replies) {
      const forms = reply.blocks.filter((b): b is FormBlock => b.type === 'form');
      const keys = new Map<string, string>();
      for (const form of forms) keys.set(form.id, await saveForm(this.db, conv.teamId, form));
      for (const message of renderReply(reply, keys)) await this.post(conv, reply, message);
      for (const form of forms) {
        if (opened || !conv.triggerId || Date.now() - conv.receivedAt > TRIGGER_FRESH_MS) continue;
        opened = await this.openForm(conv, form, keys.get(form.id)!, conv.triggerId);
      }
    }
    await this.clearLoading(conv);
  }

  /** Opens a stored form as a modal; false (and logged) when Slack refuses, e.g. an expired trigger. */
  async openForm(conv: Conversation, form: FormBlock, key: string, triggerId: string): Promise<boolean> {
    const view = formToModal(form, { key, formId: form.id, channel: conv.channel, threadTs: conv.threadTs, direct: conv.direct });
    try {
      await this.client.views.open({ trigger_id: triggerId, view });
      return true;
    } catch (err) {
      this.log.warn({ err, code: codeOf(err), form: form.id }, 'could not open the Slack modal; the form stays available by its Open button');
      return false;
    }
  }

  private async post(conv: Conversation, reply: Reply, message: SlackMessage): Promise<void> {
    try {
      await this.postOnce(conv, reply, message);
    } catch (err) {
      const code = codeOf(err);
      if (!BLOCK_ERRORS.has(code)) {
        this.log.error({ err, code, channel: conv.channel, user: conv.userId }, 'posting a Slack reply failed');
        throw err;
      }
      this.log.error({ err, code, blocks: message.blocks.length }, 'Slack refused the blocks; posting the reply as plain text');
      await this.postOnce(conv, reply, { text: plainTextOf(reply).slice(0, 39_000), blocks: [] });
    }
  }

  private async postOnce(conv: Conversation, reply: Reply, message: SlackMessage): Promise<void> {
    const privately = reply.visibility === 'private' && !conv.direct;
    const blocks = message.blocks.length > 0 ? { blocks: message.blocks } : {};
    const thread = conv.threadTs ? { thread_ts: conv.threadTs } : {};
    const loading = conv.loading;

    if (conv.responseUrl) {
      const body: ResponseUrlBody = { text: message.text, ...blocks, response_type: privately || reply.visibility === 'private' ? 'ephemeral' : 'in_channel', ...thread };
      if (loading?.kind === 'ack' && body.response_type === 'ephemeral') {
        conv.loading = undefined;
        body.replace_original = true;
      } else body.replace_original = false;
      return postToResponseUrl(conv.responseUrl, body, this.log);
    }
    if (loading?.kind === 'message' && !privately && loading.channel === conv.channel) {
      conv.loading = undefined;
      await this.client.chat.update({ channel: loading.channel, ts: loading.ts, text: message.text, ...blocks });
      return;
    }
    const channel = conv.channel ?? (await this.directChannel(conv.userId));
    if (privately && conv.channel) {
      await this.client.chat.postEphemeral({ channel, user: conv.userId, text: message.text, ...blocks, ...thread });
      return;
    }
    await this.client.chat.postMessage({ channel, text: message.text, ...blocks, ...(conv.channel ? thread : {}) });
  }

  /** Removes a loading message no answer replaced (e.g. every answer was private). */
  private async clearLoading(conv: Conversation): Promise<void> {
    const loading = conv.loading;
    conv.loading = undefined;
    try {
      if (loading?.kind === 'message') await this.client.chat.delete({ channel: loading.channel, ts: loading.ts });
      if (loading?.kind === 'ack' && conv.responseUrl) await postToResponseUrl(conv.responseUrl, { text: '', delete_original: true }, this.log);
    } catch (err) {
      this.log.warn({ err, code: codeOf(err) }, 'could not remove the Slack loading message');
    }
  }

  private async directChannel(userId: string): Promise<string> {
    const res = await this.client.conversations.open({ users: userId });
    const id = res.channel?.id;
    if (!id) throw new Error('conversations.open returned no channel');
    return id;
  }
}

/** The Slack error code of a Web API failure (`channel_not_found`, `ratelimited`, …). */
export function codeOf(err: unknown): string {
  const e = err as { data?: { error?: string }; code?: string };
  return e?.data?.error ?? e?.code ?? 'unknown';
}
