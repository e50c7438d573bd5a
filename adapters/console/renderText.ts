import type { Attachment, Block, Reply } from '../../src/messages/reply.js';

/** A numbered choice the person can pick by typing its number. */
export interface Choice {
  label: string;
  action: string;
  value?: string;
}

export interface RenderedText {
  text: string;
  choices: Choice[];
}

/** Keeps an attachment somewhere the person can open it and returns where (a file path). */
export type SaveAttachment = (attachment: Attachment) => string;

/**
 * Renders neutral replies as plain terminal text. Buttons and select options become numbered
 * choices, numbered on from `firstChoice` so several replies in a row never reuse a number.
 * Attachments are handed to `save` and shown as "[file] <path>".
 */
export function renderText(replies: readonly Reply[], firstChoice = 1, save?: SaveAttachment): RenderedText {
  const choices: Choice[] = [];
  const lines: string[] = [];
  for (const r of replies) {
    const own = r.blocks.flatMap((block) => renderBlock(block, choices, firstChoice));
    // Errors start with '! ' so they stand out in a transcript.
    if (r.tone === 'error' && own.length > 0) own[0] = `! ${own[0]}`;
    lines.push(...own);
    for (const a of r.attachments ?? []) lines.push(save ? `[file] ${save(a)}` : `[file] ${a.filename} (not saved)`);
  }
  return { text: lines.join('\n'), choices };
}

function renderBlock(block: Block, choices: Choice[], first: number): string[] {
  const choose = (c: Choice) => `[${first + choices.push(c) - 1}] ${c.label}`;
  switch (block.type) {
    case 'header':
      return [`== ${block.text} ==`];
    case 'text':
      return [block.text];
    case 'context':
      return [`  (${block.text})`];
    case 'divider':
      return ['----'];
    case 'fields':
      return block.fields.map((f) => `${f.label}: ${f.value}`);
    case 'list':
      return block.items.map((item, i) => (block.ordered ? `${i + 1}. ${item}` : `- ${item}`));
    case 'actions':
      return [
        block.elements
          .flatMap((e) =>
            e.type === 'button'
              ? [choose({ label: e.label, action: e.action, value: e.value })]
              : [`${e.placeholder}:`, ...e.options.map((o) => choose({ label: o.label, action: e.action, value: o.value }))],
          )
          .join('  '),
      ];
    case 'form':
      return [
        `${block.title} — answer each line:`,
        ...block.inputs.map((input) => `  ${input.label}${input.required ? ' (required)' : ''}${input.options ? `: one of ${input.options.map((o) => o.label).join(', ')}` : ''}`),
      ];
  }
}
