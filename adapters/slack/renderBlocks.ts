import type { types } from '@slack/bolt';
import type { Block, Button, Reply, Select } from '../../src/messages/reply.js';
import { encodeActionId, OPEN_FORM_ACTION } from './actionIds.js';
import { LIMITS } from './slackLimits.js';
import { escapeMrkdwn, shorten, splitText } from './slackText.js';

type KnownBlock = types.KnownBlock;
type ActionsElement = types.Button | types.StaticSelect;

/** One Slack message: its blocks and the plain text Slack shows in notifications. */
export interface SlackMessage {
  blocks: KnownBlock[];
  text: string;
}

/** Where a form of the reply was stored, so its "Open" button can find it. */
export type FormKeys = ReadonlyMap<string, string>;

/**
 * Renders one neutral reply as one or more Slack messages, each within Slack's limits
 * (50 blocks, 3,000 characters a section, 10 fields, 25 elements an actions block, 100 options
 * a select). Long text is split between words, never cut. A form becomes a section with an
 * "Open" button (the adapter also opens it at once when it can).
 */
export function renderReply(reply: Reply, formKeys: FormKeys = new Map()): SlackMessage[] {
  const blocks = renderBlocks(reply.blocks, formKeys);
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += LIMITS.blocksPerMessage) {
    const part = blocks.slice(i, i + LIMITS.blocksPerMessage);
    messages.push({ blocks: part, text: notificationText(reply, i === 0) });
  }
  return messages.length > 0 ? messages : [{ blocks: [], text: notificationText(reply, true) }];
}

/** Neutral blocks to Block Kit blocks, without the per-message limit (views take 100). */
export function renderBlocks(blocks: readonly Block[], formKeys: FormKeys = new Map()): KnownBlock[] {
  const counter = { n: 0 };
  return blocks.flatMap((b) => renderBlock(b, formKeys, counter));
}

function renderBlock(block: Block, formKeys: FormKeys, counter: { n: number }): KnownBlock[] {
  switch (block.type) {
    case 'header':
      return renderHeader(block.text);
    case 'text':
      return sections(block.text);
    case 'context':
      return splitText(block.text, LIMITS.contextText).map((t) => ({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(t) }] }));
    case 'divider':
      return [{ type: 'divider' }];
    case 'list':
      return listSections(block.items, block.ordered ?? false);
    case 'fields':
      return renderFields(block.fields);
    case 'actions':
      return renderActions(block.elements, counter);
    case 'form': {
      const key = formKeys.get(block.id);
      const text = sections(`${block.title}${block.inputs.length > 0 ? ` — ${block.inputs.map((i) => i.label).join(', ')}` : ''}`);
      if (!key) return text;
      const open: types.Button = {
        type: 'button',
        text: { type: 'plain_text', text: shorten(`Open: ${block.title}`, LIMITS.buttonText) },
        action_id: encodeActionId(OPEN_FORM_ACTION, counter.n++),
        value: key,
        style: 'primary',
      };
      return [...text, { type: 'actions', elements: [open] }];
    }
  }
}

function renderHeader(text: string): KnownBlock[] {
  if (text.length <= LIMITS.headerText) return [{ type: 'header', text: { type: 'plain_text', text } }];
  // Longer than a header may be: the header takes whole words, a bold section the rest.
  const [head = '', ...rest] = splitPlain(text, LIMITS.headerText);
  return [{ type: 'header', text: { type: 'plain_text', text: head } }, ...sections(rest.join(' '))];
}

/** Plain-text split (headers are not escaped). */
const splitPlain = (text: string, max: number): string[] => {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const space = rest.slice(0, max + 1).lastIndexOf(' ');
    const cut = space > 0 ? space : max;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  return [...out, rest];
};

const sections = (text: string): KnownBlock[] =>
  splitText(text, LIMITS.sectionText).map((t) => ({ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(t) } }));

