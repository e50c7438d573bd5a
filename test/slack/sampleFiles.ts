import type { Command } from '../../src/commands/types.js';
import type { Attachment, Reply } from '../../src/messages/reply.js';

/** Files like the ones meetings and digests send, shared by the Slack and Discord suites. */
export const INVITE: Attachment = {
  filename: 'intro-meeting.ics',
  contentType: 'text/calendar; method=REQUEST',
  data: new TextEncoder().encode(
    ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Liaison//tests//EN', 'METHOD:REQUEST', 'BEGIN:VEVENT', 'UID:intro-1@liaison.test', 'DTSTAMP:20261123T150000Z', 'DTSTART:20261203T100000Z', 'DTEND:20261203T103000Z', 'SUMMARY:Introduction: cold chain × 冷链', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'),
  ),
  altText: 'Calendar invite: introduction on 3 Dec 2026, 10:00 UTC',
};

/** A PNG signature followed by every byte value: any text decoding on the way would show. */
export const CHART: Attachment = {
  filename: 'needs-by-stage.png',
  contentType: 'image/png',
  data: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 1024 }, (_, i) => (i * 7) % 256)]),
  altText: 'Bar chart: needs by stage this week',
};

/** `/files` answers with text and both files; `/files private` privately; `/files only` with the files alone. */
export const filesCommand: Command = {
  name: 'files',
  summary: 'Answers with a calendar invite and a chart (tests only)',
  usage: '/files [private | only]',
  async run({ args }) {
    const files: Reply = { blocks: [{ type: 'text', text: 'Here is your invite and this week’s chart.' }], attachments: [INVITE, CHART] };
    if (args === 'private') return { ...files, visibility: 'private' };
    if (args === 'only') return { blocks: [], attachments: [INVITE, CHART] };
    return files;
  },
};
