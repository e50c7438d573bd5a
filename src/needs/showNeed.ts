import type { CommandRequest } from '../commands/types.js';
import type { Reply } from '../messages/reply.js';
import { listNeedEvents, type NeedEvent } from '../../storage/repositories/needEvents.js';
import { listVerdicts } from '../../storage/repositories/matchVerdicts.js';
import { recordAudit } from '../../storage/repositories/auditLog.js';
import { answerLabel, INTAKE_FIELDS } from './intake/intakeFields.js';
import { anonymisedSummary } from './anonymiseBrief.js';
import { loadVisibleNeed, viewerOf } from './needAccess.js';
import { canSeeIdentity, isBroker } from './permissions.js';
import { ageInDays } from './brokering/needLine.js';

/** `/need <id>`: one need's details; for brokers also its shortlist and history. Audited. */
export async function showNeed(req: CommandRequest, idText: string): Promise<Reply> {
  const { services, person } = req;
  const viewer = await viewerOf(services, person);
  const need = await loadVisibleNeed(services, viewer, idText);
  await recordAudit(services.db, { workspaceId: person.workspaceId, personId: person.id, action: 'view', subjectType: 'need', subjectId: need.id });
  const identity = canSeeIdentity(viewer, need);
  const now = services.now();
  const answers = INTAKE_FIELDS.filter((f) => need.constraints[f.id] && (identity || f.id !== 'company')).map((f) => ({
    label: f.label.en,
    value: answerLabel(f, need.constraints[f.id]!, 'en'),
  }));
  const reply: Reply = {
    visibility: 'private',
    blocks: [
      { type: 'header', text: `Need #${need.id}` },
      { type: 'text', text: identity ? need.text || '(text deleted on request)' : anonymisedSummary(need) },
      {
        type: 'fields',
        fields: [
          { label: 'Stage', value: need.status },
          { label: 'Age', value: ageInDays(need.createdAt, now) },
          ...(identity ? [{ label: 'Contact', value: need.ownerName ?? '(none)' }] : []),
          { label: 'Broker', value: need.brokerName ?? 'none' },
          ...answers,
        ],
      },
    ],
  };
  if (isBroker(viewer)) {
    const shortlisted = (await listVerdicts(services.db, person.workspaceId, need.id)).filter((v) => v.verdict === 'shortlisted');
    if (shortlisted.length > 0) reply.blocks.push({ type: 'text', text: 'Shortlist:' }, { type: 'list', items: shortlisted.map((v) => `${v.title} (${v.sourceId})`) });
    const events = await listNeedEvents(services.db, person.workspaceId, need.id);
    reply.blocks.push({ type: 'text', text: 'History:' }, { type: 'list', items: events.map(eventLine) });
  }
  return reply;
}

function eventLine(e: NeedEvent): string {
  const when = e.at.toISOString().slice(0, 16).replace('T', ' ');
  const who = e.personName ?? (e.personId === undefined ? 'Liaison' : 'someone');
  const what =
    e.kind === 'stage' || e.kind === 'submitted' ? `${e.fromStage ?? '?'} → ${e.toStage ?? '?'}`
    : e.kind === 'note' ? `note: ${String(e.detail.text ?? '')}`
    : e.kind === 'verdict' ? `${String(e.detail.verdict)} ${String(e.detail.outcome)}${e.detail.reason ? ` (${String(e.detail.reason)})` : ''}`
    : e.kind === 'answered' || e.kind === 'edited' ? `${e.kind} ${String(e.detail.field ?? '')}`
    : e.kind;
  return `${when} · ${who} · ${what}`;
}
