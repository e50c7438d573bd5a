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
  // On a terminal, messages that arrive while the person is idle (a reminder sent by a job)
  // are shown within a second, not only after the next answer.
  let answering = false;
  const idle = interactive && channelPosts
    ? setInterval(() => {
        const posts = answering ? '' : channelPosts.drain();
        if (posts) {
          write(`\n${posts}`);
          rl.prompt();
        }
      }, IDLE_POLL_MS)
    : undefined;
  try {
    for await (const line of rl) {
      answering = true;
      write(await session.send(line));
      const posts = channelPosts?.drain();
      if (posts) write(posts);
      answering = false;
      if (interactive) rl.prompt();
    }
  } finally {
    clearInterval(idle);
  }
}

const IDLE_POLL_MS = 1000;
