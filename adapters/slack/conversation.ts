/**
 * Where a request came from and how to answer it: the channel and thread, the response_url of a
 * slash command or button, the trigger_id that can open a modal for ~3 s.
 */
export interface Conversation {
  teamId: string;
  userId: string;
  /** Channel (or DM) to answer in; absent for the App Home tab (answers go to a DM). */
  channel?: string;
  /** Thread to keep the conversation in. */
  threadTs?: string;
  /** True in a DM with the bot. */
  direct: boolean;
  responseUrl?: string;
  triggerId?: string;
  /** When the request arrived (ms), to know whether the trigger_id is still fresh. */
  receivedAt: number;
  /** A "working on it" message to replace with the first answer. */
  loading?: Loading;
}

export type Loading =
  /** The slash command's acknowledgement (an ephemeral message), replaceable via response_url. */
  | { kind: 'ack' }
  /** A posted message, replaceable with chat.update. */
  | { kind: 'message'; channel: string; ts: string }
  /** Shown, but nothing can replace it (an ephemeral note after a button press). */
  | { kind: 'note' };

/** trigger_ids expire 3 s after the request; keep a margin for the views.open round trip. */
export const TRIGGER_FRESH_MS = 2_500;

export const LOADING_TEXT = ':hourglass_flowing_sand: Working on it…';
