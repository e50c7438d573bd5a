import type { Router } from '../../src/commands/router.js';
import type { Inbound } from '../../src/commands/types.js';
import type { Logger } from '../../src/log/logger.js';
import type { Reply } from '../../src/messages/reply.js';
import type { Db } from '../../storage/db.js';
import { claimEvent } from '../../storage/repositories/platformEvents.js';
import type { AfterAck } from './afterAck.js';
import type { Conversation } from './conversation.js';
import { codeOf, type Delivery } from './delivery.js';
import { actorFor, type DisplayNames } from './slackActor.js';

/** What every listener needs to turn a Slack request into router work and answers. */
export interface SlackContext {
  router: Router;
  db: Db;
  log: Logger;
  delivery: Delivery;
  names: DisplayNames;
  /** Show "Working on it…" when an answer takes longer than this (ms). */
  loadingAfterMs: number;
  /** Starts the work after each acknowledgement a few per event-loop turn. */
  afterAck: AfterAck;
}

/**
 * Claims a delivery id (event_id, or trigger_id of an interaction) in the shared database:
 * true the first time, false for a retry or a replay, on whichever replica it lands.
 */
export async function firstDelivery(ctx: SlackContext, id: string): Promise<boolean> {
  const first = await claimEvent(ctx.db, 'slack', id);
  if (!first) ctx.log.info({ id }, 'Slack delivery already handled; ignoring the retry');
  return first;
}

/** Runs the router for one inbound message or press and delivers every reply. */
export async function answer(ctx: SlackContext, conv: Conversation, inbound: Inbound, displayName: string, timeZone?: string): Promise<void> {
  const replies = await withLoading(ctx, conv, ctx.router.handle(actorFor(conv, displayName, timeZone), inbound));
  await deliverLogged(ctx, conv, replies);
}

/** Waits for `work`; when it is slow, shows the loading message meanwhile. */
export async function withLoading<T>(ctx: SlackContext, conv: Conversation, work: Promise<T>): Promise<T> {
  let loading: Promise<void> | undefined;
  const timer = setTimeout(() => (loading = ctx.delivery.showLoading(conv)), ctx.loadingAfterMs);
  try {
    return await work;
  } finally {
    clearTimeout(timer);
    await loading;
  }
}

export async function deliverLogged(ctx: SlackContext, conv: Conversation, replies: readonly Reply[]): Promise<void> {
  try {
    await ctx.delivery.deliver(conv, replies);
  } catch (err) {
    ctx.log.error({ err, code: codeOf(err), user: conv.userId, channel: conv.channel }, 'a Slack answer could not be delivered');
  }
}
