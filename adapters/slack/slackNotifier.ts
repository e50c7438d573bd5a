import { RecipientUnreachableError, type ChannelNotifier, type PlatformUser } from '../../src/notify/channelNotifier.js';
import { ChannelUnreachableError } from '../../src/notify/channelUnreachableError.js';
import type { Logger } from '../../src/log/logger.js';
import type { Reply } from '../../src/messages/reply.js';
import { codeOf, type Delivery } from './delivery.js';

/**
 * Slack's answers when a person cannot get a DM from the bot (conversations.open and
 * chat.postMessage): unknown, hidden or deactivated account, or another bot.
 */
const UNREACHABLE_CODES = new Set(['user_not_found', 'user_not_visible', 'user_disabled', 'cannot_dm_bot']);

/** Slack's answers when the bot cannot post to a channel for good: removed, deleted or archived. */
const CHANNEL_GONE_CODES = new Set(['channel_not_found', 'not_in_channel', 'is_archived']);

/**
 * The channel port in Slack: posts a reply to a channel given by id (C0123…) or by name
 * ("brokers"; the bot must be a member). Channel posts are always visible to the channel.
 * A channel the bot can no longer post to is a ChannelUnreachableError.
 */
export class SlackChannelNotifier implements ChannelNotifier {
  readonly platform = 'slack';

  constructor(
    private readonly delivery: Delivery,
    private readonly log: Logger,
    private readonly teamId = 'slack',
  ) {}

  async postToChannel(channel: string, reply: Reply): Promise<void> {
    const target = /^[CGD][A-Z0-9]{6,}$/.test(channel) ? channel : `#${channel.replace(/^#/, '')}`;
    try {
      await this.delivery.deliver({ teamId: this.teamId, userId: '', channel: target, direct: false, receivedAt: Date.now() }, [{ ...reply, visibility: 'public' }]);
    } catch (err) {
      const code = codeOf(err);
      if (CHANNEL_GONE_CODES.has(code)) throw new ChannelUnreachableError(channel, code, { cause: err });
      throw err;
    }
  }

  /**
   * A DM from the bot: opens the DM (conversations.open, which files need: they are shared by
   * conversation id), then delivers there. A person Slack will not let the bot reach is a
   * RecipientUnreachableError; any other failure is rethrown as it came.
   */
  async sendDirect(user: PlatformUser, reply: Reply): Promise<void> {
    try {
      const channel = await this.delivery.directChannel(user.userId);
      await this.delivery.deliver({ teamId: user.workspaceId, userId: user.userId, channel, direct: true, receivedAt: Date.now() }, [reply]);
    } catch (err) {
      const code = codeOf(err);
      this.log.warn({ err, code, user: user.userId }, 'a Slack direct message could not be sent');
      if (UNREACHABLE_CODES.has(code)) throw new RecipientUnreachableError(user, code, { cause: err });
      throw err;
    }
  }
}
