import type { CommandRequest } from '../../commands/types.js';
import type { Reply } from '../../messages/reply.js';
import { findNeed } from '../../../storage/repositories/needs.js';
import { endIntake, findIntake } from '../../../storage/repositories/needIntakes.js';
import { fieldById } from './intakeFields.js';
import { intakeReply, langOf, questionBlocks, reviewBlocks, understoodBlocks } from './intakeReplies.js';
import { say } from './intakeText.js';

/** Picks an interrupted intake up where it stopped (the state is in the database). */
export async function resumeIntake(req: CommandRequest): Promise<Reply> {
  const { db } = req.services;
  const intake = await findIntake(db, req.person.id);
  const need = intake && (await findNeed(db, req.person.workspaceId, intake.needId));
  if (!intake || !need || need.status !== 'draft') {
    if (intake) await endIntake(db, intake.needId);
    return intakeReply({ type: 'text', text: 'You have no need in progress. Describe what your company needs in a message, or type /need.' });
  }
  const lang = langOf(need);
  return intakeReply({ type: 'text', text: say('welcomeBack', lang, { id: need.id }) }, ...currentStepBlocks(need, intake.awaiting));
}

/** The summary, then the question being waited for, or the review when all is answered. */
export function currentStepBlocks(need: Parameters<typeof understoodBlocks>[0], awaiting: string | undefined) {
  const field = awaiting === 'description' ? 'description' : awaiting ? fieldById(awaiting) : undefined;
  return [...understoodBlocks(need), ...(field ? questionBlocks(need, field) : reviewBlocks(need))];
}
