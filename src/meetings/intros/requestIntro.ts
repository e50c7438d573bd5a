import type { CommandRequest } from '../../commands/types.js';
import { errorReply, textReply, type Reply } from '../../messages/reply.js';
import { UserFacingError } from '../../errors.js';
import { findOutcome } from '../../../storage/repositories/outcomes.js';
import { findIntro, findOutcomeContact, insertIntro, setOutcomeContact } from '../../../storage/repositories/intros.js';
import { recordAudit } from '../../../storage/repositories/auditLog.js';
import { loadVisibleNeed, requireBroker, viewerOf } from '../../needs/needAccess.js';
import { advanceNeed } from '../advanceNeed.js';
import { findMentionedPerson } from '../findPerson.js';
import { askIntroSide } from './introAsk.js';
import { INTRO_FOLLOW_UP_JOB } from './introFollowUp.js';

const CLOSED = new Set(['draft', 'closed', 'withdrawn']);

/**
 * `/intro <need> <outcome> [@researcher]`: a broker proposes an introduction. The researcher
 * named is remembered as the outcome's contact in this workspace, so later intros for the same
 * outcome may leave the mention out.
 */
export async function requestIntro(req: CommandRequest, needText: string, outcomeText: string, mention: string | undefined): Promise<Reply> {
  const { services, person } = req;
  const ws = person.workspaceId;
  const viewer = await viewerOf(services, person);
  requireBroker(viewer, 'request introductions');
  const need = await loadVisibleNeed(services, viewer, needText);
  if (CLOSED.has(need.status)) return errorReply(`Need #${need.id} is ${need.status}; introductions are for active needs.`);
  if (need.ownerPersonId === undefined) return errorReply(`Need #${need.id} has no contact person any more, so there is nobody to introduce.`);
  const outcome = await findOutcome(services.db, outcomeText);
  if (!outcome) {
    return errorReply(`I could not find outcome ${outcomeText.slice(0, 40)}.`, 'Use its number or source id, as /match or /search shows them.');
  }
  const researcher = mention ? await findMentionedPerson(services, ws, mention) : undefined;
  if (researcher && researcher.role !== 'researcher') {
    return errorReply(`${researcher.displayName} is not a researcher.`, `An admin can make them one: /role @${researcher.displayName} researcher <university>`);
  }
  const researcherId = researcher?.id ?? (await findOutcomeContact(services.db, ws, outcome.id));
  if (researcherId === undefined) {
    throw new UserFacingError('no_outcome_contact', `Who answers for “${outcome.title.slice(0, 80)}”?`, `Name them once: /intro ${need.id} ${outcome.sourceId} @researcher (I will remember them for this outcome).`);
  }
  if (researcherId === need.ownerPersonId) return errorReply('The researcher and the enterprise contact are the same person.');
  const introId = await services.db.transaction(async (tx) => {
    if (researcher) await setOutcomeContact(tx, ws, outcome.id, researcher.id, person.id);
    const id = await insertIntro(tx, { workspaceId: ws, needId: need.id, outcomeId: outcome.id, brokerPersonId: person.id, enterprisePersonId: need.ownerPersonId!, researcherPersonId: researcherId });
    if (id === undefined) return undefined;
    await advanceNeed(tx, ws, need.id, 'intro_requested', person.id);
    await recordAudit(tx, { workspaceId: ws, personId: person.id, action: 'create', subjectType: 'intro', subjectId: id, detail: { need: need.id, outcome: outcome.id } });
    return id;
  });
  if (introId === undefined) return textReply(`An introduction for need #${need.id} and “${outcome.title.slice(0, 80)}” is already open; /intro list shows it.`);
  const intro = (await findIntro(services.db, ws, introId))!;
  await askIntroSide(services, intro, 'enterprise', '');
  await askIntroSide(services, intro, 'researcher', '');
  await services.jobs?.send(INTRO_FOLLOW_UP_JOB, { introId, step: 'nudge' }, {
    at: new Date(services.now().getTime() + services.config.INTRO_NUDGE_HOURS * 3_600_000),
    key: `intro:${introId}:nudge`,
  });
  const names = intro.parties.map((p) => p.displayName ?? '?').join(' and ');
  return textReply(`Introduction #${introId} requested: need #${need.id} ↔ “${outcome.title.slice(0, 80)}”. I asked ${names} separately; you will hear when they answer.`);
}
