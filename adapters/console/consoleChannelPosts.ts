import type { ChannelNotifier, PlatformUser } from '../../src/notify/channelNotifier.js';
import type { Reply } from '../../src/messages/reply.js';
import { renderText } from './renderText.js';
import { AttachmentFolder } from './attachmentFolder.js';

/**
 * The console's side of the channel port: posts wait here and are printed after the answer
 * that caused them, each line prefixed with the channel, e.g. "[#brokers] == New need #3 ==".
 * Buttons are left out (the console user cannot press them in a channel). Direct messages are
 * also kept in the recipient's inbox, buttons and all, until they switch to that person with
 * `/as <name>` and answer them.
 */
export class ConsoleChannelPosts implements ChannelNotifier {
  readonly platform = 'console';
  private pending: { channel: string; reply: Reply }[] = [];
  private readonly inboxes = new Map<string, Reply[]>();

  constructor(readonly files: AttachmentFolder = new AttachmentFolder()) {}

  async postToChannel(channel: string, reply: Reply): Promise<void> {
    this.pending.push({ channel, reply });
  }

  /** Direct messages to other console people are shown like posts, as "[DM @name]". */
  async sendDirect(user: PlatformUser, reply: Reply): Promise<void> {
    this.pending.push({ channel: `DM @${user.userId}`, reply });
    const inbox = this.inboxes.get(user.userId) ?? [];
    inbox.push(reply);
    this.inboxes.set(user.userId, inbox);
  }

  /** Removes and returns the direct messages waiting for this console user, in order. */
  takeInbox(userId: string): Reply[] {
    const inbox = this.inboxes.get(userId) ?? [];
    this.inboxes.delete(userId);
    return inbox;
  }

  /** The posts since the last call, rendered as text ('' when none); their attachments are saved. */
  drain(): string {
    const posts = this.pending.splice(0, this.pending.length);
    return posts
      .map(({ channel, reply }) => {
        const direct = channel.startsWith('DM ');
        const answerable = direct && reply.blocks.some((b) => b.type === 'actions' || b.type === 'form');
        const shown: Reply = {
          ...reply,
          blocks: [
            ...reply.blocks.filter((b) => b.type !== 'actions'),
            ...(answerable ? [{ type: 'context' as const, text: `/as ${channel.slice('DM @'.length)} to answer` }] : []),
          ],
        };
        return renderText([shown], 1, (a) => this.files.save(a)).text.split('\n').map((line) => `[${direct ? channel : `#${channel}`}] ${line}`).join('\n');
      })
      .join('\n');
  }
}
