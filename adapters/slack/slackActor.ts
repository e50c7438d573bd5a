import type { webApi } from '@slack/bolt';
import type { Actor } from '../../src/commands/types.js';
import type { Logger } from '../../src/log/logger.js';
import type { Conversation } from './conversation.js';

/** The core's Actor for a Slack request. threadKey = slack:team:channel:thread (or :dm). */
export function actorFor(conv: Conversation, displayName: string, timeZone?: string): Actor {
  const place = conv.channel ?? 'home';
  const thread = conv.threadTs ?? (conv.direct ? 'dm' : 'main');
  return {
    platform: 'slack',
    workspaceId: conv.teamId,
    userId: conv.userId,
    displayName,
    ...(conv.channel ? { channelId: conv.channel } : {}),
    direct: conv.direct,
    threadKey: `slack:${conv.teamId}:${place}:${thread}`,
    ...(timeZone ? { timeZone } : {}),
  };
}

/** What users.info says of a person: the name to show and, when the profile has one, the IANA time zone. */
export interface SlackProfile {
  name: string;
  timeZone?: string;
}

/**
 * Display names (and profile time zones) from users.info, cached per process for an hour (names
 * are only shown, never trusted, so a stale one is harmless). Falls back to the user id when
 * Slack cannot say.
 */
export class DisplayNames {
  private readonly cache = new Map<string, SlackProfile & { until: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly log: Logger,
    private readonly ttlMs = 3_600_000,
    private readonly maxEntries = 10_000,
  ) {}

  /** A name already known from the payload (slash commands, buttons) is used as is. */
  remember(userId: string, name: string | undefined): string {
    if (name) this.put(userId, name);
    return name ?? userId;
  }

  async of(userId: string): Promise<string> {
    return (await this.profileOf(userId)).name;
  }

  async profileOf(userId: string): Promise<SlackProfile> {
    const hit = this.cache.get(userId);
    if (hit && hit.until > Date.now()) return hit;
    try {
      const res = await this.client.users.info({ user: userId });
      const u = res.user;
      const name = u?.profile?.display_name || u?.real_name || u?.name || userId;
      this.put(userId, name, u?.tz || undefined);
      return { name, ...(u?.tz ? { timeZone: u.tz } : {}) };
    } catch (err) {
      this.log.warn({ err, user: userId }, 'users.info failed; using the user id as name');
      return { name: userId };
    }
  }

  private put(userId: string, name: string, timeZone?: string): void {
    if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(userId, { name, ...(timeZone ? { timeZone } : {}), until: Date.now() + this.ttlMs });
  }
}
