import type { Command } from '../../commands/types.js';
import { NEXT_STEPS } from '../../../storage/repositories/meetingFeedback.js';
import { feedbackFromText } from './feedbackInput.js';
import { recordFeedbackAs } from './recordFeedback.js';

/** `/feedback <meeting> <yes|no> <1-5> <next step> [comment]`: the feedback form as one line. */
export const feedbackCommand: Command = {
  name: 'feedback',
  summary: 'Give feedback on a meeting you took part in',
  usage: `/feedback <meeting id> <yes|no> <1-5> <${NEXT_STEPS.join('|')}> [comment]`,
  async run(req) {
    return recordFeedbackAs(req, req.args.split(/\s+/)[0] ?? '', feedbackFromText(req.args));
  },
};
