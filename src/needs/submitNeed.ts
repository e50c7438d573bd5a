import type { CommandRequest } from '../commands/types.js';
import type { Reply } from '../messages/reply.js';
import { findNeed, moveStage, type NeedRecord } from '../../storage/repositories/needs.js';
import { endIntake } from '../../storage/repositories/needIntakes.js';
import { recordNeedEvent } from '../../storage/repositories/needEvents.js';
import { recordAudit } from '../../storage/repositories/auditLog.js';
import { briefPrivacy, storeBrief } from './brief/needBrief.js';
import { briefSummary } from './brief/storedBrief.js';
import { intakeReply, langOf } from './intake/intakeReplies.js';
import { say } from './intake/intakeText.js';
import { announceNeed } from './announceNeed.js';

/**
 * Submits a draft: draft → submitted (a conditional update, so a double press submits once and
 * notifies once), then translated once the brief is stored, then the brokers are told.
 */
export async function submitNeed(req: CommandRequest, need: NeedRecord): Promise<Reply> {
  const { services, person } = req;
  const { db } = services;
  const lang = langOf(need);
  const won = await db.transaction(async (tx) => {
    if (!(await moveStage(tx, person.workspaceId, need.id, 'draft', 'submitted'))) return false;
    await endIntake(tx, need.id);
    await recordNeedEvent(tx, { needId: need.id, workspaceId: person.workspaceId, personId: person.id, kind: 'submitted', fromStage: 'draft', toStage: 'submitted' });
    await recordAudit(tx, { workspaceId: person.workspaceId, personId: person.id, action: 'update', subjectType: 'need', subjectId: need.id, detail: { stage: 'submitted' } });
    return true;
  });
  if (!won) return intakeReply({ type: 'text', text: say('alreadySubmitted', lang, { id: need.id }) });
  if (!briefSummary(need.brief)) {
    await storeBrief(services, need.id, need.text, briefPrivacy(need));
  }
  const translated = briefSummary((await findNeed(db, person.workspaceId, need.id))?.brief) !== undefined;
  if (translated && (await moveStage(db, person.workspaceId, need.id, 'submitted', 'translated'))) {
    await recordNeedEvent(db, { needId: need.id, workspaceId: person.workspaceId, kind: 'stage', fromStage: 'submitted', toStage: 'translated' });
  }
  await announceNeed(services, (await findNeed(db, person.workspaceId, need.id))!);
  return intakeReply({ type: 'text', text: say('submitted', lang, { id: need.id }) });
}

/** Cancels a draft (draft → withdrawn); the record stays for statistics. */
export async function cancelDraft(req: CommandRequest, need: NeedRecord): Promise<Reply> {
  const { services, person } = req;
  const lang = langOf(need);
  await services.db.transaction(async (tx) => {
    if (!(await moveStage(tx, person.workspaceId, need.id, 'draft', 'withdrawn'))) return;
    await endIntake(tx, need.id);
    await recordNeedEvent(tx, { needId: need.id, workspaceId: person.workspaceId, personId: person.id, kind: 'stage', fromStage: 'draft', toStage: 'withdrawn' });
  });
  return intakeReply({ type: 'text', text: say('cancelled', lang, { id: need.id }) });
}
