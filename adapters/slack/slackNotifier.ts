import type { ChannelNotifier, PlatformUser } from '../../src/notify/channelNotifier.js';
import type { Reply } from '../../src/messages/reply.js';
import type { Delivery } from './delivery.js';

/**
 * The channel port in Slack: posts a reply to a channel given by id (C0123…) or by name
 * ("brokers"; the bot must be a member). Channel posts are always visible to the channel.
 */
export class SlackChannelNotifier implements ChannelNotifier {
  readonly platform = 'slack';

  constructor(
    private readonly delivery: Delivery,
    private readonly teamId = 'slack',
  ) {}

  async postToChannel(channel: string, reply: Reply): Promise<void> {
    const target = /^[CGD][A-Z0-9]{6,}$/.test(channel) ? channel : `#${channel.replace(/^#/, '')}`;
    await this.delivery.deliver({ teamId: this.teamId, userId: '', channel: target, direct: false, receivedAt: Date.now() }, [{ ...reply, visibility: 'public' }]);
  }

  /** A DM from the bot: chat.postMessage to a user id posts in the app's conversation with them. */
  async sendDirect(user: PlatformUser, reply: Reply): Promise<void> {
    await this.delivery.deliver({ teamId: user.workspaceId, userId: user.userId, channel: user.userId, direct: true, receivedAt: Date.now() }, [reply]);
  }
}
