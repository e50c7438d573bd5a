import type { CommandRequest } from '../../commands/types.js';
import type { Reply } from '../../messages/reply.js';
import { dismissedOutcomeIds, listVerdicts } from '../../../storage/repositories/matchVerdicts.js';
import { recordAudit } from '../../../storage/repositories/auditLog.js';
import { loadVisibleNeed, requireBroker, viewerOf } from '../needAccess.js';
import { candidateListReply } from './matchReplies.js';
import { candidatePage, queryOfNeed } from './candidatesForNeed.js';

/** A page of candidates for one need (dismissed outcomes left out), with verdict buttons. */
export async function showNeedMatches(req: CommandRequest, needIdText: string, page: number): Promise<Reply> {
  const { services, person } = req;
  const viewer = await viewerOf(services, person);
  requireBroker(viewer, 'see matches');
  const need = await loadVisibleNeed(services, viewer, needIdText);
  await recordAudit(services.db, { workspaceId: person.workspaceId, personId: person.id, action: 'view', subjectType: 'need', subjectId: need.id, detail: { via: 'match', page } });
  const excluded = await dismissedOutcomeIds(services.db, need.id);
  const { items, more } = await candidatePage(services, queryOfNeed(need), page, excluded);
  const verdicts = new Map((await listVerdicts(services.db, person.workspaceId, need.id)).map((v) => [v.outcomeId, v.verdict]));
  return candidateListReply(`Candidates for need #${need.id}${page > 0 ? ` (page ${page + 1})` : ''}`, items, {
    page, pageSize: services.config.MATCH_PAGE_SIZE, more, needId: need.id, verdicts, nextValue: `need:${need.id}:${page + 1}`,
  });
}

/** A page of candidates for free text: no verdicts (there is no need to judge them for). */
export async function showTextMatches(req: CommandRequest, text: string, page: number): Promise<Reply> {
  const viewer = await viewerOf(req.services, req.person);
  requireBroker(viewer, 'search for matches');
  const { items, more } = await candidatePage(req.services, { text }, page, []);
  return candidateListReply(`Candidates for “${text.slice(0, 60)}”${page > 0 ? ` (page ${page + 1})` : ''}`, items, {
    page, pageSize: req.services.config.MATCH_PAGE_SIZE, more, nextValue: `text:${page + 1}:${text}`,
  });
}
