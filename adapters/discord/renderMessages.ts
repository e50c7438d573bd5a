import type { APIActionRowComponent, APIButtonComponent, APIComponentInMessageActionRow, APIEmbed, APIStringSelectComponent } from 'discord.js';
import type { Attachment, Block, Button, Reply, Select } from '../../src/messages/reply.js';
import type { FormBlock, StoredAction } from './componentStore.js';
import { actionId, openFormId, storedId } from './customIds.js';
import { LIMITS } from './discordLimits.js';
import { escapeMarkdown, shorten, splitText } from './discordText.js';

/** One Discord message to send: text or embeds, component rows, files, and whether only the asker sees it. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  files: Attachment[];
  ephemeral: boolean;
}

/** Where the renderer keeps what does not fit in a custom_id (table discord_components). */
export interface ComponentSink {
  saveForm(form: FormBlock): Promise<string>;
  saveAction(action: StoredAction): Promise<string>;
}

/** Handled by the adapter itself: (re)opens page `value` = "key|page" of a stored form. */
export const OPEN_FORM_ACTION = 'liaison.discord.openForm';

const COLOR = { normal: 0x2b6cb0, error: 0xd93025 } as const;
type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/**
 * Renders neutral replies as Discord messages within every limit: 2,000 characters of content,
 * 4,096 per embed description, 25 fields per embed, 10 embeds and 6,000 embed characters per
 * message, 5 buttons per row, 5 rows per message, 25 options per select, 10 files and 10 MiB
 * of files per message. What does not fit is carried on into further messages (never cut off,
 * never refused by the API).
 */
export async function renderReplies(replies: readonly Reply[], sink: ComponentSink): Promise<DiscordMessage[]> {
  const out: DiscordMessage[] = [];
  const counter = { n: 0 };
  for (const r of replies) out.push(...(await renderReply(r, sink, counter)));
  return out;
}

async function renderReply(r: Reply, sink: ComponentSink, counter: { n: number }): Promise<DiscordMessage[]> {
  const ephemeral = r.visibility === 'private';
  const rows = await componentRows(r.blocks, sink, counter);
  const plain = r.tone !== 'error' && r.blocks.every((b) => b.type === 'text' || b.type === 'list' || b.type === 'actions' || b.type === 'form');
  const messages: DiscordMessage[] = plain
    ? contentMessages(r.blocks).map((content) => ({ content, embeds: [], components: [], files: [], ephemeral }))
    : packEmbeds(buildEmbeds(r.blocks, COLOR[r.tone ?? 'normal'])).map((embeds) => ({ embeds, components: [], files: [], ephemeral }));
  // Component rows go on the last message; more than five rows continue in further messages.
  const rowGroups = chunk(rows, LIMITS.rowsPerMessage);
  if (messages.length === 0 && rowGroups.length > 0) messages.push({ embeds: [], components: [], files: [], ephemeral });
  rowGroups.forEach((group, i) => {
    if (i === 0) messages[messages.length - 1]!.components = group;
    else messages.push({ embeds: [], components: group, files: [], ephemeral });
  });
  // Files go with the last message too; more than one message holds continue in further ones.
  packFiles(r.attachments ?? []).forEach((group, i) => {
    if (i === 0 && messages.length > 0) messages[messages.length - 1]!.files = group;
    else messages.push({ embeds: [], components: [], files: group, ephemeral });
  });
  return messages;
}

/** Files in message-sized groups: at most 10 and 10 MiB each (a larger file goes alone). */
function packFiles(files: readonly Attachment[]): Attachment[][] {
  const groups: Attachment[][] = [];
  let bytes = 0;
  for (const f of files) {
    const last = groups.at(-1);
    if (last && last.length < LIMITS.filesPerMessage && bytes + f.data.byteLength <= LIMITS.fileBytesPerMessage) {
      last.push(f);
      bytes += f.data.byteLength;
    } else {
      groups.push([f]);
      bytes = f.data.byteLength;
    }
  }
  return groups;
}

