import type { CommandRequest } from '../commands/types.js';
import { UserFacingError } from '../errors.js';
import { reply, textReply, type Reply } from '../messages/reply.js';
import { notifyPerson } from '../notify/notifyPerson.js';
import { findParticipantForOutcome, findParticipantOfPerson, type EventParticipantRecord } from '../../storage/repositories/eventParticipants.js';
import { findRequestBetween, insertRequest, makeMutual } from '../../storage/repositories/eventRequests.js';
import type { EventRecord } from '../../storage/repositories/events.js';
import type { Services } from '../app/services.js';
import { loadEvent, mentionedName, outcomeNamed, personNamed, requireNotOver } from './eventAccess.js';
import { participantLabel } from './notifyAgendas.js';
import { rescheduleIfScheduled } from './runEventSchedule.js';

export const REQUEST_USAGE = '/event request <event> @person | <outcome id>';

/** The participant behind "@person" or an outcome id, who must have joined the event. */
async function targetOf(services: Services, event: EventRecord, workspaceId: string, text: string): Promise<EventParticipantRecord> {
  const name = mentionedName(text);
  if (name !== undefined) {
    const person = await personNamed(services, workspaceId, name);
    const target = await findParticipantOfPerson(services.db, event.id, person.id);
    if (!target) throw new UserFacingError('not_joined', `${person.displayName} has not joined event #${event.id} yet.`, `They can join with /event join ${event.id}.`);
    return target;
  }
  const outcome = await outcomeNamed(services, text);
  const team = await findParticipantForOutcome(services.db, event.id, outcome.id);
  if (!team) throw new UserFacingError('team_absent', `Nobody stands for “${outcome.title}” at event #${event.id} yet.`, `Someone from the team can join with /event join ${event.id} for ${text}.`);
  return team;
}

/**
 * `/event request <event> @person | <outcome id>`: asks another participant (or an outcome's
 * team) for a meeting; they accept or decline by button. Asking someone who already asked you
 * accepts theirs, as a mutual request.
 */
export async function requestMeeting(req: CommandRequest): Promise<Reply> {
  const { services, person } = req;
  const [idText, ...rest] = req.args.split(/\s+/).filter(Boolean);
  const targetText = rest.join(' ');
  if (!idText || !targetText) throw new UserFacingError('bad_request', 'Name one event and one person or outcome.', `Usage: ${REQUEST_USAGE}`);
  const event = await loadEvent(services, person, idText);
  requireNotOver(event, services.now());
  const me = await findParticipantOfPerson(services.db, event.id, person.id);
  if (!me) throw new UserFacingError('not_joined', `Join event #${event.id} first.`, `/event join ${event.id} [HH:MM-HH:MM]`);
  const target = await targetOf(services, event, person.workspaceId, targetText);
  if (target.id === me.id) throw new UserFacingError('self_request', 'You cannot ask yourself for a meeting.');
  const existing = await findRequestBetween(services.db, event.id, me.id, target.id);
  if (existing) return answerExisting(services, event, existing, me, target);
  const created = await insertRequest(services.db, event.id, me.id, target.id);
  if (!created) return requestMeeting(req); // the other side asked at the same moment: answer as above
  await notifyPerson(services, target.personId, reply(
    { type: 'text', text: `${participantLabel(me)} asks to meet ${target.outcomeTitle ? `the team of “${target.outcomeTitle}”` : 'you'} at ${event.name} (event #${event.id}).` },
    { type: 'actions', elements: [
      { type: 'button', label: 'Accept', action: 'event.accept', value: String(created.id), style: 'primary' },
      { type: 'button', label: 'Decline', action: 'event.decline', value: String(created.id) },
    ] },
  ));
  return textReply(`Request #${created.id} sent to ${participantLabel(target)}. You will see the meeting on your agenda once they accept.`);
}

async function answerExisting(
  services: Services, event: EventRecord, existing: { id: number; requesterId: number; status: string; mutual: boolean },
  me: EventParticipantRecord, target: EventParticipantRecord,
): Promise<Reply> {
  const who = participantLabel(target);
  if (existing.requesterId === me.id || existing.mutual) {
    if (existing.status === 'withdrawn') throw new UserFacingError('withdrawn', `You withdrew your request to ${who} (#${existing.id}); it cannot be sent again.`);
    throw new UserFacingError('duplicate_request', `You already asked ${who} (request #${existing.id}, ${existing.status}).`);
  }
  if (existing.status === 'declined' || existing.status === 'withdrawn') {
    throw new UserFacingError('closed_request', `${who} asked you earlier and that request is ${existing.status} (#${existing.id}).`);
  }
  if (!(await makeMutual(services.db, existing.id))) throw new UserFacingError('stale', 'That request changed meanwhile; try again.');
  const rescheduled = await rescheduleIfScheduled(services, event.id);
  return textReply(`${who} had already asked you: request #${existing.id} is now accepted as mutual and goes first.${rescheduled ? ' The agenda was updated.' : ''}`);
}
