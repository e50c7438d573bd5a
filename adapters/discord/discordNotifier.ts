import type { Client } from 'discord.js';
import type { ChannelNotifier, PlatformUser } from '../../src/notify/channelNotifier.js';
import type { Reply } from '../../src/messages/reply.js';
import type { Delivery, SendableChannel } from './delivery.js';

/**
 * The channel port in Discord: posts to a channel given by id (a snowflake) or by name
 * ("brokers", "#brokers": the first text channel of that name in the bot's servers). Channel
 * posts are public. When the post starts with a header (a new need, say), a thread is started
 * under it, so the brokers' conversation about it stays together.
 */
export class DiscordChannelNotifier implements ChannelNotifier {
  readonly platform = 'discord';

  constructor(
    private readonly client: Client,
    private readonly delivery: Delivery,
  ) {}

  async postToChannel(channel: string, reply: Reply): Promise<void> {
    const target = await this.find(channel);
    if (!target) throw new Error(`Discord channel "${channel}" not found (invite the bot, or use the channel id)`);
    const header = reply.blocks.find((b) => b.type === 'header');
    await this.delivery.toChannel(target, [{ ...reply, visibility: 'public' }], header ? { threadName: header.text } : {});
  }

  /** A DM from the bot: opens (or reuses) the DM channel with the user, then posts there. */
  async sendDirect(user: PlatformUser, reply: Reply): Promise<void> {
    const member = await this.client.users.fetch(user.userId);
    const dm = await member.createDM();
    await this.delivery.toChannel(dm, [{ ...reply, visibility: 'public' }]);
  }

  private async find(channel: string): Promise<SendableChannel | undefined> {
    if (/^\d{17,20}$/.test(channel)) {
      const byId = this.client.channels.cache.get(channel) ?? (await this.client.channels.fetch(channel));
      return byId?.isSendable() ? byId : undefined;
    }
    const name = channel.replace(/^#/, '').toLowerCase();
    for (const c of this.client.channels.cache.values()) {
      if (c.isSendable() && !c.isDMBased() && !c.isThread() && 'name' in c && c.name === name) return c;
    }
    return undefined;
  }
}
