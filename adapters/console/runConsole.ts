import { createInterface } from 'node:readline';
import type { Router } from '../../src/commands/router.js';
import type { Actor } from '../../src/commands/types.js';
import { ConsoleSession } from './consoleSession.js';
import type { ConsoleChannelPosts } from './consoleChannelPosts.js';
import { AttachmentFolder } from './attachmentFolder.js';

export interface ConsoleOptions {
  router: Router;
  actor: Actor;
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream;
  /** Channel posts (e.g. to the brokers' channel) to print after each answer. */
  channelPosts?: ConsoleChannelPosts;
}

/**
 * Runs the console adapter until its input ends. On a terminal: an interactive prompt.
 * Otherwise (a pipe or file): one command per line, answered in order, no prompt, so
 * `echo "/status" | npm start --silent` prints the status and exits.
 */
export async function runConsole({ router, actor, input = process.stdin, output = process.stdout, channelPosts }: ConsoleOptions): Promise<void> {
  const interactive = Boolean(input.isTTY);
  const session = new ConsoleSession(router, actor, { posts: channelPosts, files: channelPosts?.files ?? new AttachmentFolder() });
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  const write = (text: string) => output.write(text.endsWith('\n') ? text : `${text}\n`);
  if (interactive) {
    write('Liaison is ready. Type help for the commands, /as <name> to play another person, Ctrl-D to quit.');
    rl.setPrompt('liaison> ');
    rl.prompt();
  }
  for await (const line of rl) {
    write(await session.send(line));
    const posts = channelPosts?.drain();
    if (posts) write(posts);
    if (interactive) rl.prompt();
  }
}
