import type { CommandRequest } from '../../commands/types.js';
import { errorReply, textReply, type Reply } from '../../messages/reply.js';
import { claimNeed, findNeed } from '../../../storage/repositories/needs.js';
import { recordNeedEvent } from '../../../storage/repositories/needEvents.js';
import { recordAudit } from '../../../storage/repositories/auditLog.js';
import { loadVisibleNeed, requireBroker, viewerOf } from '../needAccess.js';

/**
 * A broker takes a need. A conditional update decides races: of two brokers assigning at once,
 * one wins and the other is told who has it.
 */
export async function assignNeed(req: CommandRequest, needIdText: string): Promise<Reply> {
  const { services, person } = req;
  const viewer = await viewerOf(services, person);
  requireBroker(viewer, 'take needs');
  const need = await loadVisibleNeed(services, viewer, needIdText);
  if (need.status === 'draft') return errorReply(`Need #${need.id} is still a draft; it can be taken once submitted.`);
  const won = await services.db.transaction(async (tx) => {
    if (!(await claimNeed(tx, person.workspaceId, need.id, person.id))) return false;
    await recordNeedEvent(tx, { needId: need.id, workspaceId: person.workspaceId, personId: person.id, kind: 'assigned', detail: { broker: person.id } });
    await recordAudit(tx, { workspaceId: person.workspaceId, personId: person.id, action: 'assign', subjectType: 'need', subjectId: need.id });
    return true;
  });
  if (won) return textReply(`You now broker need #${need.id}.`);
  const now = await findNeed(services.db, person.workspaceId, need.id);
  if (now?.brokerPersonId === person.id) return textReply(`You already broker need #${need.id}.`);
  return errorReply(`Need #${need.id} is already taken by ${now?.brokerName ?? 'another broker'}.`, 'Ask them, or an admin, to hand it over.');
}
