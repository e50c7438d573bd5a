import type { CommandRequest } from '../../commands/types.js';
import { errorReply, textReply, type Reply } from '../../messages/reply.js';
import { notifyPerson } from '../../notify/notifyPerson.js';
import { listFeedback, saveFeedback } from '../../../storage/repositories/meetingFeedback.js';
import { setMeetingHappened } from '../../../storage/repositories/meetings.js';
import { recordAudit } from '../../../storage/repositories/auditLog.js';
import { advanceNeed } from '../advanceNeed.js';
import { ownMeeting } from '../ownMeeting.js';
import { spanInZone } from '../scheduling/timeZones.js';
import { feedbackInput } from './feedbackInput.js';

const COMMITTING = new Set(['pilot_test', 'contract']);

/**
 * Saves one party's feedback and moves the need: a meeting someone says happened is held and
 * the need "met"; when the enterprise and the researcher both name a pilot test or a contract
 * as the next step, the need reaches "agreement". A meeting reported as not held is flagged to
 * the broker.
 */
export async function recordFeedbackAs(req: CommandRequest, meetingIdText: string, values: Record<string, string>): Promise<Reply> {
  const { services, person } = req;
  const { meeting, me } = await ownMeeting(req, meetingIdText);
  if (meeting.status === 'proposing' || meeting.status === 'cancelled' || !meeting.startsAt) {
    return errorReply(`Meeting #${meeting.id} has not taken place (it is ${meeting.status === 'cancelled' ? 'cancelled' : 'not booked yet'}).`);
  }
  if (meeting.startsAt > services.now()) {
    return errorReply(`Meeting #${meeting.id} has not happened yet: it is on ${spanInZone(meeting.startsAt, meeting.endsAt!, me.timeZone ?? 'UTC')}.`);
  }
  const parsed = feedbackInput.safeParse(values);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'happened'), i.message]));
    return { ...errorReply(`I could not read that feedback: ${Object.values(fieldErrors).join(' ')}`, `For example: /feedback ${meeting.id} yes 4 pilot_test Good fit`), fieldErrors };
  }
  const f = parsed.data;
  const moved = await services.db.transaction(async (tx) => {
    const saved = await saveFeedback(tx, { meetingId: meeting.id, personId: person.id, role: me.role, happened: f.happened, usefulness: f.usefulness, nextStep: f.next_step, comment: f.comment });
    if (!saved) return undefined;
    await recordAudit(tx, { workspaceId: person.workspaceId, personId: person.id, action: 'create', subjectType: 'feedback', subjectId: meeting.id });
    await setMeetingHappened(tx, meeting.id, f.happened);
    const stages: string[] = [];
    if (f.happened && (await advanceNeed(tx, meeting.workspaceId, meeting.needId, 'met', person.id))) stages.push('met');
    const all = await listFeedback(tx, meeting.id);
    const committed = (role: string) => all.some((x) => x.role === role && x.happened && COMMITTING.has(x.nextStep));
    if (committed('enterprise') && committed('researcher') && (await advanceNeed(tx, meeting.workspaceId, meeting.needId, 'agreement', person.id))) stages.push('agreement');
    return stages;
  });
  if (!moved) return textReply(`You already gave feedback on meeting #${meeting.id}. Thank you!`);
  if (!f.happened && meeting.organizerPersonId !== undefined && meeting.organizerPersonId !== person.id) {
    await notifyPerson(services, meeting.organizerPersonId, textReply(
      `Flag: ${person.displayName} says meeting #${meeting.id} (need #${meeting.needId}) did not happen.${f.comment ? ` They wrote: ${f.comment}` : ''}`,
    ));
  }
  return textReply(`Thank you for your feedback on meeting #${meeting.id}.${moved.length > 0 ? ` Need #${meeting.needId} is now at “${moved.at(-1)}”.` : ''}`);
}
