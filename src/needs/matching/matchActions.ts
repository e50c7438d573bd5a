import type { ActionHandler, CommandRequest } from '../../commands/types.js';
import { errorReply, textReply, type Reply } from '../../messages/reply.js';
import { findOutcome } from '../../../storage/repositories/outcomes.js';
import { moveStage } from '../../../storage/repositories/needs.js';
import { DISMISS_REASONS, saveVerdict, type DismissReason, type Verdict } from '../../../storage/repositories/matchVerdicts.js';
import { recordNeedEvent } from '../../../storage/repositories/needEvents.js';
import { recordAudit } from '../../../storage/repositories/auditLog.js';
import { outcomeCommand } from '../../outcomes/outcomeCommand.js';
import { loadVisibleNeed, requireBroker, viewerOf } from '../needAccess.js';
import { REASON_LABELS } from './matchReplies.js';
import { showNeedMatches, showTextMatches } from './showMatches.js';

const STALE = () => errorReply('That button is out of date.', 'Run /match again for fresh results.');

/** Shortlist or dismiss one outcome for one need; the first shortlist moves the need to "matched". */
async function judge(req: CommandRequest, needIdText: string, outcomeIdText: string, verdict: Verdict, reason?: DismissReason): Promise<Reply> {
  const { services, person } = req;
  const viewer = await viewerOf(services, person);
  requireBroker(viewer, 'judge matches');
  const need = await loadVisibleNeed(services, viewer, needIdText);
  const outcome = /^\d{1,15}$/.test(outcomeIdText) ? await findOutcome(services.db, outcomeIdText) : undefined;
  if (!outcome || outcome.id !== Number(outcomeIdText)) return STALE();
  const ws = person.workspaceId;
  const { changed } = await services.db.transaction(async (tx) => {
    const saved = await saveVerdict(tx, { workspaceId: ws, needId: need.id, outcomeId: outcome.id, verdict, reason, personId: person.id });
    if (!saved.changed) return saved;
    await recordNeedEvent(tx, { needId: need.id, workspaceId: ws, personId: person.id, kind: 'verdict', detail: { outcome: outcome.sourceId, verdict, reason } });
    await recordAudit(tx, { workspaceId: ws, personId: person.id, action: verdict === 'shortlisted' ? 'shortlist' : 'dismiss', subjectType: 'need', subjectId: need.id, detail: { outcome: outcome.id, reason } });
    if (verdict === 'shortlisted') {
      for (const from of ['submitted', 'translated'] as const) {
        if (await moveStage(tx, ws, need.id, from, 'matched')) {
          await recordNeedEvent(tx, { needId: need.id, workspaceId: ws, personId: person.id, kind: 'stage', fromStage: from, toStage: 'matched' });
        }
      }
    }
    return saved;
  });
  const title = `“${outcome.title.slice(0, 80)}”`;
  if (!changed) return textReply(`${title} is already ${verdict} for need #${need.id}; nothing changed.`);
  return verdict === 'shortlisted'
    ? textReply(`Shortlisted ${title} for need #${need.id}.`)
    : textReply(`Dismissed ${title} for need #${need.id} (${REASON_LABELS[reason!]}). It will not be proposed for this need again.`);
}

export const matchActions: ActionHandler[] = [
  {
    action: 'match.shortlist',
    async run(req) {
      const [needId = '', outcomeId = ''] = (req.value ?? '').split(':');
      return judge(req, needId, outcomeId, 'shortlisted');
    },
  },
  {
    action: 'match.dismiss',
    async run(req) {
      const [needId = '', outcomeId = '', reason = ''] = (req.value ?? '').split(':');
      if (!(DISMISS_REASONS as readonly string[]).includes(reason)) return STALE();
      return judge(req, needId, outcomeId, 'dismissed', reason as DismissReason);
    },
  },
  {
    action: 'match.view',
    async run(req) {
      const id = req.value ?? '';
      if (!/^\d{1,15}$/.test(id)) return STALE();
      await recordAudit(req.services.db, { workspaceId: req.person.workspaceId, personId: req.person.id, action: 'view', subjectType: 'outcome', subjectId: id });
      return outcomeCommand.run({ ...req, args: id });
    },
  },
  {
    action: 'match.page',
    async run(req) {
      const m = /^(need|text):(\d{1,15}):([\s\S]*)$/.exec(req.value ?? '');
      if (!m) return STALE();
      if (m[1] === 'need') return /^\d{1,3}$/.test(m[3]!) ? showNeedMatches(req, m[2]!, Math.min(Number(m[3]), 100)) : STALE();
      return showTextMatches(req, m[3]!, Math.min(Number(m[2]), 100));
    },
  },
];
