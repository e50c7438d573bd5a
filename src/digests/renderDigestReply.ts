import type { Block, Reply } from '../messages/reply.js';
import { isEmptyDigest, type DigestContent } from './digestContent.js';
import { digestSections, formatWhen, periodTitle, type DigestLocale, type DigestSection } from './digestSections.js';
import { digestWords } from './digestText.js';
import { digestCharts } from './charts/digestCharts.js';

export interface ReplyLimits {
  /** Items listed per section before "…and N more". */
  sectionItems: number;
  /** Most characters of text in the whole reply. */
  maxChars: number;
}

/** The command that writes this period's full report, named where a digest is shortened. */
export const reportCommand = (c: DigestContent) => `npx liaison report --from ${c.period.from.toISOString()} --to ${c.period.to.toISOString()}`;

/**
 * The digest as a chat reply: sections as headers and lists, the charts as PNG attachments
 * (their numbers are in the text too). Long digests list fewer items per section until the text
 * fits `maxChars`, and then point to the full report. A digest with nothing to say is one line.
 */
export async function renderDigestReply(content: DigestContent, locale: DigestLocale, limits: ReplyLimits, lateSince?: Date): Promise<Reply> {
  const w = digestWords(locale.language);
  const top: Block[] = [{ type: 'header', text: periodTitle(content, locale) }];
  if (lateSince) top.push({ type: 'context', text: w.late(formatWhen(lateSince, locale)) });
  if (isEmptyDigest(content)) return { blocks: [...top, { type: 'text', text: w.empty }] };
  const sections = digestSections(content, locale);
  let items = limits.sectionItems;
  let body = sectionBlocks(sections, items, locale);
  while (textLength(body.blocks) + textLength(top) > limits.maxChars && items > 1) {
    items = Math.max(1, Math.floor(items / 2));
    body = sectionBlocks(sections, items, locale);
  }
  const footer: Block[] = body.cut ? [{ type: 'context', text: w.fullReport(reportCommand(content)) }] : [];
  return { blocks: [...top, ...body.blocks, ...footer], attachments: await digestCharts(content, locale.language) };
}

function sectionBlocks(sections: readonly DigestSection[], perSection: number, locale: DigestLocale): { blocks: Block[]; cut: boolean } {
  const w = digestWords(locale.language);
  const blocks: Block[] = [];
  let cut = false;
  for (const s of sections) {
    blocks.push({ type: 'divider' }, { type: 'header', text: s.title });
    if (s.intro) blocks.push({ type: 'context', text: s.intro });
    let left = perSection;
    let hidden = 0;
    for (const g of s.groups) {
      const shown = g.items.slice(0, Math.max(0, left));
      hidden += g.items.length - shown.length;
      left -= shown.length;
      if (shown.length === 0) continue;
      if (g.heading) blocks.push({ type: 'text', text: g.heading });
      blocks.push({ type: 'list', items: shown });
    }
    if (hidden > 0) {
      blocks.push({ type: 'context', text: w.more(hidden) });
      cut = true;
    }
  }
  return { blocks, cut };
}

function textLength(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.type === 'header' || b.type === 'text' || b.type === 'context') n += b.text.length + 1;
    else if (b.type === 'list') n += b.items.reduce((sum, i) => sum + i.length + 3, 0);
  }
  return n;
}
