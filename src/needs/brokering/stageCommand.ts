import type { Command } from '../../commands/types.js';
import { errorReply, textReply } from '../../messages/reply.js';
import { moveStage, NEED_STAGES, type NeedStage } from '../../../storage/repositories/needs.js';
import { recordNeedEvent } from '../../../storage/repositories/needEvents.js';
import { recordAudit } from '../../../storage/repositories/auditLog.js';
import { loadVisibleNeed, requireBroker, viewerOf } from '../needAccess.js';

const SETTABLE = NEED_STAGES.filter((s) => s !== 'draft');

/** `/stage <need> <stage>`: moves a need along the pipeline, recorded with who and when. */
export const stageCommand: Command = {
  name: 'stage',
  summary: 'Move a need to another stage of the pipeline',
  usage: `/stage <need id> <${SETTABLE.join(' | ')}>`,
  async run({ services, person, args }) {
    const [idText = '', stageText = ''] = args.split(/\s+/);
    const to = stageText.toLowerCase().replace(/[\s-]/g, '_') as NeedStage;
    if (!idText || !(SETTABLE as readonly string[]).includes(to)) {
      return errorReply('Give a need number and a stage.', `Stages: ${SETTABLE.join(', ')}. For example: /stage 12 meeting_scheduled`);
    }
    const viewer = await viewerOf(services, person);
    requireBroker(viewer, 'move needs between stages');
    const need = await loadVisibleNeed(services, viewer, idText);
    if (need.status === 'draft') return errorReply(`Need #${need.id} is still a draft; its owner has not submitted it.`);
    if (need.status === to) return textReply(`Need #${need.id} is already in ${to}.`);
    const moved = await services.db.transaction(async (tx) => {
      if (!(await moveStage(tx, person.workspaceId, need.id, need.status, to))) return false;
      await recordNeedEvent(tx, { needId: need.id, workspaceId: person.workspaceId, personId: person.id, kind: 'stage', fromStage: need.status, toStage: to });
      await recordAudit(tx, { workspaceId: person.workspaceId, personId: person.id, action: 'update', subjectType: 'need', subjectId: need.id, detail: { from: need.status, to } });
      return true;
    });
    if (!moved) return errorReply(`Need #${need.id} changed stage meanwhile; nothing done.`, `Check it with /need ${need.id} and try again.`);
    return textReply(`Need #${need.id}: ${need.status} → ${to}.`);
  },
};
