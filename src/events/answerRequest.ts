import type { ActionHandler, CommandRequest } from '../commands/types.js';
import { errorReply, textReply, type Reply } from '../messages/reply.js';
import { notifyPerson } from '../notify/notifyPerson.js';
import { findEvent } from '../../storage/repositories/events.js';
import { findParticipantOfPerson, listParticipants } from '../../storage/repositories/eventParticipants.js';
import { findRequestById, setRequestStatus } from '../../storage/repositories/eventRequests.js';
import { participantLabel } from './notifyAgendas.js';
import { rescheduleIfScheduled } from './runEventSchedule.js';

/**
 * The Accept / Decline buttons of a meeting request. Only the person asked may answer, once:
 * a conditional update decides a double press, and an old button says what happened.
 */
async function answerRequest(req: CommandRequest & { value?: string }, answer: 'accepted' | 'declined'): Promise<Reply> {
  const { services, person } = req;
  const id = /^\d{1,15}$/.test(req.value ?? '') ? Number(req.value) : undefined;
  const request = id === undefined ? undefined : await findRequestById(services.db, id);
  const event = request && await findEvent(services.db, person.workspaceId, request.eventId);
  if (!request || !event) return errorReply('That request is no longer active.');
  const me = await findParticipantOfPerson(services.db, event.id, person.id);
  if (me?.id !== request.targetId) return errorReply('This request was not addressed to you.');
  if (!(await setRequestStatus(services.db, request.id, ['pending'], answer))) {
    const now = await findRequestById(services.db, request.id);
    return errorReply(`Request #${request.id} is already ${now?.status ?? 'gone'}.`);
  }
  const requester = (await listParticipants(services.db, event.id)).find((p) => p.id === request.requesterId);
  if (requester) await notifyPerson(services, requester.personId, textReply(`${participantLabel(me)} ${answer} your meeting request #${request.id} at ${event.name}.`));
  const rescheduled = answer === 'accepted' && (await rescheduleIfScheduled(services, event.id));
  const who = requester ? participantLabel(requester) : 'them';
  if (answer === 'declined') return textReply(`Declined: no meeting with ${who} at ${event.name}.`);
  return textReply(`Accepted: you will meet ${who} at ${event.name}${rescheduled ? '; the agenda was updated' : ' once the agenda is scheduled'}.`);
}

export const acceptRequestAction: ActionHandler = { action: 'event.accept', run: (req) => answerRequest(req, 'accepted') };
export const declineRequestAction: ActionHandler = { action: 'event.decline', run: (req) => answerRequest(req, 'declined') };
