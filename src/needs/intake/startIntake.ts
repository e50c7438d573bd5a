import type { CommandRequest } from '../../commands/types.js';
import type { Reply } from '../../messages/reply.js';
import { findNeed, insertDraftNeed } from '../../../storage/repositories/needs.js';
import { findIntake, startIntake as saveIntake } from '../../../storage/repositories/needIntakes.js';
import { recordNeedEvent } from '../../../storage/repositories/needEvents.js';
import { recordAudit } from '../../../storage/repositories/auditLog.js';
import { findProfile } from '../../../storage/repositories/personRoles.js';
import { storeBrief } from '../brief/needBrief.js';
import { setAwaiting } from '../../../storage/repositories/needIntakes.js';
import { detectNeedLanguage } from './detectNeedLanguage.js';
import { guessAnswers } from './guessAnswers.js';
import { nextMissing } from './intakeFields.js';
import { resumeIntake } from './resumeIntake.js';
import { intakeReply, questionBlocks, reviewBlocks, understoodBlocks } from './intakeReplies.js';
import { say } from './intakeText.js';

/**
 * Starts an intake from a description (plain text, `/need <text>` or a form): stores a draft
 * need, shows what was understood, and asks the first missing question. A person already in
 * an intake is taken back to it instead, so nothing is duplicated.
 */
export async function startIntake(req: CommandRequest, text: string, given: Record<string, string> = {}): Promise<Reply> {
  const { services, person } = req;
  const { db } = services;
  if (await findIntake(db, person.id)) return resumeIntake(req);
  const profile = await findProfile(db, person.id);
  const language = detectNeedLanguage(text);
  const answers: Record<string, string> = { ...guessAnswers(text), ...given };
  if (profile?.orgName && !answers.company) answers.company = profile.orgName;
  const first = nextMissing(answers);
  const needId = await db.transaction(async (tx) => {
    const id = await insertDraftNeed(tx, {
      workspaceId: person.workspaceId, ownerPersonId: person.id, orgId: profile?.orgId, text, language, constraints: answers,
      confidential: answers.visibility !== 'named',
    });
    // A second message raced us and started an intake first: roll this draft back, resume that one.
    if (!(await saveIntake(tx, person.id, id, first?.id))) throw new LostRace();
    await recordNeedEvent(tx, { needId: id, workspaceId: person.workspaceId, personId: person.id, kind: 'created', toStage: 'draft' });
    await recordAudit(tx, { workspaceId: person.workspaceId, personId: person.id, action: 'create', subjectType: 'need', subjectId: id });
    return id;
  }).catch((err: unknown) => {
    if (err instanceof LostRace) return undefined;
    throw err;
  });
  if (needId === undefined) return resumeIntake(req);
  const brief = await storeBrief(services, needId, text, { confidential: answers.visibility !== 'named', company: answers.company, contactName: person.displayName });
  const need = (await findNeed(db, person.workspaceId, needId))!;
  const lang = language;
  if (brief.kind === 'clarify') {
    // Too vague to translate: ask for a better description before anything else.
    await setAwaiting(db, person.id, needId, 'description');
    return intakeReply(...understoodBlocks(need), { type: 'text', text: brief.question });
  }
  return intakeReply(
    ...understoodBlocks(need),
    ...(first ? [{ type: 'context' as const, text: `${say('missingIntro', lang)} ${say('editLater', lang)}` }, ...questionBlocks(need, first)] : reviewBlocks(need)),
  );
}

class LostRace extends Error {}
