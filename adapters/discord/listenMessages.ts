import type { Message } from 'discord.js';
import { errorReply } from '../../src/messages/reply.js';
import { actorFor } from './discordActor.js';
import { firstDelivery, type DiscordContext } from './discordContext.js';
import { discordToPlain } from './discordText.js';

const FILES_REPLY = errorReply(
  'I can only read text for now, so I could not use that file or image.',
  'Please describe it in words, or paste the text. Type help for what I can do.',
);

export type MessageVerdict = { kind: 'ignore'; why: string } | { kind: 'files' } | { kind: 'text'; text: string };

/** The fields of a discord.js Message Liaison reads. */
export interface MessageLike {
  id: string;
  content: string;
  guildId: string | null;
  webhookId: string | null;
  system: boolean;
  author: { id: string; bot: boolean };
  attachments: { size: number };
  stickers: { size: number };
}

/**
 * Decides what a message means: ignored (bots, Liaison included; webhooks; system messages;
 * anything in a server, where Liaison works through slash commands), attachments without
 * text, or text for the router with mentions, markdown and the bot's own mention made plain.
 */
export function readMessage(m: MessageLike, botUserId: string | undefined, names: Parameters<typeof discordToPlain>[1] = {}): MessageVerdict {
  if (m.author.bot || m.webhookId) return { kind: 'ignore', why: 'bot or webhook' };
  if (m.system) return { kind: 'ignore', why: 'system message' };
  if (m.guildId) return { kind: 'ignore', why: 'server message (slash commands there)' };
  const text = discordToPlain(m.content, names, botUserId);
  if (text === '' && (m.attachments.size > 0 || m.stickers.size > 0)) return { kind: 'files' };
  if (text === '') return { kind: 'ignore', why: 'empty' };
  return { kind: 'text', text };
}

/** A direct message to the bot: the plain-text conversation, answered in the DM. */
export async function onMessage(ctx: DiscordContext, message: Message): Promise<void> {
  try {
    const names = {
      user: (id: string) => message.mentions.users.get(id)?.username,
      channel: (id: string) => {
        const c = message.client.channels.cache.get(id);
        return c && 'name' in c && typeof c.name === 'string' ? c.name : undefined;
      },
      role: (id: string) => message.mentions.roles.get(id)?.name,
    };
    const verdict = readMessage(message, message.client.user?.id, names);
    if (verdict.kind === 'ignore') {
      ctx.log.debug({ why: verdict.why }, 'Discord message ignored');
      return;
    }
    if (!(await firstDelivery(ctx, `message:${message.id}`))) return;
    const channel = message.channel;
    if (!channel.isSendable()) return;
    if (verdict.kind === 'files') return await ctx.delivery.toChannel(channel, [FILES_REPLY]);
    void channel.sendTyping().catch(() => undefined);
    const actor = actorFor({
      workspaceId: ctx.workspaceId,
      userId: message.author.id,
      displayName: message.author.globalName ?? message.author.username,
      channelId: message.channelId,
      direct: true,
    });
    const replies = await ctx.router.handle(actor, { kind: 'text', text: verdict.text });
    await ctx.delivery.toChannel(channel, replies);
  } catch (err) {
    ctx.log.error({ err, message: message.id }, 'a Discord message could not be handled');
  }
}
