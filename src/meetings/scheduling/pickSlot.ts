import type { Services } from '../../app/services.js';
import type { CommandRequest } from '../../commands/types.js';
import { errorReply, textReply, type Reply } from '../../messages/reply.js';
import { bookMeetingAt, currentRound, findSlot, lockMeeting, pickSlot } from '../../../storage/repositories/meetings.js';
import { recordAudit } from '../../../storage/repositories/auditLog.js';
import { advanceNeed } from '../advanceNeed.js';
import { closedMeetingText, ownMeeting } from '../ownMeeting.js';
import { parseId } from '../parseId.js';
import { spanInZone } from './timeZones.js';
import { meetingBooked } from './meetingBooked.js';

/** SQLSTATE of an exclusion-constraint violation: someone in the meeting was booked meanwhile. */
const EXCLUSION_VIOLATION = '23P01';
const isExclusionViolation = (err: unknown) => err instanceof Error && (err as { code?: unknown }).code === EXCLUSION_VIOLATION;

export type PickResult = { kind: 'booked' } | { kind: 'waiting'; missing: string[] } | { kind: 'changed' } | { kind: 'taken' };

/**
 * One participant picks a proposed time. When everyone has picked the same time, it is booked
 * in the same transaction; the exclusion constraint on busy_intervals makes sure nobody in it is
 * booked twice, even when another process books an overlapping meeting at the same moment.
 */
export async function pickSlotAs(req: CommandRequest, slotIdText: string | undefined): Promise<Reply> {
  const { services, person } = req;
  const slotId = parseId(slotIdText);
  const slot = slotId === undefined ? undefined : await findSlot(services.db, slotId);
  if (!slot) return errorReply('That time is no longer on offer.', '/meetings shows the current times.');
  const { meeting, me } = await ownMeeting(req, String(slot.meetingId));
  const zone = me.timeZone ?? 'UTC';
  const closed = closedMeetingText(meeting);
  if (closed) return errorReply(closed);
  if (meeting.status === 'booked') {
    return errorReply(`Meeting #${meeting.id} is already booked for ${spanInZone(meeting.startsAt!, meeting.endsAt!, zone)}.`, 'To change it, press Reschedule in /meetings.');
  }
  if (slot.round < (await currentRound(services.db, meeting.id))) {
    return errorReply('Those times were replaced by newer ones.', 'Pick from the latest proposal; /meetings shows it.');
  }
  if (slot.start <= services.now()) {
    return errorReply('That time is already in the past.', 'Pick a later one, or press “Find new times” in /meetings.');
  }
  const result = await bookIfAllPicked(services, person.id, meeting.id, slot);
  if (result.kind === 'changed') return errorReply(`Meeting #${meeting.id} changed meanwhile.`, '/meetings shows where it stands.');
  if (result.kind === 'taken') {
    return errorReply(`That time was just booked for someone in this meeting, so it is gone.`, 'Pick another time, or press “Find new times” in /meetings.');
  }
  if (result.kind === 'waiting') return textReply(`Noted: you can make ${spanInZone(slot.start, slot.end, zone)}. Waiting for ${result.missing.join(', ')}.`);
  const booked = (await ownMeeting(req, String(meeting.id))).meeting;
  await meetingBooked(services, booked);
  return textReply(`Booked: meeting #${meeting.id}, ${spanInZone(slot.start, slot.end, zone)}. Everyone gets a calendar invite.`);
}

/** Records the pick and books the slot once every participant has picked it, in one transaction. */
export async function bookIfAllPicked(services: Services, personId: number, meetingId: number, slot: { id: number; start: Date; end: Date }): Promise<PickResult> {
  const { start, end } = slot;
  try {
    return await services.db.transaction(async (tx): Promise<PickResult> => {
      const meeting = await lockMeeting(tx, meetingId);
      if (!meeting || meeting.status !== 'proposing') return { kind: 'changed' };
      const picked = await pickSlot(tx, slot.id, personId);
      const missing = meeting.participants.filter((p) => !picked.includes(p.personId));
      if (missing.length > 0) return { kind: 'waiting', missing: missing.map((p) => p.displayName) };
      if (!(await bookMeetingAt(tx, meetingId, start, end))) return { kind: 'changed' };
      await advanceNeed(tx, meeting.workspaceId, meeting.needId, 'meeting_scheduled');
      await recordAudit(tx, { workspaceId: meeting.workspaceId, personId, action: 'book', subjectType: 'meeting', subjectId: meetingId, detail: { start: start.toISOString() } });
      return { kind: 'booked' };
    });
  } catch (err) {
    if (isExclusionViolation(err)) return { kind: 'taken' };
    throw err;
  }
}
