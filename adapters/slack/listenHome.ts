import type { App } from '@slack/bolt';
import { homeReply } from '../../src/home/homeReply.js';
import type { SlackContext } from './answer.js';
import { codeOf } from './delivery.js';
import { renderBlocks } from './renderBlocks.js';
import { actorFor } from './slackActor.js';
import { LIMITS } from './slackLimits.js';
import { teamOf } from './listenMessages.js';

/** The App Home tab: the core's home reply, published with views.publish when it is opened. */
export function listenHome(app: App, ctx: SlackContext): void {
  app.event('app_home_opened', async ({ event, body, context }) => {
    if (event.tab !== 'home') return;
    const conv = { teamId: teamOf(body, context), userId: event.user, direct: true, receivedAt: Date.now() };
    const home = await homeReply(ctx.router, actorFor(conv, await ctx.names.of(event.user)));
    let blocks = renderBlocks(home.blocks);
    if (blocks.length > LIMITS.blocksPerView) {
      blocks = [...blocks.slice(0, LIMITS.blocksPerView - 1), { type: 'context', elements: [{ type: 'mrkdwn', text: 'More in a direct message: type help.' }] }];
    }
    try {
      await ctx.delivery.client.views.publish({ user_id: event.user, view: { type: 'home', blocks } });
    } catch (err) {
      ctx.log.error({ err, code: codeOf(err), user: event.user }, 'publishing the Slack App Home failed');
    }
  });
}
