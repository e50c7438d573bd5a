import type { Command } from '../commands/types.js';
import { errorReply, reply } from '../messages/reply.js';
import { findOutcome, findOutcomeById } from '../../storage/repositories/outcomes.js';

const ABSTRACT_SHOWN = 1_500;

/**
 * `/outcome <source id or number>`: one stored outcome with all its details. A source id wins
 * over a number (PubMed ids are all digits); "#12" always means number 12.
 */
export const outcomeCommand: Command = {
  name: 'outcome',
  summary: 'Show one outcome (patent, paper, project…) by its source id or number',
  usage: '/outcome <source id, number or #number>',
  async run({ services, args }) {
    if (args === '') return errorReply('Which outcome? Give its source id or number.', 'For example: /outcome US20170190327A1');
    const byNumber = /^#(\d{1,15})$/.exec(args);
    const o = byNumber ? await findOutcomeById(services.db, Number(byNumber[1])) : await findOutcome(services.db, args);
    if (!o) return errorReply(`There is no outcome "${args.slice(0, 80)}".`, 'Check the id; /imports shows what has been loaded.');
    const optional = (label: string, value: string | number | undefined) =>
      value === undefined || value === '' ? [] : [{ label, value: String(value) }];
    const abstract = o.abstract.length > ABSTRACT_SHOWN ? `${o.abstract.slice(0, ABSTRACT_SHOWN)}…` : o.abstract;
    return reply(
      { type: 'header', text: o.title },
      {
        type: 'fields',
        fields: [
          { label: 'Kind', value: o.kind },
          { label: 'Source id', value: o.sourceId },
          { label: 'Number', value: String(o.id) },
          ...optional('Institution', o.institution),
          ...optional('Disciplines', o.disciplines.join(', ')),
          ...optional('Keywords', o.keywords.join(', ')),
          ...optional('Year', o.year),
          ...optional('Technology readiness', o.trl === undefined ? undefined : `TRL ${o.trl}`),
          ...optional('IP status', o.ipStatus),
          ...optional('Region', o.region),
          { label: 'Language', value: o.language },
          ...optional('Contact', o.contact),
          ...optional('Link', o.url),
        ],
      },
      ...(abstract ? [{ type: 'text' as const, text: abstract }] : []),
      { type: 'context', text: `Last changed ${o.updatedAt.toISOString().slice(0, 10)} by an import.` },
    );
  },
};
