import type { Block, Reply } from '../../messages/reply.js';
import type { Verdict } from '../../../storage/repositories/matchVerdicts.js';
import type { Candidate } from './candidate.js';

export const REASON_LABELS: Record<string, string> = {
  off_topic: 'Off-topic',
  wrong_trl: 'Wrong TRL',
  wrong_region: 'Wrong region',
  already_tried: 'Already tried',
  other: 'Other',
};

/** One candidate: what it is, why it matched, and (for a need) shortlist / dismiss / view. */
function candidateBlocks(c: Candidate, rank: number, needId: number | undefined, verdict: Verdict | undefined): Block[] {
  const facts = [c.kind, c.institution, c.trl ? `TRL ${c.trl}` : undefined, c.region].filter(Boolean).join(' · ');
  const why = c.matchedTerms.length > 0 ? `Matched: ${c.matchedTerms.join(', ')}` : undefined;
  const view = { type: 'button' as const, label: 'View', action: 'match.view', value: String(c.outcomeId) };
  const buttons: Block = needId === undefined
    ? { type: 'actions', elements: [view] }
    : {
        type: 'actions',
        elements: [
          { type: 'button', label: 'Shortlist', action: 'match.shortlist', value: `${needId}:${c.outcomeId}`, style: 'primary' },
          {
            type: 'select',
            placeholder: 'Dismiss because',
            action: 'match.dismiss',
            options: Object.entries(REASON_LABELS).map(([reason, label]) => ({ label, value: `${needId}:${c.outcomeId}:${reason}` })),
          },
          view,
        ],
      };
  return [
    { type: 'text', text: `${rank}. ${c.title}${verdict === 'shortlisted' ? ' [shortlisted]' : ''}` },
    ...(facts ? [{ type: 'context' as const, text: facts }] : []),
    ...(why || c.evidence ? [{ type: 'context' as const, text: [why, c.evidence && `“${c.evidence}”`].filter(Boolean).join(' — ') }] : []),
    buttons,
  ];
}

export function candidateListReply(
  title: string,
  items: Candidate[],
  opts: { page: number; pageSize: number; more: boolean; needId?: number; verdicts?: Map<number, Verdict>; nextValue: string },
): Reply {
  if (items.length === 0) {
    return { blocks: [{ type: 'header', text: title }, { type: 'text', text: opts.page === 0 ? 'No candidates found.' : 'No more candidates.' }], visibility: 'private' };
  }
  const blocks: Block[] = [{ type: 'header', text: title }];
  items.forEach((c, i) => {
    blocks.push(...candidateBlocks(c, opts.page * opts.pageSize + i + 1, opts.needId, opts.verdicts?.get(c.outcomeId)));
    if (i < items.length - 1) blocks.push({ type: 'divider' });
  });
  if (opts.more) blocks.push({ type: 'actions', elements: [{ type: 'button', label: 'More results', action: 'match.page', value: opts.nextValue }] });
  return { blocks, visibility: 'private' };
}
