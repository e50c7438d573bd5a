import type { Router } from '../../src/commands/router.js';
import type { Actor } from '../../src/commands/types.js';
import type { Reply } from '../../src/messages/reply.js';
import { renderText, type Choice } from './renderText.js';
import type { ConsoleChannelPosts } from './consoleChannelPosts.js';
import type { AttachmentFolder } from './attachmentFolder.js';

/** `/as <name>`: console only, plays another person (the console has one keyboard). */
const PLAY_AS = /^\s*\/as\s+@?([\w.-]{1,64})\s*$/i;

/**
 * One person talking to Liaison in a terminal. Typing the number of a choice shown in the
 * last answer presses that button. `/as <name>` switches to playing another person and shows
 * the direct messages waiting for them, with their buttons, so a whole three-party flow can be
 * played in one console. Programmatic, so tests can play the users.
 */
export class ConsoleSession {
  private choices: Choice[] = [];
  private current: Actor;

  constructor(
    private readonly router: Router,
    actor: Actor,
    private readonly options: { posts?: ConsoleChannelPosts; files?: AttachmentFolder } = {},
  ) {
    this.current = actor;
  }

  /** Who is speaking now. */
  get actor(): Actor {
    return this.current;
  }

  /** Sends one line as typed and returns the rendered answer. */
  async send(line: string): Promise<string> {
    const playAs = PLAY_AS.exec(line);
    if (playAs) return this.playAs(playAs[1]!);
    const picked = /^\s*(\d{1,3})\s*$/.exec(line);
    const choice = picked ? this.choices[Number(picked[1]) - 1] : undefined;
    const replies = choice
      ? await this.router.handle(this.current, { kind: 'action', action: choice.action, value: choice.value })
      : await this.router.handle(this.current, { kind: 'text', text: line });
    return this.render(replies);
  }

  private playAs(name: string): string {
    this.current = { ...this.current, userId: name, displayName: name };
    // Attachments were saved (and their paths printed) when the messages arrived.
    const inbox = (this.options.posts?.takeInbox(name) ?? []).map((r) => ({ ...r, attachments: undefined }));
    const intro: Reply = {
      blocks: [{ type: 'text', text: `You are now ${name}.${inbox.length > 0 ? ` Direct messages for you (${inbox.length}):` : ' No new direct messages.'}` }],
    };
    return this.render([intro, ...inbox]);
  }

  private render(replies: readonly Reply[]): string {
    const files = this.options.files;
    const rendered = renderText(replies, 1, files ? (a) => files.save(a) : undefined);
    this.choices = rendered.choices;
    return rendered.text;
  }
}
