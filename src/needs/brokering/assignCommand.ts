import type { ActionHandler, Command } from '../../commands/types.js';
import { errorReply } from '../../messages/reply.js';
import { assignNeed } from './assignNeed.js';

/** `/assign <need>`: the broker who runs it takes the need. */
export const assignCommand: Command = {
  name: 'assign',
  summary: 'Take a need as its broker',
  usage: '/assign <need id>',
  async run(req) {
    if (req.args === '') return errorReply('Which need? For example: /assign 12');
    return assignNeed(req, req.args);
  },
};

/** The "Take this need" button in the brokers' channel. */
export const assignAction: ActionHandler = {
  action: 'need.assign',
  run: (req) => assignNeed(req, req.value ?? ''),
};
