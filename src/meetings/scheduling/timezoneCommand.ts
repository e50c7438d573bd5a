import type { Command } from '../../commands/types.js';
import { closest } from '../../commands/didYouMean.js';
import { errorReply, textReply } from '../../messages/reply.js';
import { currentRound, listMeetingsOfPerson } from '../../../storage/repositories/meetings.js';
import { loadSchedulePerson, setTimeZone } from '../../../storage/repositories/schedules.js';
import { canonicalZone, offsetLabel } from './timeZones.js';
import { proposeSlots } from './proposeSlots.js';

const ZONES = Intl.supportedValuesOf('timeZone');
const ZONES_LOWER = ZONES.map((z) => z.toLowerCase());

/** `/timezone [Area/City]`: shows or sets the person's IANA time zone; pending meetings then get times. */
export const timezoneCommand: Command = {
  name: 'timezone',
  summary: 'Show or set your time zone (IANA name, e.g. Europe/Berlin), used for meeting times',
  usage: '/timezone [Area/City]',
  async run({ services, person, args }) {
    const me = await loadSchedulePerson(services.db, person.id);
    if (!args) {
      return me?.timeZone
        ? textReply(`Your time zone is ${me.timeZone} (now ${offsetLabel(services.now(), me.timeZone)}).`)
        : textReply('You have not set a time zone yet. For example: /timezone Europe/Berlin');
    }
    const zone = canonicalZone(args);
    if (!zone) {
      const guess = closest(args.trim().replace(/\s+/g, '_'), ZONES_LOWER);
      const suggestion = guess ? ZONES[ZONES_LOWER.indexOf(guess)] : undefined;
      return errorReply(
        `I do not know the time zone “${args.slice(0, 40)}”.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
        'Use an IANA name (Area/City), e.g. Europe/Berlin, America/New_York or Asia/Shanghai.',
      );
    }
    await setTimeZone(services.db, person.id, zone);
    // Meetings that waited for this answer get their first proposal now.
    for (const m of await listMeetingsOfPerson(services.db, person.id, ['proposing'])) {
      if ((await currentRound(services.db, m.id)) === 0) await proposeSlots(services, m.id);
    }
    return textReply(`Your time zone is now ${zone} (${offsetLabel(services.now(), zone)}). Meeting times are shown to you in it.`);
  },
};
