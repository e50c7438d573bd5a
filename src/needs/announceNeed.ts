import type { Services } from '../app/services.js';
import type { Reply } from '../messages/reply.js';
import type { NeedRecord } from '../../storage/repositories/needs.js';
import { answerLabel, fieldById } from './intake/intakeFields.js';
import { anonymisedSummary } from './anonymiseBrief.js';
import { briefSummary } from './brief/storedBrief.js';
import { candidatesForNeed } from './matching/candidatesForNeed.js';

/** Tells the brokers' channel about a submitted need: the anonymised brief and the top candidates. */
export async function announceNeed(services: Services, need: NeedRecord): Promise<void> {
  const candidates = await candidatesForNeed(services, need, 0);
  const brief = briefSummary(need.brief);
  const answer = (id: string) => {
    const f = fieldById(id);
    const v = need.constraints[id];
    return f && v ? [{ label: f.label.en, value: answerLabel(f, v, 'en') }] : [];
  };
  const post: Reply = {
    blocks: [
      { type: 'header', text: `New need #${need.id}` },
      { type: 'text', text: anonymisedSummary(need) },
      {
        type: 'fields',
        fields: [
          { label: 'Language', value: need.language },
          ...(brief && brief.keywords.length > 0 ? [{ label: 'Keywords', value: brief.keywords.join(', ') }] : []),
          ...answer('sector'), ...answer('tried'), ...answer('timeline'), ...answer('budget'), ...answer('region'),
          { label: 'Confidential', value: need.confidential ? 'yes (anonymised for researchers)' : 'no (company may be named)' },
        ],
      },
      candidates.length > 0
        ? { type: 'list', ordered: true, items: candidates.map((c) => `${c.title}${c.institution ? ` — ${c.institution}` : ''}`) }
        : { type: 'text', text: 'No candidates found yet.' },
      { type: 'context', text: `/match ${need.id} to curate candidates · /assign ${need.id} to take this need` },
      { type: 'actions', elements: [{ type: 'button', label: 'Take this need', action: 'need.assign', value: String(need.id), style: 'primary' }] },
    ],
  };
  const channel = services.config.BROKER_CHANNEL;
  if (services.notifier) await services.notifier.postToChannel(channel, post);
  else services.log.info({ channel, need: need.id }, 'no channel notifier: need announcement not posted');
}
