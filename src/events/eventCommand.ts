import type { Command, CommandRequest } from '../commands/types.js';
import { errorReply, type Reply } from '../messages/reply.js';
import { closest } from '../commands/didYouMean.js';
import { createEvent, CREATE_USAGE } from './createEvent.js';
import { joinEvent, JOIN_USAGE } from './joinEvent.js';
import { requestMeeting, REQUEST_USAGE } from './requestMeeting.js';
import { prioritiseRequest, PRIORITY_USAGE, withdrawRequest, WITHDRAW_USAGE } from './changeRequest.js';
import { listEvents, showEvent } from './showEvent.js';
import { scheduleEventCommand, SCHEDULE_USAGE } from './scheduleEventCommand.js';
import { parseEventNumber } from './eventAccess.js';

const SUBCOMMANDS: Record<string, { usage: string; run(req: CommandRequest): Promise<Reply> }> = {
  create: { usage: CREATE_USAGE, run: createEvent },
  join: { usage: JOIN_USAGE, run: joinEvent },
  request: { usage: REQUEST_USAGE, run: requestMeeting },
  schedule: { usage: SCHEDULE_USAGE, run: scheduleEventCommand },
  withdraw: { usage: WITHDRAW_USAGE, run: withdrawRequest },
  priority: { usage: PRIORITY_USAGE, run: prioritiseRequest },
};

/** Every form, one per line, for a mistyped subcommand. */
const ALL_USAGES = ['/event [id]', ...Object.values(SUBCOMMANDS).map((s) => s.usage)].join('\n');

/** `/event …`: brokerage events, from creating the day to everyone's agenda. */
export const eventCommand: Command = {
  name: 'event',
  summary: 'Brokerage events: create a matchmaking day, join, request meetings, schedule everyone’s agenda',
  usage: `/event [id] | /event ${Object.keys(SUBCOMMANDS).join('|')} …`,
  async run(req) {
    const [word = '', ...rest] = req.args.split(/\s+/).filter(Boolean);
    if (word === '') return listEvents(req);
    if (parseEventNumber(word) !== undefined && rest.length === 0) return showEvent(req, word);
    const sub = SUBCOMMANDS[word.toLowerCase()];
    if (!sub) {
      const guess = closest(word.toLowerCase(), Object.keys(SUBCOMMANDS));
      return errorReply(`I do not know /event ${word.slice(0, 30)}.${guess ? ` Did you mean /event ${guess}?` : ''}`, ALL_USAGES);
    }
    return sub.run({ ...req, args: rest.join(' ') });
  },
};
