import type { Reply } from '../messages/reply.js';

/**
 * The port for posting to a shared channel (e.g. the brokers' channel) rather than answering
 * the person who spoke. Each adapter implements it: Slack and Discord post to the channel,
 * the console prints the post prefixed with the channel name, tests record the posts.
 */
export interface ChannelNotifier {
  postToChannel(channel: string, reply: Reply): Promise<void>;
}

/** Posts kept in memory, in order: for tests, and for adapters that show them after each answer. */
export class RecordingNotifier implements ChannelNotifier {
  readonly posts: { channel: string; reply: Reply }[] = [];

  async postToChannel(channel: string, reply: Reply): Promise<void> {
    this.posts.push({ channel, reply });
  }

  /** Removes and returns the posts recorded so far. */
  take(): { channel: string; reply: Reply }[] {
    return this.posts.splice(0, this.posts.length);
  }
}
