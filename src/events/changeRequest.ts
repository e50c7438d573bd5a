import type { CommandRequest } from '../commands/types.js';
import { UserFacingError } from '../errors.js';
import { textReply, type Reply } from '../messages/reply.js';
import { notifyPerson } from '../notify/notifyPerson.js';
import { listParticipants } from '../../storage/repositories/eventParticipants.js';
import { findRequest, setRequestPriority, setRequestStatus } from '../../storage/repositories/eventRequests.js';
import { loadEvent, requireEventBroker } from './eventAccess.js';
import { participantLabel } from './notifyAgendas.js';
import { rescheduleIfScheduled } from './runEventSchedule.js';

export const WITHDRAW_USAGE = '/event withdraw <event> <request id>';
export const PRIORITY_USAGE = '/event priority <event> <request id> <0-9>';

/** The event and one of its requests from "<event> <request id> …", or a friendly error. */
async function eventRequest(req: CommandRequest, usage: string) {
  const [eventText, requestText, ...rest] = req.args.split(/\s+/).filter(Boolean);
  if (!eventText || !requestText) throw new UserFacingError('bad_request_id', 'Name the event and the request.', `Usage: ${usage}`);
  const event = await loadEvent(req.services, req.person, eventText);
  const id = /^#?(\d{1,15})$/.exec(requestText)?.[1];
  const request = id === undefined ? undefined : await findRequest(req.services.db, event.id, Number(id));
  if (!request) throw new UserFacingError('request_not_found', `Event #${event.id} has no request ${requestText.slice(0, 20)}.`, `/event ${event.id} lists yours.`);
  return { event, request, rest };
}

/**
 * `/event withdraw <event> <request>`: either side calls a request (or its meeting) off; the
 * other side is told, and a published agenda is rescheduled around the gap.
 */
export async function withdrawRequest(req: CommandRequest): Promise<Reply> {
  const { services, person } = req;
  const { event, request } = await eventRequest(req, WITHDRAW_USAGE);
  const participants = await listParticipants(services.db, event.id);
  const me = participants.find((p) => p.personId === person.id);
  if (!me || (me.id !== request.requesterId && me.id !== request.targetId)) {
    throw new UserFacingError('not_yours', `Request #${request.id} is not one of yours.`);
  }
  if (!(await setRequestStatus(services.db, request.id, ['pending', 'accepted'], 'withdrawn'))) {
    throw new UserFacingError('already_closed', `Request #${request.id} is already ${request.status}.`);
  }
  const other = participants.find((p) => p.id === (me.id === request.requesterId ? request.targetId : request.requesterId))!;
  await notifyPerson(services, other.personId, textReply(`${participantLabel(me)} withdrew meeting request #${request.id} at ${event.name}.`));
  const rescheduled = request.status === 'accepted' && (await rescheduleIfScheduled(services, event.id));
  return textReply(`Withdrawn: request #${request.id} with ${participantLabel(other)}.${rescheduled ? ' The agenda was updated.' : ''}`);
}

/** `/event priority <event> <request> <0-9>`: brokers rank one-sided requests (mutual ones go first anyway). */
export async function prioritiseRequest(req: CommandRequest): Promise<Reply> {
  const { services, person } = req;
  await requireEventBroker(services, person, 'set priorities');
  const { event, request, rest } = await eventRequest(req, PRIORITY_USAGE);
  if (rest.length !== 1 || !/^\d$/.test(rest[0]!)) throw new UserFacingError('bad_priority', 'A priority is a number from 0 to 9 (higher first).', `Usage: ${PRIORITY_USAGE}`);
  await setRequestPriority(services.db, request.id, Number(rest[0]));
  return textReply(`Request #${request.id} has priority ${rest[0]}${event.status === 'scheduled' ? '; it counts when the agenda is next rescheduled, without moving placed meetings' : ''}.`);
}
