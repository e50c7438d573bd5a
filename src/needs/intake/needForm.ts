import type { Reply } from '../../messages/reply.js';
import { INTAKE_FIELDS } from './intakeFields.js';

/** The `/need` form: the description plus every intake question (adapters render it as a modal). */
export function needFormReply(): Reply {
  return {
    visibility: 'private',
    blocks: [
      {
        type: 'form',
        id: 'need.form',
        title: 'Describe a need',
        submitLabel: 'Continue',
        inputs: [
          { id: 'description', label: 'What problem should research solve?', kind: 'paragraph', required: true, maxLength: 4000 },
          ...INTAKE_FIELDS.map((f) => ({
            id: f.id,
            label: f.question.en,
            kind: f.options && !f.acceptsText ? ('select' as const) : ('text' as const),
            options: f.options?.map((o) => ({ label: o.label.en, value: o.value })),
          })),
        ],
      },
      { type: 'context', text: 'Or simply describe your need in a message, in English or Chinese; I will ask for what is missing.' },
    ],
  };
}
