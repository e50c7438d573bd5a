import type { Command } from '../../commands/types.js';
import { errorReply, textReply } from '../../messages/reply.js';
import { loadSchedulePerson, setWorkingHours } from '../../../storage/repositories/schedules.js';
import { describeHours, parseHours } from './parseHours.js';

/** `/hours [09:00-17:00 Mon-Fri]`: shows or sets working hours, in the person's own time zone. */
export const hoursCommand: Command = {
  name: 'hours',
  summary: 'Show or set your working hours for meetings (default Mon–Fri 09:00–17:00, your time)',
  usage: '/hours [<start>-<end> [days]], e.g. /hours 08:30-16:00 Mon-Thu',
  async run({ services, person, args }) {
    const me = await loadSchedulePerson(services.db, person.id);
    if (!args) return textReply(`Your working hours: ${describeHours(me!.hours)}${me?.timeZone ? ` ${me.timeZone}` : ' (set your time zone with /timezone)'}.`);
    const hours = parseHours(args);
    if (!hours) return errorReply('I could not read those hours.', 'Give one time range and optional days, e.g. /hours 09:00-17:00 Mon-Fri or /hours 8-16 weekdays.');
    await setWorkingHours(services.db, person.id, hours);
    return textReply(`Your working hours are now ${describeHours(hours)}${me?.timeZone ? ` ${me.timeZone}` : ''}.`);
  },
};
