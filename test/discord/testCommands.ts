import type { ActionHandler, Command } from '../../src/commands/types.js';
import { reply, textReply, type Reply } from '../../src/messages/reply.js';
import { filesCommand } from '../slack/sampleFiles.js';

/**
 * Commands registered only in the tests' router: buttons and a select, a form, a very long
 * answer, an answer with more components than one Discord message holds, and one with files
 * (../slack/sampleFiles.ts).
 */
export const testCommands: Command[] = [
  filesCommand,
  {
    name: 'pick',
    summary: 'Offers buttons and a select (tests only)',
    usage: '/pick',
    async run() {
      return reply(
        { type: 'header', text: 'Pick one' },
        { type: 'text', text: 'Which one?' },
        {
          type: 'actions',
          elements: [
            { type: 'button', label: 'Alpha', action: 'test.pick', value: 'alpha', style: 'primary' },
            { type: 'button', label: 'Beta', action: 'test.pick', value: 'beta' },
            { type: 'button', label: 'A value too long for a custom id', action: 'test.pick', value: 'x'.repeat(150) },
            { type: 'select', placeholder: 'Or choose', action: 'test.pick', options: [{ label: 'Gamma', value: 'gamma' }] },
          ],
        },
      );
    },
  },
  {
    name: 'intake',
    summary: 'Asks for a need with a form (tests only)',
    usage: '/intake',
    async run() {
      return {
        visibility: 'private',
        blocks: [
          {
            type: 'form',
            id: 'test.intake',
            title: 'Describe your technical need',
            submitLabel: 'Submit',
            inputs: [
              { id: 'summary', label: 'What is the problem?', kind: 'paragraph', required: true, maxLength: 2000 },
              { id: 'region', label: 'Region', kind: 'select', options: [{ label: 'Europe', value: 'eu' }, { label: 'Asia', value: 'asia' }] },
            ],
          },
        ],
      } satisfies Reply;
    },
  },
  {
    name: 'long',
    summary: 'A very long answer (tests only)',
    usage: '/long',
    async run() {
      const paragraph = (p: number) => Array.from({ length: 120 }, (_, i) => `p${p}w${i}`).join(' ');
      return {
        visibility: 'public',
        blocks: [
          { type: 'header', text: `A long answer ${'with a very long title '.repeat(20)}` },
          { type: 'text', text: Array.from({ length: 40 }, (_, p) => paragraph(p)).join('\n\n') },
          { type: 'fields', fields: Array.from({ length: 60 }, (_, i) => ({ label: `Field ${i}`, value: `value ${i} ${'v'.repeat(i === 3 ? 3000 : 10)}` })) },
          { type: 'actions', elements: Array.from({ length: 32 }, (_, i) => ({ type: 'button' as const, label: `Choice ${i}`, action: 'test.pick', value: `c${i}` })) },
          { type: 'actions', elements: [{ type: 'select', placeholder: 'Pick a region', action: 'test.pick', options: Array.from({ length: 60 }, (_, i) => ({ label: `Region ${i}`, value: `r${i}` })) }] },
          { type: 'context', text: 'The end of a long answer.' },
        ],
      } satisfies Reply;
    },
  },
  {
    name: 'plain',
    summary: 'A long plain-text answer (tests only)',
    usage: '/plain',
    async run() {
      return textReply(Array.from({ length: 900 }, (_, i) => `word${i}`).join(' '));
    },
  },
];

export const testActions: ActionHandler[] = [
  {
    action: 'test.pick',
    async run({ value }) {
      return { visibility: 'public', blocks: [{ type: 'text', text: `You picked ${value?.slice(0, 20)} (${value?.length} characters).` }] };
    },
  },
  {
    action: 'test.intake',
    async run({ values }) {
      if (!values?.summary || values.summary.trim().length < 5) {
        return { tone: 'error', visibility: 'private', blocks: [{ type: 'text', text: 'Not quite.' }], fieldErrors: { summary: 'Describe the problem in a sentence or two.' } };
      }
      return textReply(`Thanks: ${values.summary} (${values.region ?? 'no region'})`);
    },
  },
];
