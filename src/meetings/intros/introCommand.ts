import type { Command, CommandRequest } from '../../commands/types.js';
import { errorReply, reply, type Reply } from '../../messages/reply.js';
import { listIntrosAwaiting, listIntrosOfBroker, type Intro } from '../../../storage/repositories/intros.js';
import { viewerOf } from '../../needs/needAccess.js';
import { isBroker } from '../../needs/permissions.js';
import { requestIntro } from './requestIntro.js';
import { answerIntroAs } from './answerIntro.js';

const USAGE = '/intro <need id> <outcome id or source id> [@researcher] | /intro list | /intro decline <intro id> [reason]';

/**
 * `/intro`: a broker proposes a double-opt-in introduction between a need's enterprise contact
 * and the researcher who answers for an outcome. Mapping an outcome's team to a person: name
 * them with @researcher (they must have the researcher role); Liaison remembers them as that
 * outcome's contact in this workspace, so the next /intro for the outcome needs no mention.
 */
export const introCommand: Command = {
  name: 'intro',
  summary: 'Brokers: introduce a need’s enterprise to an outcome’s researcher (named once with @, then remembered); both must accept',
  usage: USAGE,
  async run(req) {
    const [first = '', second = '', ...rest] = req.args.split(/\s+/);
    if (first.toLowerCase() === 'list') return listIntros(req);
    if (first.toLowerCase() === 'decline') return answerIntroAs(req, second, 'declined', rest.join(' ').trim().slice(0, 500) || undefined);
    if (!first || !second || rest.length > 1) {
      return errorReply('Give a need, an outcome and, the first time, the researcher.', `${USAGE}. For example: /intro 3 NB-001 @rita`);
    }
    return requestIntro(req, first, second, rest[0]);
  },
};

const partyText = (i: Intro, showReasons: boolean) => i.parties
  .map((p) => `${p.displayName ?? p.side}: ${p.answer ?? 'no answer yet'}${showReasons && p.reason ? ` (“${p.reason}”)` : ''}`)
  .join(', ');

/** Brokers see the intros they requested, decline reasons included; others see what waits for their answer. */
async function listIntros(req: CommandRequest): Promise<Reply> {
  const { services, person } = req;
  const broker = isBroker(await viewerOf(services, person));
  const intros = broker
    ? await listIntrosOfBroker(services.db, person.workspaceId, person.id)
    : await listIntrosAwaiting(services.db, person.workspaceId, person.id);
  if (intros.length === 0) return reply({ type: 'text', text: broker ? 'You have requested no introductions yet.' : 'No introduction is waiting for your answer.' });
  return {
    visibility: 'private',
    blocks: [
      { type: 'text', text: broker ? 'Your introductions:' : 'Waiting for your answer:' },
      { type: 'list', items: intros.map((i) => `#${i.id} · ${i.status}${i.nudgedAt ? ' (nudged)' : ''} · need #${i.needId} ↔ “${i.outcomeTitle.slice(0, 60)}” · ${partyText(i, broker)}`) },
    ],
  };
}
