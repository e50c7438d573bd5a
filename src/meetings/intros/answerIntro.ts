import type { CommandRequest } from '../../commands/types.js';
import { errorReply, textReply, type Reply } from '../../messages/reply.js';
import { notifyPerson } from '../../notify/notifyPerson.js';
import { UserFacingError } from '../../errors.js';
import { answerIntro, findIntro, introAnswers, lockIntro, setDeclineReason, setIntroStatus, type Intro, type IntroParty } from '../../../storage/repositories/intros.js';
import { recordAudit } from '../../../storage/repositories/auditLog.js';
import { findNeed } from '../../../storage/repositories/needs.js';
import { parseId } from '../parseId.js';
import { askIntroSide } from './introAsk.js';
import { connectIntro } from './connectIntro.js';

/** The intro if this person is one of its two sides; else the same "not found" as a wrong number. */
async function ownSide(req: CommandRequest, idText: string): Promise<{ intro: Intro; party: IntroParty }> {
  const id = parseId(idText);
  const intro = id === undefined ? undefined : await findIntro(req.services.db, req.person.workspaceId, id);
  const party = intro?.parties.find((p) => p.personId === req.person.id);
  if (!intro || !party) throw new UserFacingError('intro_not_found', `I could not find introduction ${idText.slice(0, 20) || '(none)'} for you.`, 'Check the number in the message that asked you.');
  return { intro, party };
}

/**
 * Records one side's accept or decline. A decline closes the intro (the reason goes to the
 * broker only); the second accept connects both sides and starts scheduling.
 */
export async function answerIntroAs(req: CommandRequest, idText: string, answer: 'accepted' | 'declined', reason?: string): Promise<Reply> {
  const { services, person } = req;
  const { intro, party } = await ownSide(req, idText);
  if (party.answer) {
    if (party.answer === 'declined' && answer === 'declined' && reason) {
      await setDeclineReason(services.db, intro.id, party.side, reason);
      await tellBrokerOfDecline(req, intro, reason);
      return textReply('Thank you, I passed your reason on to the broker (nobody else sees it).');
    }
    return textReply(`You already ${party.answer} introduction #${intro.id}.`);
  }
  if (intro.status !== 'pending' && intro.status !== 'stale') return errorReply(`Introduction #${intro.id} is no longer open (${intro.status}).`);
  const now = services.now();
  const status = await services.db.transaction(async (tx) => {
    await lockIntro(tx, intro.id);
    if (!(await answerIntro(tx, intro.id, party.side, answer, reason, now))) return 'gone' as const;
    await recordAudit(tx, { workspaceId: person.workspaceId, personId: person.id, action: answer === 'accepted' ? 'accept' : 'decline', subjectType: 'intro', subjectId: intro.id });
    if (answer === 'declined') {
      await setIntroStatus(tx, intro.id, ['pending', 'stale'], 'declined', now);
      return 'declined' as const;
    }
    const answers = await introAnswers(tx, intro.id);
    if (answers.enterprise !== 'accepted' || answers.researcher !== 'accepted') return 'waiting' as const;
    await setIntroStatus(tx, intro.id, ['pending', 'stale'], 'accepted', now);
    return 'accepted' as const;
  });
  const fresh = (await findIntro(services.db, person.workspaceId, intro.id))!;
  if (status === 'gone') return errorReply(`Introduction #${intro.id} changed meanwhile; it is ${fresh.status} now.`);
  if (status === 'declined') {
    await tellBrokerOfDecline(req, fresh, reason);
    for (const p of fresh.parties) {
      if (p.answer === 'accepted' && p.personId !== undefined) await notifyPerson(services, p.personId, textReply(`Introduction #${intro.id} will not go ahead. Thank you for your time.`));
    }
    return {
      blocks: [
        { type: 'text', text: `Declined introduction #${intro.id}. The broker is told; the other side only hears that it will not go ahead.` },
        ...(reason ? [] : [{ type: 'context' as const, text: `You may add a reason for the broker: /intro decline ${intro.id} <reason>` }]),
      ],
    };
  }
  if (status === 'waiting') {
    // The enterprise said yes: the researcher may now read the confidential need in full.
    const need = await findNeed(services.db, person.workspaceId, intro.needId);
    if (party.side === 'enterprise' && need?.confidential) await askIntroSide(services, fresh, 'researcher', 'The enterprise has accepted, so here is their need in full. ');
    return textReply(`Thank you! I will put you in touch as soon as the other side accepts introduction #${intro.id} too.`);
  }
  await connectIntro(services, fresh);
  return textReply(`Both sides accepted introduction #${intro.id}. I sent you their contact details and will propose meeting times.`);
}

async function tellBrokerOfDecline(req: CommandRequest, intro: Intro, reason: string | undefined): Promise<void> {
  if (intro.brokerPersonId === undefined) return;
  await notifyPerson(req.services, intro.brokerPersonId, textReply(
    `${req.person.displayName} declined introduction #${intro.id} (need #${intro.needId} ↔ “${intro.outcomeTitle.slice(0, 80)}”).${reason ? ` Reason (only you see this): ${reason}` : ' No reason given.'}`,
  ));
}
