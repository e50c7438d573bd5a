import type { CommandRequest } from '../commands/types.js';
import { UserFacingError } from '../errors.js';
import { findMeeting, type Meeting, type MeetingParticipant } from '../../storage/repositories/meetings.js';
import { parseId } from './parseId.js';

/** A meeting this person takes part in; anything else gets the same "not found" as a wrong number. */
export async function ownMeeting(req: CommandRequest, idText: string | undefined): Promise<{ meeting: Meeting; me: MeetingParticipant }> {
  const id = parseId(idText);
  const meeting = id === undefined ? undefined : await findMeeting(req.services.db, req.person.workspaceId, id);
  const me = meeting?.participants.find((p) => p.personId === req.person.id);
  if (!meeting || !me) {
    throw new UserFacingError('meeting_not_found', `I could not find meeting ${(idText ?? '').slice(0, 20) || '(none)'} for you.`, '/meetings lists yours.');
  }
  return { meeting, me };
}

/** Why a meeting can no longer be changed, or undefined when it can. */
export function closedMeetingText(meeting: Meeting): string | undefined {
  if (meeting.status === 'cancelled') return `Meeting #${meeting.id} was already cancelled.`;
  if (meeting.status === 'held' || meeting.status === 'missed') return `Meeting #${meeting.id} has already taken place.`;
  return undefined;
}
