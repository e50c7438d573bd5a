import type { CommandRequest } from '../../commands/types.js';
import { errorReply, textReply, type Reply } from '../../messages/reply.js';
import { notifyPerson } from '../../notify/notifyPerson.js';
import { cancelMeetingRow, findMeetingById, lockMeeting, reopenMeeting } from '../../../storage/repositories/meetings.js';
import { recordAudit } from '../../../storage/repositories/auditLog.js';
import { closedMeetingText, ownMeeting } from '../ownMeeting.js';
import { sendInvites } from '../invites/sendInvites.js';
import { withdrawMeetingJobs } from '../reminders/meetingJobs.js';
import { proposeSlots } from './proposeSlots.js';

/**
 * Reschedule (one button): a booked meeting frees its time, its reminders are withdrawn and new
 * times are proposed; once all pick one, the invite is updated (same UID, higher SEQUENCE).
 * A meeting still being scheduled just gets a fresh round of times ("Find new times").
 */
export async function rescheduleMeeting(req: CommandRequest, idText: string | undefined): Promise<Reply> {
  const { services, person } = req;
  const { meeting } = await ownMeeting(req, idText);
  const closed = closedMeetingText(meeting);
  if (closed) return errorReply(closed);
  if (meeting.status === 'booked') {
    const reopened = await services.db.transaction(async (tx) => {
      await lockMeeting(tx, meeting.id);
      if (!(await reopenMeeting(tx, meeting.id))) return false;
      await recordAudit(tx, { workspaceId: meeting.workspaceId, personId: person.id, action: 'reschedule', subjectType: 'meeting', subjectId: meeting.id });
      return true;
    });
    if (!reopened) return errorReply(`Meeting #${meeting.id} changed meanwhile.`, '/meetings shows where it stands.');
    await withdrawMeetingJobs(services, meeting.id);
    for (const p of meeting.participants) {
      if (p.personId !== person.id) await notifyPerson(services, p.personId, textReply(`${person.displayName} asked to move meeting #${meeting.id}. New times follow.`));
    }
  }
  const proposal = await proposeSlots(services, meeting.id);
  if (proposal.kind === 'proposed') return textReply(`I sent everyone ${proposal.slots.length} new times for meeting #${meeting.id}.`);
  if (proposal.kind === 'waiting_for_zone') return textReply(`I need the time zone of ${proposal.names.join(', ')} first; I asked them.`);
  return textReply(`No time fits everyone for meeting #${meeting.id}; I told all participants how to widen their availability.`);
}

/** Cancel (one button): the meeting is called off, reminders withdrawn, and a METHOD:CANCEL sent if an invite went out. */
export async function cancelMeeting(req: CommandRequest, idText: string | undefined): Promise<Reply> {
  const { services, person } = req;
  const { meeting } = await ownMeeting(req, idText);
  const closed = closedMeetingText(meeting);
  if (closed) return errorReply(closed);
  const cancelled = await services.db.transaction(async (tx) => {
    await lockMeeting(tx, meeting.id);
    if (!(await cancelMeetingRow(tx, meeting.id))) return false;
    await recordAudit(tx, { workspaceId: meeting.workspaceId, personId: person.id, action: 'cancel', subjectType: 'meeting', subjectId: meeting.id });
    return true;
  });
  if (!cancelled) return errorReply(closedMeetingText((await findMeetingById(services.db, meeting.id))!) ?? `Meeting #${meeting.id} changed meanwhile.`);
  await withdrawMeetingJobs(services, meeting.id);
  const after = (await findMeetingById(services.db, meeting.id))!;
  if (after.invited && after.startsAt && after.endsAt) {
    await sendInvites(services, after, 'cancel', { start: after.startsAt, end: after.endsAt });
  } else {
    for (const p of after.participants) await notifyPerson(services, p.personId, textReply(`Meeting #${meeting.id} was cancelled by ${person.displayName}.`));
  }
  return textReply(`Meeting #${meeting.id} is cancelled; everyone is told.`);
}
