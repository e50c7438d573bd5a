import type { Actor } from '../../src/commands/types.js';

/** Where a Discord message or interaction came from. */
export interface Place {
  /** Liaison workspace for Discord people (the application id unless configured otherwise). */
  workspaceId: string;
  userId: string;
  displayName: string;
  /** The channel (a thread's parent for a thread). */
  channelId?: string;
  /** A thread the conversation happens in. */
  threadId?: string;
  direct: boolean;
}

/**
 * The core's Actor for Discord. Discord user ids are global, so one workspace per application
 * makes a person the same in every server and in DMs. threadKey = discord:workspace:channel:thread.
 */
export function actorFor(place: Place): Actor {
  const thread = place.threadId ?? (place.direct ? 'dm' : 'main');
  return {
    platform: 'discord',
    workspaceId: place.workspaceId,
    userId: place.userId,
    displayName: place.displayName,
    ...(place.channelId ? { channelId: place.channelId } : {}),
    direct: place.direct,
    threadKey: `discord:${place.workspaceId}:${place.channelId ?? 'dm'}:${thread}`,
  };
}

/** What discord.js tells about a channel, enough to place a conversation. */
export interface ChannelLike {
  id: string;
  isThread(): boolean;
  isDMBased(): boolean;
  parentId?: string | null;
}

export function placeIn(channel: ChannelLike | null | undefined, channelId: string | null, guildId: string | null): Pick<Place, 'channelId' | 'threadId' | 'direct'> {
  const direct = !guildId || Boolean(channel?.isDMBased());
  if (channel?.isThread()) return { channelId: channel.parentId ?? channel.id, threadId: channel.id, direct };
  return { ...(channelId ? { channelId } : {}), direct };
}
