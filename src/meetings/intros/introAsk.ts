import type { Services } from '../../app/services.js';
import type { Reply } from '../../messages/reply.js';
import { findNeed } from '../../../storage/repositories/needs.js';
import { findOutcomeById } from '../../../storage/repositories/outcomes.js';
import { findProfile } from '../../../storage/repositories/personRoles.js';
import { recordAudit } from '../../../storage/repositories/auditLog.js';
import type { Intro, IntroSide } from '../../../storage/repositories/intros.js';
import { anonymisedSummary } from '../../needs/anonymiseBrief.js';
import { notifyPerson } from '../../notify/notifyPerson.js';

/**
 * Whether the researcher may read the need in full: a confidential need stays anonymised until
 * the enterprise has accepted the introduction.
 */
function researcherSeesNeed(intro: Intro, confidential: boolean): boolean {
  return !confidential || intro.parties.some((p) => p.side === 'enterprise' && p.answer === 'accepted');
}

/**
 * Asks one side of an introduction, by direct message, with what that side may see: the
 * enterprise sees the outcome (never the researcher's name yet); the researcher sees the need,
 * anonymised while it is confidential. What was shown goes to the audit log.
 */
export async function askIntroSide(services: Services, intro: Intro, side: IntroSide, opening: string): Promise<boolean> {
  const party = intro.parties.find((p) => p.side === side);
  const need = await findNeed(services.db, intro.workspaceId, intro.needId);
  const outcome = await findOutcomeById(services.db, intro.outcomeId);
  if (!party?.personId || !need || !outcome) return false;
  const broker = intro.brokerPersonId === undefined ? undefined : await findProfile(services.db, intro.brokerPersonId);
  const by = broker?.displayName ?? 'A broker';
  const full = side === 'enterprise' || researcherSeesNeed(intro, need.confidential);
  const blocks: Reply['blocks'] = side === 'enterprise'
    ? [
        { type: 'header', text: `Introduction #${intro.id}` },
        { type: 'text', text: `${opening}${by} would like to introduce you to the team behind “${outcome.title}” about your need #${need.id}.` },
        { type: 'fields', fields: [
          { label: 'Kind', value: outcome.kind },
          ...(outcome.institution ? [{ label: 'Institution', value: outcome.institution }] : []),
          ...(outcome.trl ? [{ label: 'TRL', value: String(outcome.trl) }] : []),
        ] },
      ]
    : [
        { type: 'header', text: `Introduction #${intro.id}` },
        { type: 'text', text: `${opening}${by} would like to introduce you to an enterprise, about your “${outcome.title}”. Their need:` },
        { type: 'text', text: full ? need.text || anonymisedSummary(need) : anonymisedSummary(need) },
        ...(full ? [] : [{ type: 'context' as const, text: 'The need is confidential: the company stays anonymous unless they accept too.' }]),
      ];
  blocks.push(
    { type: 'context', text: 'Names and contacts are shared only if both sides accept.' },
    { type: 'actions', elements: [
      { type: 'button', label: 'Accept', action: 'intro.accept', value: String(intro.id), style: 'primary' },
      { type: 'button', label: 'Decline', action: 'intro.decline', value: String(intro.id), style: 'danger' },
    ] },
    { type: 'context', text: `To decline with a reason (only the broker sees it): /intro decline ${intro.id} <reason>` },
  );
  await recordAudit(services.db, {
    workspaceId: intro.workspaceId, personId: party.personId, action: 'view', subjectType: 'need', subjectId: need.id,
    detail: { via: 'intro', intro: intro.id, anonymised: !full },
  });
  return notifyPerson(services, party.personId, { blocks, visibility: 'private' });
}
