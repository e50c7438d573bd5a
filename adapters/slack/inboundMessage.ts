import { slackToPlain } from './slackText.js';

/** The fields of a Slack message event Liaison reads. */
export interface MessageEventLike {
  type: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  channel?: string;
  channel_type?: string;
  files?: unknown[];
}

/** Subtypes a person sends; every other (edits, deletions, joins, bot posts) is not a turn. */
const PERSON_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast', 'me_message']);

export type MessageVerdict =
  | { kind: 'ignore'; why: string }
  | { kind: 'files' }
  | { kind: 'text'; text: string };

/**
 * Decides what a message event means: ignored (a bot, including Liaison itself, an edit or a
 * deletion), files without text, or text for the router with Slack's markup made plain and the
 * leading mention of the bot removed.
 */
export function readMessage(event: MessageEventLike, botUserId?: string): MessageVerdict {
  if (event.bot_id || event.subtype === 'bot_message') return { kind: 'ignore', why: 'bot message' };
  if (!PERSON_SUBTYPES.has(event.subtype)) return { kind: 'ignore', why: `subtype ${event.subtype}` };
  if (!event.user) return { kind: 'ignore', why: 'no user' };
  if (botUserId && event.user === botUserId) return { kind: 'ignore', why: 'own message' };
  let raw = event.text ?? '';
  if (botUserId) raw = raw.replace(new RegExp(`^\\s*<@${botUserId}(\\|[^>]*)?>[\\s,:]*`), '');
  const text = slackToPlain(raw).trim();
  if (text === '' && (event.files?.length ?? 0) > 0) return { kind: 'files' };
  if (text === '') return { kind: 'ignore', why: 'empty' };
  return { kind: 'text', text };
}

/** `/liaison search cold storage` → `/search cold storage`; `/liaison` alone → `/help`. */
export function slashToRouterText(text: string): string {
  const plain = slackToPlain(text).trim().replace(/^[/／]/, '');
  return plain === '' ? '/help' : `/${plain}`;
}
