import type { Command } from '../../commands/types.js';
import { errorReply } from '../../messages/reply.js';
import { parseNeedId } from '../needAccess.js';
import { showNeedMatches, showTextMatches } from './showMatches.js';

/** `/match <need id | free text>`: candidates with explanations, paginated; verdict buttons for a need. */
export const matchCommand: Command = {
  name: 'match',
  summary: 'Candidate outcomes for a need (shortlist, dismiss, view), or for free text',
  usage: '/match <need id | free text>',
  async run(req) {
    if (req.args === '') return errorReply('Match what? Give a need number or some words.', 'For example: /match 12, or /match corrosion-resistant coating');
    return parseNeedId(req.args) !== undefined ? showNeedMatches(req, req.args, 0) : showTextMatches(req, req.args, 0);
  },
};
