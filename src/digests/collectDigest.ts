import type { Services } from '../app/services.js';
import { findNeed, NEED_STAGES, type NeedRecord } from '../../storage/repositories/needs.js';
import type { DigestAudience } from '../../storage/repositories/digestSubscriptions.js';
import {
  needIdsCreatedBetween, outcomesChangedBetween, recentNeedIds, stageCountsAt, stageMovesBetween,
} from '../../storage/repositories/digestQueries.js';
import { researchBriefSchema } from '../translate/brief.js';
import { anonymisedSummary } from '../needs/anonymiseBrief.js';
import type { DigestContent, DigestNeed, PipelineStage } from './digestContent.js';
import { matchNeeds, type NeedMatches } from './needMatches.js';
import { evaluateOutcomes } from './evaluateOutcomes.js';
import { readMeetingsSummary } from './meetingsSummary.js';

export interface DigestRequest {
  workspaceId: string;
  from: Date;
  to: Date;
  audience: DigestAudience;
}

const DAY_MS = 86_400_000;
/** Needs that still wait for a partner (later stages have one, or are over). */
const OPEN_STAGES = new Set(['submitted', 'translated', 'matched', 'intro_requested', 'meeting_scheduled', 'met']);
/** Needs still looking for a partner: a weak best match here is a bottleneck. */
const SEARCHING_STAGES = new Set(['submitted', 'translated', 'matched']);

/** Gathers everything a digest or report says about one workspace and period. */
export async function collectDigest(services: Services, req: DigestRequest): Promise<DigestContent> {
  const { db, config } = services;
  const { workspaceId, from, to, audience } = req;
  const load = async (ids: number[]) => (await Promise.all(ids.map((id) => findNeed(db, workspaceId, id)))).filter((n): n is NeedRecord => n !== undefined);
  const newNeeds = await load(await needIdsCreatedBetween(db, workspaceId, from, to, config.DIGEST_MAX_NEEDS));
  const recent = await load(await recentNeedIds(db, workspaceId, new Date(to.getTime() - 365 * DAY_MS), to, config.DIGEST_MAX_NEEDS));
  const matches = await matchNeeds(services, recent);
  const show = (n: NeedRecord) => digestNeed(n, audience);
  return {
    workspaceId,
    period: { from, to },
    audience,
    newNeeds: newNeeds.map(show),
    candidates: await newCandidates(services, matches.filter((m) => OPEN_STAGES.has(m.need.status)), from, to, show),
    meetings: await readMeetingsSummary(db, workspaceId, from, to),
    pipeline: await pipeline(services, workspaceId, from, to),
    bottlenecks: bottlenecks(matches.filter((m) => SEARCHING_STAGES.has(m.need.status)), config.DIGEST_WEAK_MATCH, show),
    evaluation: evaluateOutcomes(matches, config.DIGEST_MATCH_THRESHOLD, to),
  };
}

/** A need as the audience may see it: anonymised, without its company, where others read. */
function digestNeed(n: NeedRecord, audience: DigestAudience): DigestNeed {
  const open = audience === 'brokers' || !n.confidential;
  return {
    id: n.id,
    stage: n.status,
    summary: open ? n.text || anonymisedSummary(n) : anonymisedSummary(n),
    who: open ? (n.constraints.company ?? n.orgName ?? n.ownerName) : undefined,
    broker: n.brokerName,
    confidential: n.confidential,
  };
}

async function newCandidates(services: Services, open: NeedMatches[], from: Date, to: Date, show: (n: NeedRecord) => DigestNeed): Promise<DigestContent['candidates']> {
  const threshold = services.config.DIGEST_MATCH_THRESHOLD;
  const strong = open.map((m) => ({ need: m.need, list: m.candidates.filter((c) => c.strength >= threshold) }));
  const changed = await outcomesChangedBetween(services.db, [...new Set(strong.flatMap((s) => s.list.map((c) => c.outcomeId)))], from, to);
  return strong
    .map(({ need, list }) => ({
      need: show(need),
      outcomes: list.flatMap((c) => {
        const change = changed.get(c.outcomeId);
        return change ? [{ id: c.outcomeId, title: c.title, institution: c.institution, trl: c.trl, strength: c.strength, change }] : [];
      }),
    }))
    .filter((g) => g.outcomes.length > 0)
    .sort((a, b) => b.outcomes.length - a.outcomes.length || a.need.id - b.need.id);
}

async function pipeline(services: Services, workspaceId: string, from: Date, to: Date): Promise<PipelineStage[]> {
  const [atStart, atEnd, moves] = await Promise.all([
    stageCountsAt(services.db, workspaceId, from),
    stageCountsAt(services.db, workspaceId, to),
    stageMovesBetween(services.db, workspaceId, from, to),
  ]);
  return NEED_STAGES.filter((s) => s !== 'draft').map((stage) => ({
    stage,
    atStart: atStart.get(stage) ?? 0,
    atEnd: atEnd.get(stage) ?? 0,
    entered: moves.get(stage)?.entered ?? 0,
    left: moves.get(stage)?.left ?? 0,
  }));
}

function bottlenecks(searching: NeedMatches[], weak: number, show: (n: NeedRecord) => DigestNeed): DigestContent['bottlenecks'] {
  const byDiscipline = new Map<string, (DigestNeed & { bestStrength: number })[]>();
  for (const m of searching) {
    const best = m.candidates[0]?.strength ?? 0;
    if (best >= weak) continue;
    const discipline = disciplineOf(m.need);
    byDiscipline.set(discipline, [...(byDiscipline.get(discipline) ?? []), { ...show(m.need), bestStrength: best }]);
  }
  return [...byDiscipline.entries()]
    .map(([discipline, needs]) => ({ discipline, needs }))
    .sort((a, b) => b.needs.length - a.needs.length || a.discipline.localeCompare(b.discipline));
}

/** The brief's most likely discipline (an OECD FOS code), or 'unknown'. */
function disciplineOf(need: NeedRecord): string {
  const brief = researchBriefSchema.safeParse(need.brief);
  if (!brief.success) return 'unknown';
  return [...brief.data.disciplines].sort((a, b) => b.confidence - a.confidence)[0]?.code ?? 'unknown';
}
