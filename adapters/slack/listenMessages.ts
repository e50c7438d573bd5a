import type { App } from '@slack/bolt';
import { errorReply } from '../../src/messages/reply.js';
import { answer, deliverLogged, type SlackContext } from './answer.js';
import type { Conversation } from './conversation.js';
import { readMessage, type MessageEventLike } from './inboundMessage.js';

const FILES_REPLY = errorReply(
  'I can only read text for now, so I could not use that file or image.',
  'Please describe it in words, or paste the text. Type help for what I can do.',
);

/**
 * DMs to the bot (message.im) and mentions in channels (app_mention) go to the router as
 * plain text. In a channel the answer goes to the thread of the mention, so a conversation
 * stays together. Duplicated deliveries were already dropped by the event de-duplication.
 */
export function listenMessages(app: App, ctx: SlackContext): void {
  app.event('message', async ({ event, context, body }) => {
    const e = event as MessageEventLike;
    if (e.channel_type !== 'im' || !e.channel) return; // channels: only through app_mention
    await handle(ctx, e, context.botUserId, { teamId: teamOf(body, context), userId: e.user ?? '', channel: e.channel, threadTs: e.thread_ts, direct: true, receivedAt: Date.now() });
  });

  app.event('app_mention', async ({ event, context, body }) => {
    const e = event as MessageEventLike;
    if (!e.channel) return;
    const direct = e.channel.startsWith('D');
    await handle(ctx, e, context.botUserId, { teamId: teamOf(body, context), userId: e.user ?? '', channel: e.channel, threadTs: e.thread_ts ?? (direct ? undefined : e.ts), direct, receivedAt: Date.now() });
  });
}

async function handle(ctx: SlackContext, event: MessageEventLike, botUserId: string | undefined, conv: Conversation): Promise<void> {
  const verdict = readMessage(event, botUserId);
  if (verdict.kind === 'ignore') {
    ctx.log.debug({ why: verdict.why }, 'Slack message ignored');
    return;
  }
  if (verdict.kind === 'files') return deliverLogged(ctx, conv, [FILES_REPLY]);
  // A message carries no name: users.info gives it, and the profile's time zone with it.
  const profile = await ctx.names.profileOf(conv.userId);
  await answer(ctx, conv, { kind: 'text', text: verdict.text }, profile.name, profile.timeZone);
}

export const teamOf = (body: { team_id?: string }, context: { teamId?: string; enterpriseId?: string }): string =>
  body.team_id ?? context.teamId ?? context.enterpriseId ?? 'unknown';
