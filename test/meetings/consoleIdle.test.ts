import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../adapters/console/runConsole.js';
import { ConsoleChannelPosts } from '../../adapters/console/consoleChannelPosts.js';
import { Router } from '../../src/commands/router.js';
import { textReply } from '../../src/messages/reply.js';
import { openPglite } from '../../storage/pgliteDb.js';
import { testServices } from '../support/testServices.js';

describe('the interactive console', () => {
  it('shows a direct message that arrives while the person is idle, without waiting for their next line', async () => {
    const db = await openPglite();
    try {
      const input = Object.assign(new PassThrough(), { isTTY: true });
      const output = new PassThrough();
      let printed = '';
      output.on('data', (d: Buffer) => (printed += d.toString('utf8')));
      const posts = new ConsoleChannelPosts();
      const router = new Router(testServices(db), []);
      const running = runConsole({ router, actor: { platform: 'console', workspaceId: 'console', userId: 'carol', displayName: 'carol', direct: true }, input, output, channelPosts: posts });
      await new Promise((r) => setTimeout(r, 200));
      expect(printed).toContain('/as <name> to play another person');
      // A job (say, a reminder) sends a DM while nobody types.
      await posts.sendDirect({ platform: 'console', workspaceId: 'console', userId: 'carol' }, textReply('Reminder: meeting #1 starts in 1 hour'));
      await new Promise((r) => setTimeout(r, 1_500));
      expect(printed).toContain('[DM @carol] Reminder: meeting #1 starts in 1 hour');
      input.end();
      await running;
    } finally {
      await db.close();
    }
  });
});
