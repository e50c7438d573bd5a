import type { Command, CommandRequest } from '../commands/types.js';
import type { Reply } from '../messages/reply.js';
import { UserFacingError } from '../errors.js';
import { requireBroker, viewerOf } from '../needs/needAccess.js';
import { findProfile } from '../../storage/repositories/personRoles.js';
import {
  deleteSubscription, findSubscription, listSubscriptions, updateSubscriptionSetting, upsertSubscription,
  type DigestSubscription,
} from '../../storage/repositories/digestSubscriptions.js';
import { checkSchedule, latestFiring, nextFiring, previousFiring } from './schedule.js';
import { describeSchedule } from './describeSchedule.js';
import { parseSubscribeArgs, SUBSCRIBE_USAGE } from './subscribeArgs.js';
import { composeDigest } from './composeDigest.js';
import { formatWhen } from './digestSections.js';

const USAGE = `${SUBSCRIBE_USAGE}
/digest unsubscribe [#channel] · /digest preview [#channel] · /digest list
/digest language en|zh [#channel] · /digest audience brokers|mixed [#channel]`;

const AUDIENCE_TEXT = {
  mixed: 'a mixed audience (confidential needs anonymised)',
  brokers: 'brokers only (confidential needs shown in full)',
};
const LANGUAGE_TEXT = { en: 'English', zh: 'Chinese' };
const WEEK_MS = 7 * 86_400_000;

/** `/digest …`: a channel's periodic digest (admins and brokers only). */
export const digestCommand: Command = {
  name: 'digest',
  summary: 'Subscribe a channel to a weekly or daily digest, preview it, list subscriptions',
  usage: '/digest subscribe|unsubscribe|preview|list|language|audience …',
  async run(req) {
    requireBroker(await viewerOf(req.services, req.person), 'manage digests');
    const { channel, words } = channelAndWords(req);
    const [sub = '', ...rest] = words;
    switch (sub.toLowerCase()) {
      case 'subscribe':
        return subscribe(req, needChannel(channel), rest);
      case 'unsubscribe':
        return (await deleteSubscription(req.services.db, req.person.workspaceId, needChannel(channel)))
          ? { blocks: [{ type: 'text', text: `${shown(needChannel(channel))} will get no more digests.` }] }
          : notSubscribed(needChannel(channel));
      case 'preview':
        return preview(req, needChannel(channel));
      case 'list':
        return list(req);
      case 'language':
      case 'audience':
        return setting(req, needChannel(channel), sub.toLowerCase() as 'language' | 'audience', rest[0]?.toLowerCase());
      default:
        throw new UserFacingError('digest_usage', sub ? `There is no /digest ${sub.slice(0, 30)}.` : 'What should I do with digests?', `Usage:\n${USAGE}`);
    }
  },
};

/** The channel: one named in the words (#name, or a Slack/Discord mention), else the one spoken in. */
function channelAndWords(req: CommandRequest): { channel?: string; words: string[] } {
  let named: string | undefined;
  const words = req.args.split(/\s+/).filter(Boolean).filter((w) => {
    const m = /^<#([A-Za-z0-9]+)(?:\|[^>]*)?>$/.exec(w) ?? /^#([^\s#<>]{1,80})$/.exec(w);
    if (m && !named) named = m[1];
    return !m;
  });
  return { channel: named ?? (req.actor.direct ? undefined : req.actor.channelId), words };
}

function needChannel(channel: string | undefined): string {
  if (!channel) throw new UserFacingError('digest_channel', 'Which channel? Run this in the channel, or name it, e.g. #brokers.', `Usage:\n${USAGE}`);
  return channel;
}

const shown = (channel: string) => `#${channel}`;
const notSubscribed = (channel: string): Reply => ({
  visibility: 'private',
  blocks: [{ type: 'text', text: `${shown(channel)} has no digest subscription.` }, { type: 'context', text: SUBSCRIBE_USAGE }],
});

async function subscribe(req: CommandRequest, channel: string, words: string[]): Promise<Reply> {
  const { services, person, actor } = req;
  const asked = parseSubscribeArgs(words);
  const timeZone = asked.timeZone ?? (await findProfile(services.db, person.id))?.timeZone ?? 'UTC';
  const schedule = checkSchedule({ cron: asked.cron, timeZone });
  const now = services.now();
  const sub = await upsertSubscription(services.db, {
    workspaceId: person.workspaceId, channel, platform: actor.platform, ...schedule,
    language: asked.language, audience: asked.audience, createdBy: person.id, since: now,
  });
  return {
    blocks: [
      { type: 'text', text: `${shown(channel)} gets a digest ${describeSchedule(sub)}, in ${LANGUAGE_TEXT[sub.language]}, for ${AUDIENCE_TEXT[sub.audience]}.` },
      { type: 'context', text: `Next digest: ${formatWhen(nextFiring(sub, now), { language: 'en', timeZone: sub.timeZone })}. /digest preview shows it now; /digest audience brokers if only brokers read this channel.` },
    ],
  };
}

async function preview(req: CommandRequest, channel: string): Promise<Reply> {
  const { services, person } = req;
  const sub = await findSubscription(services.db, person.workspaceId, channel);
  if (!sub) return notSubscribed(channel);
  const now = services.now();
  // The next digest covers the time since the last firing; up to now, that is what it says so far.
  const last = latestFiring(sub, now, new Date(0));
  const from = (last && last < now ? last : last && previousFiring(sub, last)) ?? new Date(now.getTime() - WEEK_MS);
  const reply = await composeDigest(services, sub, { from, to: now });
  return { ...reply, visibility: 'private' };
}

async function list(req: CommandRequest): Promise<Reply> {
  const { services, person } = req;
  const subs = await listSubscriptions(services.db, person.workspaceId);
  if (subs.length === 0) return { visibility: 'private', blocks: [{ type: 'text', text: 'No channel is subscribed to a digest yet.' }, { type: 'context', text: SUBSCRIBE_USAGE }] };
  const now = services.now();
  return {
    visibility: 'private',
    blocks: [
      { type: 'header', text: 'Digest subscriptions' },
      { type: 'list', items: subs.map((s) => subscriptionLine(s, now)) },
    ],
  };
}

function subscriptionLine(s: DigestSubscription, now: Date): string {
  const state = s.status === 'active'
    ? `next ${formatWhen(nextFiring(s, now), { language: 'en', timeZone: s.timeZone })}`
    : `paused (${s.pausedReason ?? 'by an admin'})`;
  return `${shown(s.channel)} · ${describeSchedule(s)} · ${s.language} · ${s.audience} · ${state}`;
}

async function setting(req: CommandRequest, channel: string, which: 'language' | 'audience', value: string | undefined): Promise<Reply> {
  const { services, person } = req;
  const allowed = which === 'language' ? ['en', 'zh'] : ['brokers', 'mixed'];
  if (!value || !allowed.includes(value)) {
    throw new UserFacingError('digest_setting', `The digest ${which} is one of ${allowed.join(' or ')}.`, `e.g. /digest ${which} ${allowed[0]}`);
  }
  const change = which === 'language' ? { language: value as 'en' | 'zh' } : { audience: value as 'brokers' | 'mixed' };
  if (!(await updateSubscriptionSetting(services.db, person.workspaceId, channel, change))) return notSubscribed(channel);
  const text = which === 'language' ? `Digests in ${shown(channel)} are now in ${LANGUAGE_TEXT[value as 'en' | 'zh']}.` : `Digests in ${shown(channel)} are now written for ${AUDIENCE_TEXT[value as 'brokers' | 'mixed']}.`;
  return { blocks: [{ type: 'text', text }] };
}
