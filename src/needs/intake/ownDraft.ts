import type { CommandRequest } from '../../commands/types.js';
import { UserFacingError } from '../../errors.js';
import { findNeed, type NeedRecord } from '../../../storage/repositories/needs.js';
import { needNotFound, parseNeedId } from '../needAccess.js';
import { langOf } from './intakeReplies.js';
import { say } from './intakeText.js';

/**
 * The need a button in the intake refers to, if it is the presser's own draft. Someone else's
 * (or a made-up id) is "not found"; the presser's own, already submitted, is "already submitted".
 */
export async function ownDraft(req: CommandRequest, idText: string): Promise<NeedRecord> {
  const id = parseNeedId(idText);
  const need = id === undefined ? undefined : await findNeed(req.services.db, req.person.workspaceId, id);
  if (!need || need.ownerPersonId !== req.person.id) throw needNotFound(idText);
  if (need.status !== 'draft') {
    const key = need.status === 'withdrawn' ? 'cancelled' : 'alreadySubmitted';
    throw new UserFacingError('need_not_draft', say(key, langOf(need), { id: need.id }));
  }
  return need;
}
