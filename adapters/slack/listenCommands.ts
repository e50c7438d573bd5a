import type { App } from '@slack/bolt';
import { answer, firstDelivery, type SlackContext } from './answer.js';
import { LOADING_TEXT } from './conversation.js';
import { slashToRouterText } from './inboundMessage.js';

/**
 * Every slash command of the app (the manifest declares `/liaison`): `/liaison search cold
 * storage` reaches the router as `/search cold storage`. The acknowledgement itself is the
 * loading message (ephemeral, at once); the answer replaces it through the response_url.
 */
export function listenCommands(app: App, ctx: SlackContext): void {
  app.command(/^\/.+/, async ({ command, ack }) => {
    const receivedAt = Date.now();
    await ack({ response_type: 'ephemeral', text: LOADING_TEXT });
    await ctx.afterAck.run(async () => {
      if (!(await firstDelivery(ctx, `command:${command.trigger_id}`))) return;
      const direct = command.channel_id.startsWith('D') || command.channel_name === 'directmessage';
      const conv = {
        teamId: command.team_id,
        userId: command.user_id,
        channel: command.channel_id,
        direct,
        responseUrl: command.response_url,
        triggerId: command.trigger_id,
        receivedAt,
        loading: { kind: 'ack' as const },
      };
      await answer(ctx, conv, { kind: 'text', text: slashToRouterText(command.text) }, ctx.names.remember(command.user_id, command.user_name));
    });
  });
}
