import type { Command } from '../../commands/types.js';
import type { Block } from '../../messages/reply.js';
import { currentSlots, listMeetingsOfPerson } from '../../../storage/repositories/meetings.js';
import { loadSchedulePerson } from '../../../storage/repositories/schedules.js';
import { meetingButtons, meetingFields } from '../meetingCard.js';
import { slotLabel } from './proposeSlots.js';

/** `/meetings`: the person's meetings being scheduled or booked, with their times and buttons. */
export const meetingsCommand: Command = {
  name: 'meetings',
  summary: 'Your meetings: times on offer, booked ones, with Reschedule and Cancel',
  usage: '/meetings',
  async run({ services, person }) {
    const zone = (await loadSchedulePerson(services.db, person.id))?.timeZone ?? 'UTC';
    const meetings = await listMeetingsOfPerson(services.db, person.id, ['proposing', 'booked']);
    if (meetings.length === 0) return { blocks: [{ type: 'text', text: 'You have no meetings being scheduled or booked.' }], visibility: 'private' };
    const blocks: Block[] = [];
    for (const m of meetings) {
      blocks.push({ type: 'header', text: `Meeting #${m.id} (need #${m.needId})` }, meetingFields(m, zone));
      if (m.status === 'proposing') {
        const slots = (await currentSlots(services.db, m.id)).filter((s) => s.start > services.now());
        if (slots.length > 0) {
          blocks.push({ type: 'text', text: `Times on offer (${zone}); ✓ = you picked it:` }, {
            type: 'actions',
            elements: slots.map((s) => ({ type: 'button', label: `${s.pickedBy.includes(person.id) ? '✓ ' : ''}${slotLabel(s, zone)}`, action: 'slot.pick', value: String(s.id) })),
          });
        }
      }
      blocks.push(meetingButtons(m));
    }
    return { blocks, visibility: 'private' };
  },
};
