import type { Command } from '../commands/types.js';
import { reply } from '../messages/reply.js';
import { briefReply } from './briefReply.js';
import { checkNeedText } from './needText.js';
import { translatorFor } from './translatorFor.js';

/** `/translate <text>`: shows the research brief the translator makes of a text; stores nothing. */
export const translateCommand: Command = {
  name: 'translate',
  summary: 'Show how a need reads in research language (a brief), without storing it',
  usage: '/translate <need in English or Chinese>',
  async run({ services, args }) {
    const { text } = checkNeedText(args);
    const result = await translatorFor(services).translate({ text, confidential: true });
    if (result.kind === 'clarify') {
      return { ...reply({ type: 'text', text: result.question }, { type: 'context', text: result.translator }), visibility: 'private' };
    }
    return briefReply(result.brief, { preview: true });
  },
};
