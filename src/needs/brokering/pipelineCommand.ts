import type { Command } from '../../commands/types.js';
import { countNeedsByStage, findStaleNeeds, NEED_STAGES } from '../../../storage/repositories/needs.js';
import { requireBroker, viewerOf } from '../needAccess.js';
import { ageInDays } from './needLine.js';

/** `/pipeline`: how many needs sit in each stage, and which have sat in one too long. */
export const pipelineCommand: Command = {
  name: 'pipeline',
  summary: 'Needs per stage, and needs stuck in a stage too long',
  usage: '/pipeline',
  async run({ services, person }) {
    const viewer = await viewerOf(services, person);
    requireBroker(viewer, 'see the pipeline');
    const days = services.config.STAGE_STALE_DAYS;
    const now = services.now();
    const [counts, stale] = await Promise.all([
      countNeedsByStage(services.db, person.workspaceId),
      findStaleNeeds(services.db, person.workspaceId, days, now),
    ]);
    return {
      visibility: 'private',
      blocks: [
        { type: 'header', text: 'Pipeline' },
        { type: 'fields', fields: NEED_STAGES.map((s) => ({ label: s, value: String(counts.get(s) ?? 0) })) },
        { type: 'text', text: stale.length > 0 ? `In the same stage for ${days} days or more:` : `Nothing has sat in a stage for ${days} days or more.` },
        ...(stale.length > 0
          ? [{ type: 'list' as const, items: stale.map((n) => `#${n.id} · ${n.status} for ${ageInDays(n.stageChangedAt, now)} · broker: ${n.brokerName ?? 'none'}`) }]
          : []),
      ],
    };
  },
};
