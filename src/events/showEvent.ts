import type { CommandRequest } from '../commands/types.js';
import { reply, textReply, type Block, type Reply } from '../messages/reply.js';
import { listUpcomingEvents } from '../../storage/repositories/events.js';
import { listParticipants } from '../../storage/repositories/eventParticipants.js';
import { listRequests } from '../../storage/repositories/eventRequests.js';
import { listEventMeetings } from '../../storage/repositories/eventMeetings.js';
import { loadEvent } from './eventAccess.js';
import { eventHours, windowLabel } from './eventTimes.js';
import { participantLabel } from './notifyAgendas.js';

/** `/event`: the workspace's upcoming events. */
export async function listEvents(req: CommandRequest): Promise<Reply> {
  const events = await listUpcomingEvents(req.services.db, req.person.workspaceId, req.services.now());
  if (events.length === 0) return textReply('No upcoming events. Brokers create one with /event create.');
  return reply(
    { type: 'header', text: 'Upcoming events' },
    { type: 'list', items: events.map((e) => `#${e.id} ${e.name} · ${eventHours(e)} · ${e.status === 'scheduled' ? 'agenda out' : 'open for requests'}`) },
    { type: 'context', text: '/event <id> shows one; /event join <id> to take part.' },
  );
}

/** `/event <id>`: the event, its numbers, and the asker's own requests and agenda. */
export async function showEvent(req: CommandRequest, idText: string): Promise<Reply> {
  const { services, person } = req;
  const event = await loadEvent(services, person, idText);
  const participants = await listParticipants(services.db, event.id);
  const requests = await listRequests(services.db, event.id);
  const meetings = await listEventMeetings(services.db, event.id);
  const byId = new Map(participants.map((p) => [p.id, p]));
  const me = participants.find((p) => p.personId === person.id);
  const count = (status: string) => requests.filter((r) => r.status === status).length;
  const blocks: Block[] = [
    { type: 'header', text: `Event #${event.id}: ${event.name}` },
    { type: 'fields', fields: [
      { label: 'When', value: eventHours(event) },
      { label: 'Slots and tables', value: `${event.slots} × ${event.slotMinutes} min, ${event.tables} tables` },
      { label: 'Participants', value: String(participants.length) },
      { label: 'Requests', value: `${count('accepted')} accepted, ${count('pending')} waiting, ${count('declined')} declined` },
      { label: 'Agenda', value: event.status === 'scheduled' ? `${meetings.length} meetings placed` : 'not scheduled yet' },
    ] },
  ];
  if (!me) {
    blocks.push({ type: 'context', text: `You have not joined. /event join ${event.id} [HH:MM-HH:MM]` });
    return reply(...blocks);
  }
  const mine = requests.filter((r) => r.requesterId === me.id || r.targetId === me.id);
  if (mine.length > 0) {
    blocks.push({ type: 'text', text: 'Your requests:' }, { type: 'list', items: mine.map((r) => {
      const other = byId.get(r.requesterId === me.id ? r.targetId : r.requesterId)!;
      return `#${r.id} ${r.requesterId === me.id ? 'to' : 'from'} ${participantLabel(other)}: ${r.status}${r.mutual ? ' (mutual)' : ''}`;
    }) });
  }
  const sides = new Map(requests.map((r) => [r.id, r]));
  const agenda = meetings.filter((m) => [sides.get(m.requestId)?.requesterId, sides.get(m.requestId)?.targetId].includes(me.id));
  if (event.status === 'scheduled') {
    blocks.push({ type: 'text', text: agenda.length === 0 ? 'No meetings on your agenda.' : 'Your agenda:' });
    if (agenda.length > 0) {
      blocks.push({ type: 'list', items: agenda.map((m) => {
        const r = sides.get(m.requestId)!;
        return `${windowLabel(event, m.slot)} · table ${m.table + 1} · ${participantLabel(byId.get(r.requesterId === me.id ? r.targetId : r.requesterId)!)}`;
      }) });
    }
  }
  return { ...reply(...blocks), visibility: 'private' };
}