/** A list as lines of a section; lines never split across sections unless one line is too long. */
function listSections(items: readonly string[], ordered: boolean): KnownBlock[] {
  const lines = items.map((item, i) => `${ordered ? `${i + 1}.` : '•'} ${item}`);
  const out: KnownBlock[] = [];
  let current = '';
  const flush = () => {
    if (current !== '') out.push(...sections(current));
    current = '';
  };
  for (const line of lines) {
    const next = current === '' ? line : `${current}\n${line}`;
    if (escapeMrkdwn(next).length > LIMITS.sectionText) {
      flush();
      current = line;
    } else current = next;
  }
  flush();
  return out;
}

function renderFields(fields: readonly { label: string; value: string }[]): KnownBlock[] {
  const out: KnownBlock[] = [];
  let batch: types.MrkdwnElement[] = [];
  const flush = () => {
    if (batch.length > 0) out.push({ type: 'section', fields: batch });
    batch = [];
  };
  for (const f of fields) {
    const text = `*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`;
    if (text.length > LIMITS.fieldText) {
      // Too long for a field: its own section(s), in order.
      flush();
      out.push(...sections(`${f.label}\n${f.value}`));
      continue;
    }
    batch.push({ type: 'mrkdwn', text });
    if (batch.length === LIMITS.fieldsPerSection) flush();
  }
  flush();
  return out;
}

function renderActions(elements: readonly (Button | Select)[], counter: { n: number }): KnownBlock[] {
  const rendered = elements.flatMap((e): ActionsElement[] => (e.type === 'button' ? [button(e, counter)] : selects(e, counter)));
  const out: KnownBlock[] = [];
  for (let i = 0; i < rendered.length; i += LIMITS.elementsPerActions) {
    out.push({ type: 'actions', elements: rendered.slice(i, i + LIMITS.elementsPerActions) });
  }
  return out;
}

function button(b: Button, counter: { n: number }): types.Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: shorten(b.label, LIMITS.buttonText) },
    action_id: encodeActionId(b.action, counter.n++),
    ...(b.value !== undefined ? { value: b.value } : {}),
    ...(b.style ? { style: b.style } : {}),
  };
}

/** A select of more than 100 options becomes several selects, "(1–100)", "(101–200)", … */
function selects(s: Select, counter: { n: number }): types.StaticSelect[] {
  const pages: types.StaticSelect[] = [];
  for (let i = 0; i < Math.max(s.options.length, 1); i += LIMITS.optionsPerSelect) {
    const page = s.options.slice(i, i + LIMITS.optionsPerSelect);
    const range = s.options.length > LIMITS.optionsPerSelect ? ` (${i + 1}–${i + page.length})` : '';
    pages.push({
      type: 'static_select',
      action_id: encodeActionId(s.action, counter.n++),
      placeholder: { type: 'plain_text', text: shorten(s.placeholder, LIMITS.placeholder - range.length) + range },
      options: page.map((o) => ({ text: { type: 'plain_text', text: shorten(o.label, LIMITS.optionText) }, value: o.value })),
    });
  }
  return pages;
}

/** The text of the first text-like block, for notifications and clients without blocks. */
function notificationText(reply: Reply, first: boolean): string {
  const parts: string[] = [];
  for (const b of reply.blocks) {
    if (b.type === 'header' || b.type === 'text' || b.type === 'context') parts.push(b.text);
    else if (b.type === 'form') parts.push(b.title);
    else if (b.type === 'list') parts.push(...b.items);
    if (parts.join(' ').length > LIMITS.notificationText) break;
  }
  const text = shorten(parts.join(' — ').replace(/\s+/g, ' ').trim(), LIMITS.notificationText) || 'Liaison';
  return first ? text : `${text} (continued)`;
}

/** Plain text of a reply, for the last-resort fallback when Slack refuses the blocks. */
export function plainTextOf(reply: Reply): string {
  return reply.blocks
    .map((b) => {
      switch (b.type) {
        case 'header':
        case 'text':
        case 'context':
          return b.text;
        case 'fields':
          return b.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
        case 'list':
          return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '•'} ${item}`).join('\n');
        case 'actions':
          return b.elements.map((e) => (e.type === 'button' ? `[${e.label}]` : `[${e.placeholder}]`)).join(' ');
        case 'form':
          return b.title;
        case 'divider':
          return '———';
      }
    })
    .join('\n');
}
