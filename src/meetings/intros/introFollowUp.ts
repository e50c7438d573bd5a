import { z } from 'zod';
import type { JobDefinition } from '../../jobs/jobQueue.js';
import { textReply } from '../../messages/reply.js';
import { notifyPerson } from '../../notify/notifyPerson.js';
import { findIntroById, markNudged, setIntroStatus } from '../../../storage/repositories/intros.js';
import { askIntroSide } from './introAsk.js';

export const INTRO_FOLLOW_UP_JOB = 'intro.follow-up';

const followUpData = z.object({ introId: z.number().int().positive(), step: z.enum(['nudge', 'stale']) });

/**
 * An unanswered introduction is nudged once, after INTRO_NUDGE_HOURS; if it is still unanswered
 * as long again after the nudge, it is marked stale and the broker is told. Never more pings.
 */
export const introFollowUpJob: JobDefinition<z.infer<typeof followUpData>> = {
  name: INTRO_FOLLOW_UP_JOB,
  schema: followUpData,
  async run(services, { introId, step }) {
    const intro = await findIntroById(services.db, introId);
    if (!intro || intro.status !== 'pending') return;
    const silent = intro.parties.filter((p) => !p.answer && p.personId !== undefined);
    if (step === 'nudge') {
      if (!(await markNudged(services.db, introId, services.now()))) return;
      for (const p of silent) await askIntroSide(services, intro, p.side, 'A gentle reminder: this is still waiting for your answer. ');
      await services.jobs?.send(INTRO_FOLLOW_UP_JOB, { introId, step: 'stale' }, {
        at: new Date(services.now().getTime() + services.config.INTRO_NUDGE_HOURS * 3_600_000),
        key: `intro:${introId}:stale`,
      });
      return;
    }
    if (!(await setIntroStatus(services.db, introId, ['pending'], 'stale', services.now()))) return;
    if (intro.brokerPersonId !== undefined) {
      const who = silent.map((p) => p.displayName ?? p.side).join(' and ');
      await notifyPerson(services, intro.brokerPersonId, textReply(
        `Introduction #${introId} (need #${intro.needId} ↔ “${intro.outcomeTitle.slice(0, 80)}”) is stale: ${who} did not answer, even after a reminder. I will not ping them again; /intro list shows it.`,
      ));
    }
  },
};
