import { reply, type Reply } from '../messages/reply.js';
import type { EventScheduleResult } from './runEventSchedule.js';

/** What the broker sees after a scheduling: placed vs accepted vs the bound, moves, reach. */
export function scheduleSummary(r: EventScheduleResult): Reply {
  const { event } = r;
  const rescheduled = event.scheduleVersion > 1;
  return reply(
    { type: 'header', text: `Event #${event.id}: ${event.name} ${rescheduled ? 'rescheduled' : 'scheduled'}` },
    { type: 'fields', fields: [
      { label: 'Meetings placed', value: `${r.scheduled} of ${r.accepted} accepted requests` },
      { label: 'Most possible', value: `${r.upperBound} (upper bound from participants' slots and tables)` },
      ...(rescheduled ? [{ label: 'Already placed', value: `${r.kept} kept their slot, ${r.moved} moved or dropped` }] : []),
      { label: 'Agendas sent', value: String(r.notified) },
    ] },
  );
}
