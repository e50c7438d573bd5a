import type { PlainTextHandler } from '../../commands/router.js';
import { errorReply } from '../../messages/reply.js';
import { endIntake, findIntake } from '../../../storage/repositories/needIntakes.js';
import { findNeed } from '../../../storage/repositories/needs.js';
import { answerTyped } from './answerIntake.js';
import { startIntake } from './startIntake.js';
import { languageError } from '../../translate/needText.js';

/** Long enough to be a description of a need rather than chatter ("hi", "blah blah"). */
export function looksLikeNeed(text: string): boolean {
  const han = text.match(/[\u3400-\u9fff]/gu)?.length ?? 0;
  return han >= 8 || text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length >= 5;
}

/**
 * Plain text in a DM: the answer to the intake's current question, or the start of a new need.
 * In a shared channel, or for short chatter, the usual "did not understand".
 */
export const intakePlainText: PlainTextHandler = async (req) => {
  const { services, person, actor, text } = req;
  const intake = await findIntake(services.db, person.id);
  if (intake) {
    const need = await findNeed(services.db, person.workspaceId, intake.needId);
    if (need?.status === 'draft' && need.ownerPersonId === person.id) return answerTyped(req, need, intake.awaiting, text);
    await endIntake(services.db, intake.needId);
  }
  if (actor.direct && looksLikeNeed(text)) return startIntake(req, text);
  // A short message in another language ("タイルが割れます") is told which languages work, not "did not understand".
  const language = actor.direct ? languageError(text.trim()) : undefined;
  if (language) return errorReply(language.message, language.hint);
  return errorReply('I did not understand that.', 'Describe what your company needs in a sentence or two, or type /help to see what I can do.');
};

