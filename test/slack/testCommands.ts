import type { ActionHandler, Command } from '../../src/commands/types.js';
import { reply, textReply } from '../../src/messages/reply.js';
import { filesCommand } from './sampleFiles.js';

/**
 * Commands registered only in the tests' router: a genuinely slow one, one with buttons and a
 * select, one that answers with a form, a very long answer that must be split, and one with
 * files (sampleFiles.ts).
 */
export const SLOW_MS = 10_000;

export const testCommands: Command[] = [
  filesCommand,
  {
    name: 'slow',
    summary: 'Answers after ten seconds (tests only)',
    usage: '/slow',
    async run() {
      await new Promise((r) => setTimeout(r, SLOW_MS));
      return textReply('The slow answer is ready.');
    },
  },
  {
    name: 'pick',
    summary: 'Offers buttons and a select (tests only)',
    usage: '/pick',
    async run() {
      return reply(
        { type: 'text', text: 'Which one?' },
        {
          type: 'actions',
          elements: [
            { type: 'button', label: 'Alpha', action: 'test.pick', value: 'alpha', style: 'primary' },
            { type: 'button', label: 'Beta', action: 'test.pick', value: 'beta' },
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
      return reply({
        type: 'form',
        id: 'test.intake',
        title: 'Describe your technical need',
        submitLabel: 'Submit',
        inputs: [
          { id: 'summary', label: 'What is the problem?', kind: 'paragraph', required: true, maxLength: 2000 },
          { id: 'region', label: 'Region', kind: 'select', options: [{ label: 'Europe', value: 'eu' }, { label: 'Asia', value: 'asia' }] },
        ],
      });
    },
  },
  {
    name: 'long',
    summary: 'A very long answer (tests only)',
    usage: '/long',
    async run() {
      const words = Array.from({ length: 1200 }, (_, i) => `word${i}`).join(' ');
      return reply(
        { type: 'header', text: `A header that is much too long ${'and goes on '.repeat(20)}end` },
        { type: 'text', text: `Tom & Jerry <script> ${words}` },
        { type: 'fields', fields: Array.from({ length: 23 }, (_, i) => ({ label: `Field ${i}`, value: `value ${i}` })) },
        { type: 'list', items: Array.from({ length: 400 }, (_, i) => `item number ${i} of a long list`) },
        { type: 'actions', elements: [
          ...Array.from({ length: 30 }, (_, i) => ({ type: 'button' as const, label: `Button ${i}`, action: 'test.pick', value: `b${i}` })),
          { type: 'select', placeholder: 'Many options', action: 'test.pick', options: Array.from({ length: 250 }, (_, i) => ({ label: `Option ${i}`, value: `o${i}` })) },
        ] },
        ...Array.from({ length: 40 }, (_, i) => ({ type: 'context' as const, text: `context line ${i}` })),
      );
    },
  },
];

export const testActions: ActionHandler[] = [
  { action: 'test.pick', run: async ({ value }) => textReply(`You picked ${value}.`) },
  {
    action: 'test.intake',
    async run({ values }) {
      const summary = values?.summary ?? '';
      if (summary.length < 20) return { blocks: [{ type: 'text', text: 'Please say more.' }], tone: 'error', fieldErrors: { summary: 'Please describe the problem in at least 20 characters.' } };
      return textReply(`Need saved: ${summary} (${values?.region ?? 'any region'}).`);
    },
  },
];