/** A reply of text and lists only: plain message content, split at 2,000 characters. */
function contentMessages(blocks: readonly Block[]): string[] {
  const text = blocks.map(blockText).filter((t) => t !== '').join('\n\n');
  return text === '' ? [] : splitText(text, LIMITS.content);
}

function blockText(b: Block): string {
  if (b.type === 'text') return escapeMarkdown(b.text);
  if (b.type === 'list') return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${escapeMarkdown(item)}`).join('\n');
  if (b.type === 'context') return `*${escapeMarkdown(b.text)}*`;
  return '';
}

interface Draft {
  title?: string;
  text: string[];
  fields: { name: string; value: string; inline: boolean }[];
  footer: string[];
}

/** Header starts an embed (its title), divider ends one; trailing context becomes the footer. */
function buildEmbeds(blocks: readonly Block[], color: number): APIEmbed[] {
  const drafts: Draft[] = [];
  let cur: Draft = { text: [], fields: [], footer: [] };
  const flush = () => {
    if (cur.title || cur.text.length > 0 || cur.fields.length > 0) drafts.push(cur);
    cur = { text: [], fields: [], footer: [] };
  };
  const lastBody = findLastIndex(blocks, (b) => b.type !== 'context' && b.type !== 'actions' && b.type !== 'form');
  blocks.forEach((b, i) => {
    switch (b.type) {
      case 'header':
        flush();
        cur.title = shorten(b.text, LIMITS.embedTitle);
        break;
      case 'divider':
        flush();
        break;
      case 'fields':
        for (const f of b.fields) {
          const pieces = splitText(escapeMarkdown(f.value) || '—', LIMITS.fieldValue);
          pieces.forEach((value, p) =>
            cur.fields.push({ name: shorten(p === 0 ? f.label : `${f.label} (continued)`, LIMITS.fieldName) || '—', value, inline: f.value.length <= 40 }),
          );
        }
        break;
      case 'context':
        if (i > lastBody) cur.footer.push(b.text);
        else cur.text.push(blockText(b));
        break;
      case 'text':
      case 'list':
        cur.text.push(blockText(b));
        break;
      case 'actions':
      case 'form':
        break;
    }
  });
  const footer = cur.footer;
  flush();
  if (drafts.length === 0) drafts.push({ text: [], fields: [], footer: [] });
  drafts[drafts.length - 1]!.footer = footer;
  return drafts.flatMap((d) => splitDraft(d, color));
}

/** One draft as one or more embeds: descriptions of at most 4,096 characters, 25 fields each. */
function splitDraft(d: Draft, color: number): APIEmbed[] {
  const description = d.text.join('\n\n');
  const texts = description === '' ? [] : splitText(description, LIMITS.embedDescription);
  const fieldGroups = chunk(d.fields, LIMITS.fieldsPerEmbed);
  const count = Math.max(1, texts.length + Math.max(0, fieldGroups.length - 1));
  const embeds: APIEmbed[] = [];
  for (let i = 0; i < count; i++) {
    const e: APIEmbed = { color };
    if (i === 0 && d.title) e.title = d.title;
    if (texts[i]) e.description = texts[i];
    // Fields follow the last piece of text; a further group of 25 goes on its own embed.
    const fieldIndex = i - Math.max(0, texts.length - 1);
    const group = fieldIndex >= 0 ? fieldGroups[fieldIndex] : undefined;
    if (group) e.fields = group;
    embeds.push(e);
  }
  const footer = d.footer.join('\n');
  if (footer !== '') {
    const pieces = splitText(footer, LIMITS.footerText);
    embeds[embeds.length - 1]!.footer = { text: pieces[0]! };
    for (const extra of pieces.slice(1)) embeds.push({ color, footer: { text: extra } });
  }
  const shown = embeds.filter((e) => e.title || e.description || e.fields?.length || e.footer);
  // An embed needs some content; a reply of only buttons still gets one (zero-width space).
  return shown.length > 0 ? shown : [{ color, description: '\u200b' }];
}

/** Embeds grouped into messages: at most 10 embeds and 6,000 embed characters each. */
function packEmbeds(embeds: APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let cur: APIEmbed[] = [];
  let size = 0;
  for (const e of embeds) {
    const s = embedSize(e);
    if (cur.length > 0 && (cur.length === LIMITS.embedsPerMessage || size + s > LIMITS.embedTotal)) {
      messages.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(e);
    size += s;
  }
  if (cur.length > 0) messages.push(cur);
  return messages;
}

export function embedSize(e: APIEmbed): number {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0)
    + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

/** Buttons five to a row; each select (or each 25 of its options) on a row of its own. */
async function componentRows(blocks: readonly Block[], sink: ComponentSink, counter: { n: number }): Promise<Row[]> {
  const rows: Row[] = [];
  let buttons: APIButtonComponent[] = [];
  const flushButtons = () => {
    for (const group of chunk(buttons, LIMITS.buttonsPerRow)) rows.push({ type: 1, components: group });
    buttons = [];
  };
  for (const b of blocks) {
    if (b.type === 'form') {
      const key = await sink.saveForm(b);
      buttons.push({ type: 2, style: 1, label: shorten(`Open form: ${b.title}`, LIMITS.buttonLabel), custom_id: openFormId(counter.n++, key, 0) });
    }
    if (b.type !== 'actions') continue;
    for (const el of b.elements) {
      if (el.type === 'button') buttons.push(await button(el, sink, counter));
      else {
        flushButtons();
        rows.push(...(await selects(el, sink, counter)));
      }
    }
    flushButtons();
  }
  flushButtons();
  return rows;
}

async function button(el: Button, sink: ComponentSink, counter: { n: number }): Promise<APIButtonComponent> {
  const n = counter.n++;
  const style = el.style === 'primary' ? 1 : el.style === 'danger' ? 4 : 2;
  const label = shorten(el.label, LIMITS.buttonLabel) || '…';
  if (el.action === OPEN_FORM_ACTION) {
    const [key = '', page = '0'] = (el.value ?? '').split('|');
    return { type: 2, style, label, custom_id: openFormId(n, key, Number(page)) };
  }
  const id = actionId(n, el.action, el.value) ?? storedId(n, await sink.saveAction({ action: el.action, ...(el.value !== undefined ? { value: el.value } : {}) }));
  return { type: 2, style, label, custom_id: id };
}

/**
 * A select of up to 25 options; more become several selects ("… (26–50)"). Option values are
 * `v:<value>`, or `k:<key>` for a value longer than Discord allows (kept in discord_components).
 */
async function selects(el: Select, sink: ComponentSink, counter: { n: number }): Promise<Row[]> {
  const options = await Promise.all(
    el.options.map(async (o) => ({
      label: shorten(o.label, LIMITS.optionLabel) || '…',
      value: o.value.length + 2 <= LIMITS.optionValue ? `v:${o.value}` : `k:${await sink.saveAction({ action: el.action, value: o.value })}`,
    })),
  );
  const groups = chunk(options, LIMITS.optionsPerSelect);
  const rows: Row[] = [];
  for (const [i, group] of groups.entries()) {
    const n = counter.n++;
    const suffix = groups.length > 1 ? ` (${i * LIMITS.optionsPerSelect + 1}–${i * LIMITS.optionsPerSelect + group.length})` : '';
    const id = actionId(n, el.action) ?? storedId(n, await sink.saveAction({ action: el.action }));
    const select: APIStringSelectComponent = { type: 3, custom_id: id, placeholder: shorten(`${el.placeholder}${suffix}`, LIMITS.placeholder), options: group, min_values: 1, max_values: 1 };
    rows.push({ type: 1, components: [select] });
  }
  return rows;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function findLastIndex<T>(items: readonly T[], pred: (t: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (pred(items[i]!)) return i;
  return -1;
}
