import { isEmptyDigest, type DigestContent } from '../digests/digestContent.js';
import { digestSections, periodTitle, type DigestLocale } from '../digests/digestSections.js';
import { digestWords } from '../digests/digestText.js';
import type { Attachment } from '../messages/reply.js';

/** The whole digest as Markdown, every item listed, the charts as images next to the file. */
export function reportMarkdown(content: DigestContent, locale: DigestLocale, charts: readonly Attachment[]): string {
  const lines = [`# ${periodTitle(content, locale)}`, ''];
  if (isEmptyDigest(content)) return [...lines, digestWords(locale.language).empty, ''].join('\n');
  for (const chart of charts) lines.push(`![${escape(chart.altText ?? chart.filename)}](${chart.filename})`, '');
  for (const s of digestSections(content, locale)) {
    lines.push(`## ${s.title}`, '');
    if (s.intro) lines.push(`_${escape(s.intro)}_`, '');
    for (const g of s.groups) {
      if (g.items.length === 0) continue;
      if (g.heading) lines.push(`### ${escape(g.heading)}`, '');
      lines.push(...g.items.map((i) => `- ${escape(i)}`), '');
    }
  }
  return lines.join('\n');
}

/** Markdown's own characters in stored text (need summaries, titles) are shown, not obeyed. */
const escape = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
