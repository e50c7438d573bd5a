import type { ActionHandler } from '../../commands/types.js';
import { errorReply } from '../../messages/reply.js';
import { fieldById, matchOption, INTAKE_FIELDS } from './intakeFields.js';
import { ownDraft } from './ownDraft.js';
import { applyAnswer, askAgain } from './answerIntake.js';
import { startIntake } from './startIntake.js';
import { cancelDraft, submitNeed } from '../submitNeed.js';

const stale = () => errorReply('That button is out of date.', 'Type /need to see where your need stands.');

/** The intake's buttons. Values carry the need id, so old or repeated presses are checked, not trusted. */
export const intakeActions: ActionHandler[] = [
  {
    action: 'need.answer',
    async run(req) {
      const [id = '', fieldId = '', value = ''] = (req.value ?? '').split(':');
      const field = fieldById(fieldId);
      const option = field && matchOption(field, value);
      if (!option) return stale();
      return applyAnswer(req, await ownDraft(req, id), field.id, option.value);
    },
  },
  {
    action: 'need.edit',
    async run(req) {
      const [id = '', fieldId = ''] = (req.value ?? '').split(':');
      return askAgain(req, await ownDraft(req, id), fieldId);
    },
  },
  {
    action: 'need.submit',
    run: async (req) => submitNeed(req, await ownDraft(req, req.value ?? '')),
  },
  {
    action: 'need.cancel',
    run: async (req) => cancelDraft(req, await ownDraft(req, req.value ?? '')),
  },
  {
    /**
     * A submitted `/need` form: adapters pass the inputs as `values` (input id → text); a JSON
     * object in `value` is accepted too. Known answers are kept, the rest asked in the chat.
     */
    action: 'need.form',
    async run(req) {
      const input = req.values ?? parseJsonObject(req.value);
      if (!input) return stale();
      const description = typeof input.description === 'string' ? input.description.trim().slice(0, 4000) : '';
      if (description === '') {
        return { ...errorReply('The form needs a description of the problem.'), fieldErrors: { description: 'Describe the problem in a sentence or two.' } };
      }
      const given: Record<string, string> = {};
      for (const f of INTAKE_FIELDS) {
        const v = input[f.id];
        if (typeof v !== 'string' || v.trim() === '') continue;
        const option = matchOption(f, v);
        if (option) given[f.id] = option.value;
        else if (f.acceptsText) given[f.id] = v.trim().slice(0, 300);
      }
      return startIntake(req, description, given);
    },
  },
];

function parseJsonObject(text: string | undefined): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text ?? '');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
