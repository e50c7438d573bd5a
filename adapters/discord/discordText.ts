/**
 * Text in and out of Discord: mentions and markdown in what people type become plain text for
 * the core; plain text from the core is escaped so Discord shows the same characters, and split
 * at paragraph, line or word boundaries to fit Discord's length limits.
 */

export interface MentionNames {
  user?(id: string): string | undefined;
  channel?(id: string): string | undefined;
  role?(id: string): string | undefined;
}

/**
 * Discord message markup to plain text: `<@id>` / `<@!id>` → `@name` (or dropped when it is the
 * bot), `<#id>` → `#name`, `<@&id>` → `@role`, custom emoji `<:name:id>` → `:name:`, timestamps
 * `<t:…>` dropped, and markdown emphasis, spoilers, code fences and quotes removed.
 */
export function discordToPlain(text: string, names: MentionNames = {}, botUserId?: string): string {
  let out = text
    .replace(/<@!?(\d+)>/g, (_m, id: string) => (id === botUserId ? '' : `@${names.user?.(id) ?? 'someone'}`))
    .replace(/<@&(\d+)>/g, (_m, id: string) => `@${names.role?.(id) ?? 'role'}`)
    .replace(/<#(\d+)>/g, (_m, id: string) => `#${names.channel?.(id) ?? 'channel'}`)
    .replace(/<a?:(\w+):\d+>/g, ':$1:')
    .replace(/<t:-?\d+(:[tTdDfFR])?>/g, '')
    .replace(/<\/([\w -]+):\d+>/g, '/$1')
    .replace(/@(everyone|here)\b/g, '$1');
  out = out
    .replace(/```[\w+-]*\n?([\s\S]*?)```/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\|\|([\s\S]+?)\|\|/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(\*|_)(?=\S)([^*_\n]*?\S)\1/g, '$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/^(?:>>> |> |-# |#{1,3} )/gm, '');
  return out.replace(/[ \t]{2,}/g, ' ').trim();
}

/** Plain text that Discord shows as typed: markdown characters escaped (links left intact). */
export function escapeMarkdown(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>]+)/)
    .map((part, i) => (i % 2 === 1 ? part : escapePart(part)))
    .join('');
}

function escapePart(text: string): string {
  return text.replace(/[\\*_~`|>#-]/g, (ch: string, offset: number, whole: string) => {
    // '#', '-' and '>' are markup only at the start of a line; elsewhere they stay as they are.
    const lineStart = offset === 0 || whole[offset - 1] === '\n';
    if ((ch === '#' || ch === '-' || ch === '>') && !lineStart) return ch;
    return `\\${ch}`;
  });
}

/**
 * Splits text into pieces of at most `max` characters: at paragraph or line breaks when it can,
 * otherwise between words. Only a single word longer than `max` is cut.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const head = rest.slice(0, max + 1);
    let cut = -1;
    for (const breaker of [/\n\s*\n/g, /\n/g, /\s/g]) {
      let m: RegExpExecArray | null;
      while ((m = breaker.exec(head)) !== null) if (m.index > 0 && m.index <= max) cut = m.index;
      if (cut > 0) break;
    }
    if (cut <= 0) cut = max;
    // Never cut a backslash escape in two.
    if (cut === max && rest[cut - 1] === '\\') cut -= 1;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

/** A short label (button, title, option): whole words up to `max` characters, then '…'. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max);
  const space = room.search(/\s\S*$/);
  return `${(space > 0 ? room.slice(0, space) : room.slice(0, max - 1)).trimEnd()}…`;
}
