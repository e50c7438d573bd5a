import type { CommandRequest } from '../../commands/types.js';
import type { Block, Reply } from '../../messages/reply.js';
import { findNeed, mergeDraftAnswers, replaceDraftText, type NeedRecord } from '../../../storage/repositories/needs.js';
import { findIntake, setAwaiting, startIntake as saveIntake } from '../../../storage/repositories/needIntakes.js';
import { recordNeedEvent } from '../../../storage/repositories/needEvents.js';
import { briefPrivacy, storeBrief } from '../brief/needBrief.js';
import { detectNeedLanguage } from './detectNeedLanguage.js';
import { guessAnswers } from './guessAnswers.js';
import { fieldById, matchOption, nextMissing } from './intakeFields.js';
import { intakeReply, langOf, questionBlocks, reviewBlocks, understoodBlocks } from './intakeReplies.js';
import { isSubmitWord, say } from './intakeText.js';
import { submitNeed } from '../submitNeed.js';
import { currentStepBlocks } from './resumeIntake.js';

/** Typed text while an intake is running: the answer to the question asked last. */
export async function answerTyped(req: CommandRequest, need: NeedRecord, awaiting: string | undefined, text: string): Promise<Reply | Reply[]> {
  const lang = langOf(need);
  if (awaiting === undefined) {
    if (isSubmitWord(text)) return submitNeed(req, need);
    return intakeReply({ type: 'context', text: say('reviewHint', lang) }, ...currentStepBlocks(need, undefined));
  }
  if (awaiting === 'description') return applyAnswer(req, need, 'description', text);
  const field = fieldById(awaiting);
  if (!field) return applyAnswer(req, need, 'description', text);
  const option = matchOption(field, text);
  if (option) return applyAnswer(req, need, field.id, option.value);
  if (field.acceptsText || !field.options) return applyAnswer(req, need, field.id, text.slice(0, 300));
  return intakeReply({ type: 'text', text: say('pickOne', lang) }, ...questionBlocks(need, field));
}

/**
 * Stores one answer (or a new description), then asks the next missing question or shows the
 * review. Idempotent: the same answer twice changes nothing but is acknowledged again.
 */
export async function applyAnswer(req: CommandRequest, need: NeedRecord, fieldId: string, value: string): Promise<Reply> {
  const { services, person } = req;
  const { db } = services;
  const editing = fieldId === 'description' || need.constraints[fieldId] !== undefined;
  if (fieldId === 'description') {
    const language = detectNeedLanguage(value);
    if (await replaceDraftText(db, need.id, value, language)) {
      // What the new description makes clear need not be asked (answers already given stay).
      const guessed = Object.entries(guessAnswers(value)).filter(([k]) => need.constraints[k] === undefined);
      if (guessed.length > 0) await mergeDraftAnswers(db, need.id, Object.fromEntries(guessed));
      const brief = await storeBrief(services, need.id, value, briefPrivacy(need));
      if (brief.kind === 'clarify') {
        await recordNeedEvent(db, { needId: need.id, workspaceId: person.workspaceId, personId: person.id, kind: 'edited', detail: { field: 'description' } });
        await setAwaiting(db, person.id, need.id, 'description');
        return intakeReply({ type: 'text', text: brief.question });
      }
    }
  } else if (need.constraints[fieldId] !== value) {
    const confidential = fieldId === 'visibility' ? value !== 'named' : undefined;
    await mergeDraftAnswers(db, need.id, { [fieldId]: value }, confidential);
  }
  await recordNeedEvent(db, { needId: need.id, workspaceId: person.workspaceId, personId: person.id, kind: editing ? 'edited' : 'answered', detail: { field: fieldId } });
  const fresh = (await findNeed(db, person.workspaceId, need.id))!;
  const next = nextMissing(fresh.constraints);
  // The intake row may be gone if this came from a form or an old button: put it back.
  if (!(await findIntake(db, person.id))) await saveIntake(db, person.id, need.id, next?.id);
  else await setAwaiting(db, person.id, need.id, next?.id);
  const lang = langOf(fresh);
  const blocks: Block[] = next
    ? [{ type: 'text', text: say('noted', lang) }, ...questionBlocks(fresh, next)]
    : [...understoodBlocks(fresh), ...reviewBlocks(fresh)];
  return intakeReply(...blocks);
}

/** "Change…": asks one question again, whatever its current answer. */
export async function askAgain(req: CommandRequest, need: NeedRecord, fieldId: string): Promise<Reply> {
  const field = fieldId === 'description' ? 'description' : fieldById(fieldId);
  if (!field) return intakeReply(...currentStepBlocks(need, undefined));
  const { db } = req.services;
  if (!(await findIntake(db, req.person.id))) await saveIntake(db, req.person.id, need.id, fieldId);
  else await setAwaiting(db, req.person.id, need.id, fieldId);
  return intakeReply(...questionBlocks(need, field));
}
