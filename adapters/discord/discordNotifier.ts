import type { Client, SendableChannels } from 'discord.js';
import { RecipientUnreachableError, type ChannelNotifier, type PlatformUser } from '../../src/notify/channelNotifier.js';
import { ChannelUnreachableError } from '../../src/notify/channelUnreachableError.js';
import type { Logger } from '../../src/log/logger.js';
import type { Reply } from '../../src/messages/reply.js';
import { codeOf, type Delivery } from './delivery.js';

/**
 * Discord's JSON error codes when a person cannot get a DM from the bot: Unknown User (10013),
 * Cannot send messages to this user (50007: DMs closed, no shared server, blocked), Invalid
 * Recipient (50033).
 */
const UNREACHABLE_CODES = new Set<unknown>([10013, 50007, 50033]);

/**
 * Discord's JSON error codes when the bot cannot post to a channel for good: Unknown Channel
 * (10003), Missing Access (50001: removed from it, or from its server), Missing Permissions (50013).
 */
const CHANNEL_GONE_CODES = new Set<unknown>([10003, 50001, 50013]);

/**
 * The channel port in Discord: posts to a channel given by id (a snowflake) or by name
 * ("brokers", "#brokers": the first text channel of that name in the bot's servers). Channel
 * posts are public. When the post starts with a header (a new need, say), a thread is started
 * under it, so the brokers' conversation about it stays together. A channel the bot can no
 * longer post to (or cannot find by name) is a ChannelUnreachableError.
 */
export class DiscordChannelNotifier implements ChannelNotifier {
  readonly platform = 'discord';

  constructor(
    private readonly client: Client,
    private readonly delivery: Delivery,
    private readonly log: Logger,
  ) {}

  async postToChannel(channel: string, reply: Reply): Promise<void> {
    try {
      const target = await this.find(channel);
      const header = reply.blocks.find((b) => b.type === 'header');
      await this.delivery.toChannel(target, [{ ...reply, visibility: 'public' }], header ? { threadName: header.text } : {});
    } catch (err) {
      const code = codeOf(err);
      if (CHANNEL_GONE_CODES.has(code)) throw new ChannelUnreachableError(channel, String(code), { cause: err });
      throw err;
    }
  }

  /**
   * A DM from the bot: opens (or reuses) the DM channel with the user (POST /users/@me/channels),
   * then posts there. A person Discord will not let the bot reach is a RecipientUnreachableError;
   * any other failure is rethrown as it came.
   */
  async sendDirect(user: PlatformUser, reply: Reply): Promise<void> {
    try {
      const dm = await this.client.users.createDM(user.userId);
      await this.delivery.toChannel(dm, [{ ...reply, visibility: 'public' }]);
    } catch (err) {
      const code = codeOf(err);
      this.log.warn({ err, code, user: user.userId }, 'a Discord direct message could not be sent');
      if (UNREACHABLE_CODES.has(code)) throw new RecipientUnreachableError(user, String(code), { cause: err });
      throw err;
    }
  }

  /** The channel by id (GET /channels/{id} when not cached) or by name among the bot's servers. */
  private async find(channel: string): Promise<SendableChannels> {
    if (/^\d{17,20}$/.test(channel)) {
      const byId = this.client.channels.cache.get(channel) ?? (await this.client.channels.fetch(channel));
      if (byId?.isSendable()) return byId;
      throw new ChannelUnreachableError(channel, 'not a text channel');
    }
    const name = channel.replace(/^#/, '').toLowerCase();
    for (const c of this.client.channels.cache.values()) {
      if (c.isSendable() && !c.isDMBased() && !c.isThread() && 'name' in c && c.name === name) return c;
    }
    throw new ChannelUnreachableError(channel, 'no channel of that name in the bot’s servers');
  }
}
