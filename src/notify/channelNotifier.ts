import type { Reply } from '../messages/reply.js';

/**
 * The port for posting to a shared channel (e.g. the brokers' channel) rather than answering
 * the person who spoke. Each adapter implements it: Slack and Discord post to the channel,
 * the console prints the post prefixed with the channel name, tests record the posts.
 */
export interface ChannelNotifier {
  /** The platform whose people `sendDirect` can reach. */
  readonly platform: PlatformUser['platform'];
  postToChannel(channel: string, reply: Reply): Promise<void>;
  /** A direct message from the bot to one person on this platform (an intro request, a reminder). */
  sendDirect(user: PlatformUser, reply: Reply): Promise<void>;
}

/** One person's account on a chat platform, as stored in `identities`. */
export interface PlatformUser {
  platform: 'console' | 'slack' | 'discord';
  workspaceId: string;
  userId: string;
}

/**
 * `sendDirect` could not reach the person: the account is unknown, deactivated or a bot, or the
 * person accepts no direct messages from the bot. `reason` is the platform's own code.
 */
export class RecipientUnreachableError extends Error {
  readonly code = 'RECIPIENT_UNREACHABLE';

  constructor(
    readonly user: PlatformUser,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`cannot send a direct message to ${user.platform} user ${user.userId} (${reason})`, options);
    this.name = 'RecipientUnreachableError';
  }
}

/** Posts kept in memory, in order: for tests, and for adapters that show them after each answer. */
export class RecordingNotifier implements ChannelNotifier {
  readonly platform = 'console';
  readonly posts: { channel: string; reply: Reply }[] = [];
  readonly directs: { user: PlatformUser; reply: Reply }[] = [];

  async postToChannel(channel: string, reply: Reply): Promise<void> {
    this.posts.push({ channel, reply });
  }

  async sendDirect(user: PlatformUser, reply: Reply): Promise<void> {
    this.directs.push({ user, reply });
  }

  /** Removes and returns the posts recorded so far. */
  take(): { channel: string; reply: Reply }[] {
    return this.posts.splice(0, this.posts.length);
  }
}
