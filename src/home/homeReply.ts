import type { Router } from '../commands/router.js';
import type { Actor } from '../commands/types.js';
import type { Block, Reply } from '../messages/reply.js';

/**
 * A person's home in the bot (Slack's App Home tab, a Discord /home, the console's start page):
 * one neutral reply. Today: a welcome, the commands and the status. Each capability adds its
 * own section here as it arrives (open needs, shortlists, upcoming meetings).
 */
export async function homeReply(router: Router, actor: Actor): Promise<Reply> {
  const status = await router.handle(actor, { kind: 'text', text: '/status' });
  const blocks: Block[] = [
    { type: 'header', text: 'Welcome to Liaison' },
    {
      type: 'text',
      text: 'I turn an enterprise need into research language, find matching university outcomes and broker the introduction. Talk to me in a direct message, mention me in a channel, or use the commands below.',
    },
    { type: 'divider' },
    { type: 'header', text: 'Commands' },
    { type: 'list', items: router.commands.map((c) => `${c.usage} — ${c.summary}`) },
    { type: 'divider' },
    ...status.flatMap((r) => r.blocks),
  ];
  return { blocks };
}
