/**
 * Text in and out of Slack: Slack's markup (`<@U1>`, `<#C1|general>`, `<https://x|label>`,
 * `&lt;`) becomes plain text for the core; plain text from the core is escaped for mrkdwn and
 * split at word boundaries to fit Slack's length limits.
 */

/** Slack message markup to plain text, as the person saw it on screen. */
export function slackToPlain(text: string): string {
  const plain = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const bar = inner.indexOf('|');
    const target = bar === -1 ? inner : inner.slice(0, bar);
    const label = bar === -1 ? undefined : inner.slice(bar + 1);
    if (target.startsWith('@')) return `@${label ?? target.slice(1)}`;
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!subteam^')) return label ?? '@group';
    if (target.startsWith('!date^')) return label ?? '';
    if (target.startsWith('!')) return `@${label ?? target.slice(1)}`;
    if (target.startsWith('mailto:')) return label ?? target.slice('mailto:'.length);
    if (label === undefined || label === target || `${label}` === target.replace(/^[a-z]+:\/\//i, '')) return target;
    return `${label} (${target})`;
  });
  return unescapeEntities(plain);
}

/** Slack escapes only these three; `&amp;` last so `&amp;lt;` stays the literal text `&lt;`. */
export const unescapeEntities = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Plain text to mrkdwn that shows the same characters (Slack treats &, < and > as markup). */
export const escapeMrkdwn = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Characters an escaped text takes in Slack's count. */
const escapedLength = (text: string): number => escapeMrkdwn(text).length;

/**
 * Splits plain text into pieces whose escaped form fits `max` characters: at paragraph or line
 * breaks when it can, otherwise between words. Only a single word longer than `max` is cut.
 */
export function splitText(text: string, max: number): string[] {
  if (escapedLength(text) <= max) return [text];
  const pieces: string[] = [];
  let rest = text;
  while (escapedLength(rest) > max) {
    const cut = bestCut(rest, max);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

function bestCut(text: string, max: number): number {
  // Longest prefix whose escaped form fits.
  let fit = 0;
  for (let used = 0; fit < text.length; fit++) {
    used += escapedLength(text[fit]!);
    if (used > max) break;
  }
  const head = text.slice(0, fit + 1);
  for (const breaker of [/\n\s*\n(?![\s\S]*\n\s*\n)/, /\n(?![\s\S]*\n)/, /\s(?![\s\S]*\s)/]) {
    const m = breaker.exec(head);
    if (m && m.index > 0 && m.index <= fit) return m.index;
  }
  return Math.max(fit, 1); // one word longer than the limit: nothing else to do
}

/** A short label (button, title, placeholder): whole words up to `max` characters, then '…'. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  // Room for max - 1 characters and the ellipsis; a space right after them still ends a word.
  const room = text.slice(0, max);
  const space = room.search(/\s\S*$/);
  return `${(space > 0 ? room.slice(0, space) : room.slice(0, max - 1)).trimEnd()}…`;
}
