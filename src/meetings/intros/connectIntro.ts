import type { Services } from '../../app/services.js';
import { textReply } from '../../messages/reply.js';
import { notifyPerson } from '../../notify/notifyPerson.js';
import { findOutcomeById } from '../../../storage/repositories/outcomes.js';
import { recordAudit } from '../../../storage/repositories/auditLog.js';
import type { Intro } from '../../../storage/repositories/intros.js';
import { contactLine } from '../contactLine.js';
import { startMeeting } from '../scheduling/startMeeting.js';

/**
 * Both sides accepted: now, and only now, names and contacts flow (each view audited), the
 * broker hears of it, and Liaison starts looking for a meeting time.
 */
export async function connectIntro(services: Services, intro: Intro): Promise<void> {
  const [a, b] = intro.parties;
  const outcome = await findOutcomeById(services.db, intro.outcomeId);
  for (const [me, them] of [[a, b], [b, a]] as const) {
    if (me?.personId === undefined || them?.personId === undefined) continue;
    const extra = me.side === 'enterprise' && outcome?.contact ? `\nThe outcome's listed contact: ${outcome.contact}` : '';
    await recordAudit(services.db, { workspaceId: intro.workspaceId, personId: me.personId, action: 'view', subjectType: 'person', subjectId: them.personId, detail: { via: 'intro', intro: intro.id } });
    await notifyPerson(services, me.personId, textReply(
      `You are connected (introduction #${intro.id}, “${intro.outcomeTitle.slice(0, 80)}”). Meet: ${await contactLine(services.db, them.personId)}${extra}`,
    ));
  }
  if (intro.brokerPersonId !== undefined) {
    await notifyPerson(services, intro.brokerPersonId, textReply(`Both sides accepted introduction #${intro.id} (need #${intro.needId}). I am proposing meeting times to the three of you.`));
  }
  await startMeeting(services, intro);
}
