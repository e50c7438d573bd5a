import type { ChannelNotifier, PlatformUser } from '../../src/notify/channelNotifier.js';
import type { Reply } from '../../src/messages/reply.js';
import { renderText } from './renderText.js';

/**
 * The console's side of the channel port: posts wait here and are printed after the answer
 * that caused them, each line prefixed with the channel, e.g. "[#brokers] == New need #3 ==".
 * Buttons are left out (the console user cannot press them in a channel).
 */
export class ConsoleChannelPosts implements ChannelNotifier {
  readonly platform = 'console';
  private pending: { channel: string; reply: Reply }[] = [];

  async postToChannel(channel: string, reply: Reply): Promise<void> {
    this.pending.push({ channel, reply });
  }

  /** Direct messages to other console people are shown like posts, as "[DM @name]". */
  async sendDirect(user: PlatformUser, reply: Reply): Promise<void> {
    this.pending.push({ channel: `DM @${user.userId}`, reply });
  }

  /** The posts since the last call, rendered as text ('' when none). */
  drain(): string {
    const posts = this.pending.splice(0, this.pending.length);
    return posts
      .map(({ channel, reply }) => {
        const shown = { ...reply, blocks: reply.blocks.filter((b) => b.type !== 'actions') };
        return renderText([shown]).text.split('\n').map((line) => `[${channel.startsWith('DM ') ? channel : `#${channel}`}] ${line}`).join('\n');
      })
      .join('\n');
  }
}
