import type { EventRecord } from '../../storage/repositories/events.js';
import { reply, type Reply } from '../messages/reply.js';
import { agendaCalendar, type AgendaItem } from './agendaCalendar.js';
import { eventHours, windowLabel } from './eventTimes.js';

/** A participant's personal agenda: the meetings in time order, as text and as an .ics file. */
export function agendaReply(event: EventRecord, meetings: AgendaItem[], cancelled: AgendaItem[], updated: boolean): Reply {
  const sorted = [...meetings].sort((x, y) => x.slot - y.slot);
  const intro = `${updated ? 'Your agenda changed' : 'Your agenda'} for ${event.name} (${eventHours(event)}):`;
  return {
    ...reply(
      { type: 'header', text: `Event #${event.id}: ${event.name}` },
      { type: 'text', text: sorted.length === 0 ? `${intro} no meetings could be placed for you.` : intro },
      ...(sorted.length > 0 ? [{ type: 'list' as const, items: sorted.map((m) => `${windowLabel(event, m.slot)} · table ${m.table + 1} · ${m.withWhom}`) }] : []),
      ...(cancelled.length > 0 ? [{ type: 'context' as const, text: `No longer on your agenda: ${cancelled.map((m) => m.withWhom).join(', ')}.` }] : []),
      { type: 'context', text: 'The calendar file updates the entries of an earlier agenda.' },
    ),
    attachments: [agendaCalendar(event, sorted, cancelled)],
    visibility: 'private',
  };
}
