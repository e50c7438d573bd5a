import { DateTime } from 'luxon';
import type { Command } from '../../commands/types.js';
import { errorReply, reply, textReply } from '../../messages/reply.js';
import { addAvailability, clearAvailability, listAvailability, loadSchedulePerson } from '../../../storage/repositories/schedules.js';
import { parseAvailability } from './parseAvailability.js';
import { spanInZone } from './timeZones.js';

const PROBLEMS = {
  no_days: ['Which days?', 'For example: /availability Tue–Thu 14:00-17:00 next week, /availability tomorrow afternoon, /availability 下周二到周四 下午2点到5点'],
  no_times: ['What times?', 'For example 14:00-17:00, 2-5pm, morning or afternoon (上午, 下午).'],
  bad_time: ['I could not read those times.', 'Hours go from 0 to 24 and the end must come after the start, e.g. 14:00-17:00.'],
  past: ['Those times are already in the past.', 'Give times from now on, e.g. /availability next week afternoons.'],
} as const;

/**
 * `/availability <when>` adds windows (they then replace working hours when times are proposed),
 * `/availability` lists them, `/availability clear` removes them. Times are the person's own.
 */
export const availabilityCommand: Command = {
  name: 'availability',
  summary: 'Tell me when you are free for meetings, e.g. “Tue–Thu 14:00-17:00 next week”',
  usage: '/availability [<days> <times> [this week | next week] | clear]',
  async run({ services, person, args }) {
    const me = await loadSchedulePerson(services.db, person.id);
    const zone = me?.timeZone;
    if (!zone) return errorReply('First tell me your time zone, so I read your times right.', 'For example: /timezone Europe/Berlin');
    const now = services.now();
    if (/^clear$/i.test(args)) return textReply(`Removed ${await clearAvailability(services.db, person.id)} availability windows; your working hours apply again.`);
    if (!args) {
      const windows = await listAvailability(services.db, person.id, now);
      if (windows.length === 0) return textReply('You have no availability windows; your working hours apply (/hours).');
      return reply({ type: 'text', text: 'You are available:' }, { type: 'list', items: windows.map((w) => spanInZone(w.start, w.end, zone)) });
    }
    const parsed = parseAvailability(args, now, zone);
    if (!parsed.ok) {
      const [text, hint] = PROBLEMS[parsed.problem];
      return errorReply(parsed.problem === 'past' ? `${text} (It is ${DateTime.fromJSDate(now, { zone }).toFormat('ccc d LLL HH:mm')} for you now.)` : text, hint);
    }
    await addAvailability(services.db, person.id, parsed.windows);
    return reply(
      { type: 'text', text: `Noted, you are available (${zone}):` },
      { type: 'list', items: parsed.windows.map((w) => spanInZone(w.start, w.end, zone)) },
      { type: 'context', text: 'While you have windows ahead, I propose meeting times only inside them. /availability clear removes them.' },
    );
  },
};
