/**
 * `postToChannel` could not reach the channel for good: the bot was removed from it, the
 * channel was archived or deleted, or the bot lacks the right to post there. Adapters throw it
 * with the platform's own code as `reason` (Slack: not_in_channel, channel_not_found,
 * is_archived; Discord: 10003 Unknown Channel, 50001 Missing Access, 50013 Missing Permissions);
 * callers stop posting there (e.g. a digest subscription is paused) instead of retrying.
 * Transient failures (rate limits, timeouts) must not be reported with it.
 */
export class ChannelUnreachableError extends Error {
  readonly code = 'CHANNEL_UNREACHABLE';

  constructor(
    readonly channel: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`cannot post to channel ${channel} (${reason})`, options);
    this.name = 'ChannelUnreachableError';
  }
}

/** Also recognises the error when it crossed a module boundary (same code, another class copy). */
export const isChannelUnreachable = (err: unknown): err is ChannelUnreachableError =>
  err instanceof ChannelUnreachableError || (err instanceof Error && (err as { code?: unknown }).code === 'CHANNEL_UNREACHABLE');
