import type { App, BlockAction, ViewSubmitAction } from '@slack/bolt';
import { errorReply, type Reply } from '../../src/messages/reply.js';
import { answer, deliverLogged, firstDelivery, withLoading, type SlackContext } from './answer.js';
import { decodeActionId, FORM_CALLBACK_ID, OPEN_FORM_ACTION } from './actionIds.js';
import type { Conversation } from './conversation.js';
import { loadForm } from './formStore.js';
import { readOrigin, submittedValues } from './renderModal.js';
import { actorFor } from './slackActor.js';

/** A modal must hear back within 3 s; past this the modal closes and the answer is posted. */
const FORM_ANSWER_BUDGET_MS = 2_500;

/** Buttons and selects (block_actions) and modal submissions (view_submission). */
export function listenInteractions(app: App, ctx: SlackContext): void {
  app.action<BlockAction>(/.*/, async ({ ack, body, action }) => {
    const receivedAt = Date.now();
    await ack();
    await ctx.afterAck.run(() => pressed(ctx, body, action, receivedAt));
  });

  app.view<ViewSubmitAction>(FORM_CALLBACK_ID, async ({ ack, body, view }) => {
    const receivedAt = Date.now();
    const origin = readOrigin(view.private_metadata);
    if (!origin) {
      await ack({ response_action: 'errors', errors: {} });
      return;
    }
    const conv: Conversation = { teamId: body.team?.id ?? body.user.team_id ?? 'unknown', userId: body.user.id, channel: origin.channel, threadTs: origin.threadTs, direct: origin.direct, receivedAt };
    const actor = actorFor(conv, ctx.names.remember(body.user.id, body.user.name));
    const budget = sleep(FORM_ANSWER_BUDGET_MS).then(() => 'late' as const);
    const work = ctx.afterAck.run(async () => {
      if (!(await firstDelivery(ctx, `view:${body.trigger_id}`))) return undefined; // a replay: already answered
      return ctx.router.handle(actor, { kind: 'action', action: origin.formId, values: submittedValues(view.state) });
    });
    const first = await Promise.race([work, budget]);
    if (first === undefined) {
      await ack();
      return;
    }
    const inTime = first === 'late' ? undefined : first;
    const errors = inTime?.find((r) => r.fieldErrors)?.fieldErrors;
    if (errors) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    const replies = inTime ?? (await withLoading(ctx, conv, work)) ?? [];
    await deliverLogged(ctx, conv, replies.map((r) => (r.fieldErrors ? lateFieldErrors(r, origin.key) : r)));
  });
}

/** A button or select press, after its acknowledgement. */
async function pressed(ctx: SlackContext, body: BlockAction, action: BlockAction['actions'][number], receivedAt: number): Promise<void> {
  if (!(await firstDelivery(ctx, `action:${body.trigger_id}:${action.action_id}`))) return;
  const channel = body.container?.type === 'view' ? undefined : body.channel?.id;
  const conv: Conversation = {
    teamId: body.team?.id ?? body.user.team_id ?? 'unknown',
    userId: body.user.id,
    channel,
    threadTs: body.message?.thread_ts as string | undefined,
    direct: channel === undefined || channel.startsWith('D'),
    responseUrl: channel ? body.response_url : undefined,
    triggerId: body.trigger_id,
    receivedAt,
  };
  const name = ctx.names.remember(body.user.id, body.user.name ?? body.user.username);
  const id = decodeActionId(action.action_id);
  if (id === OPEN_FORM_ACTION && action.type === 'button') return openStoredForm(ctx, conv, action.value ?? '');
  const value = action.type === 'button' ? action.value : action.type === 'static_select' ? action.selected_option?.value : undefined;
  await answer(ctx, conv, { kind: 'action', action: id, ...(value !== undefined ? { value } : {}) }, name);
}

async function openStoredForm(ctx: SlackContext, conv: Conversation, key: string): Promise<void> {
  const form = await loadForm(ctx.db, key);
  if (!form) return deliverLogged(ctx, conv, [errorReply('That form is no longer available.', 'Ask again to get a fresh one.')]);
  if (!(await ctx.delivery.openForm(conv, form, key, conv.triggerId!))) {
    await deliverLogged(ctx, conv, [errorReply('Slack did not let me open the form in time.', 'Please press the button again.')]);
  }
}

/** Errors that came after the modal had to close: said in the conversation, with the form to reopen. */
function lateFieldErrors(r: Reply, formKey: string): Reply {
  const lines = Object.entries(r.fieldErrors ?? {}).map(([input, message]) => `${input}: ${message}`);
  return {
    tone: 'error',
    visibility: 'private',
    blocks: [
      { type: 'text', text: 'Some answers in the form need another look:' },
      { type: 'list', items: lines },
      { type: 'actions', elements: [{ type: 'button', label: 'Open the form again', action: OPEN_FORM_ACTION, value: formKey, style: 'primary' }] },
    ],
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
