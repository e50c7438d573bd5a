import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../../src/log/logger.js';
import type { Attachment, Reply } from '../../src/messages/reply.js';
import type { Queryable } from '../../storage/db.js';
import { LOADING_TEXT, TRIGGER_FRESH_MS, type Conversation } from './conversation.js';
import { saveForm, type FormBlock } from './formStore.js';
import { formToModal } from './renderModal.js';
import { plainTextOf, renderReply, type SlackMessage } from './renderBlocks.js';
import { postToResponseUrl, type ResponseUrlBody } from './responseUrl.js';
import { uploadFiles, type FileTarget } from './uploadFiles.js';

type WebClient = webApi.WebClient;

/** Slack refused the blocks themselves: retried once as plain text rather than lost. */
const BLOCK_ERRORS = new Set(['invalid_blocks', 'invalid_blocks_format', 'msg_too_long', 'too_many_blocks']);

/** The bot may answer a slash command or a button where it is no member, but cannot share files there. */
const NOT_MEMBER_ERRORS = new Set(['not_in_channel', 'channel_not_found']);

/** What Liaison reads of Slack's answers: the id of the conversation a message went to or was opened. */
const postedMessage = z.object({ channel: z.string().min(1) });
const openedConversation = z.object({ channel: z.object({ id: z.string().min(1) }) });

/** DM channels remembered per process (a person's DM with the bot keeps its id). */
const MAX_REMEMBERED_DMS = 10_000;

/**
 * Puts neutral replies in front of the person: picks response_url, chat.postMessage,
 * chat.postEphemeral or chat.update by visibility and origin, replaces the loading message with
 * the first answer, stores forms and opens the first one as a modal while the trigger is fresh.
 * A reply's files follow its messages (files.uploadV2) in the same conversation and thread.
 * A failed post is retried (the Web API client retries 429 and network errors; refused blocks
 * fall back to text) and logged with its code, never silently dropped.
 */
export class Delivery {
  private readonly dms = new Map<string, string>();

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
      let landed: string | undefined;
      const attachments = reply.attachments ?? [];
      if (reply.blocks.length > 0 || attachments.length === 0) {
        for (const message of renderReply(reply, keys)) landed = (await this.post(conv, reply, message)) ?? landed;
      }
      if (attachments.length > 0) await this.shareFiles(conv, reply, attachments, landed);
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

  /** Posts one message; resolves with the id of the conversation it is visible to all in, if any. */
  private async post(conv: Conversation, reply: Reply, message: SlackMessage): Promise<string | undefined> {
    try {
      return await this.postOnce(conv, reply, message);
    } catch (err) {
      const code = codeOf(err);
      if (!BLOCK_ERRORS.has(code)) {
        this.log.error({ err, code, channel: conv.channel, user: conv.userId }, 'posting a Slack reply failed');
        throw err;
      }
      this.log.error({ err, code, blocks: message.blocks.length }, 'Slack refused the blocks; posting the reply as plain text');
      return this.postOnce(conv, reply, { text: plainTextOf(reply).slice(0, 39_000), blocks: [] });
    }
  }

  private async postOnce(conv: Conversation, reply: Reply, message: SlackMessage): Promise<string | undefined> {
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
      await postToResponseUrl(conv.responseUrl, body, this.log);
      return body.response_type === 'in_channel' ? conv.channel : undefined;
    }
    if (loading?.kind === 'message' && !privately && loading.channel === conv.channel) {
      conv.loading = undefined;
      const res = await this.client.chat.update({ channel: loading.channel, ts: loading.ts, text: message.text, ...blocks });
      return postedMessage.parse(res).channel;
    }
    const channel = conv.channel ?? (await this.directChannel(conv.userId));
    if (privately && conv.channel) {
      await this.client.chat.postEphemeral({ channel, user: conv.userId, text: message.text, ...blocks, ...thread });
      return undefined;
    }
    // Slack answers with the channel's id, also when it was named ("#brokers") or a user id.
    const res = await this.client.chat.postMessage({ channel, text: message.text, ...blocks, ...(conv.channel ? thread : {}) });
    return postedMessage.parse(res).channel;
  }

  /**
   * Shares a reply's files where its messages went (`landed`, else the conversation), in the same
   * thread. Files cannot be ephemeral: a private reply's files go to the person's DM, as do the
   * files of a slash command or button answered in a channel the bot is not a member of.
   */
  private async shareFiles(conv: Conversation, reply: Reply, attachments: readonly Attachment[], landed: string | undefined): Promise<void> {
    const privately = reply.visibility === 'private' && !conv.direct;
    const inConversation: FileTarget | undefined =
      privately || !conv.channel ? undefined : { channel: landed ?? conv.channel, ...(conv.threadTs ? { threadTs: conv.threadTs } : {}) };
    const files = attachments.map((a) => ({ filename: a.filename, bytes: a.data.byteLength }));
    try {
      // A message posted to "#name" tells its channel's id; files alone cannot learn it.
      if (inConversation?.channel.startsWith('#')) throw new Error(`Slack shares files in a channel given by id, not ${inConversation.channel}`);
      if (inConversation) {
        try {
          return await uploadFiles(this.client, inConversation, attachments);
        } catch (err) {
          if (!conv.responseUrl || !NOT_MEMBER_ERRORS.has(codeOf(err))) throw err;
          this.log.warn({ code: codeOf(err), channel: inConversation.channel, files }, 'cannot share files in this Slack channel; sending them by DM');
        }
      }
      await uploadFiles(this.client, { channel: await this.directChannel(conv.userId) }, attachments);
    } catch (err) {
      this.log.error({ err, code: codeOf(err), channel: conv.channel, user: conv.userId, files }, 'sharing files in Slack failed');
      throw err;
    }
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

  /** The id of the bot's DM with a person: conversations.open (im:write) the first time, then remembered. */
  async directChannel(userId: string): Promise<string> {
    const known = this.dms.get(userId);
    if (known) return known;
    const id = openedConversation.parse(await this.client.conversations.open({ users: userId })).channel.id;
    if (this.dms.size >= MAX_REMEMBERED_DMS) this.dms.delete(this.dms.keys().next().value!);
    this.dms.set(userId, id);
    return id;
  }
}

/** The Slack error code of a Web API failure (`channel_not_found`, `ratelimited`, …). */
export function codeOf(err: unknown): string {
  const e = err as { data?: { error?: string }; code?: string };
  return e?.data?.error ?? e?.code ?? 'unknown';
}
