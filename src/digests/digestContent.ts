import type { NeedStage } from '../../storage/repositories/needs.js';
import type { DigestAudience } from '../../storage/repositories/digestSubscriptions.js';
import { meetingsEmpty, type MeetingsSummary } from './meetingsSummary.js';

/**
 * What a digest (and a report) says, as data: gathered once by `collectDigest`, then rendered
 * as a chat reply, Markdown, CSV or JSON in the reader's language. Need summaries are already
 * anonymised for the audience they were gathered for.
 */
export interface DigestContent {
  workspaceId: string;
  period: { from: Date; to: Date };
  audience: DigestAudience;
  newNeeds: DigestNeed[];
  /** Outcomes added or changed in the period that match an open need well, per need. */
  candidates: { need: DigestNeed; outcomes: DigestOutcome[] }[];
  meetings: MeetingsSummary;
  pipeline: PipelineStage[];
  /** Open needs whose best candidate is weak, per discipline (OECD FOS code, or 'unknown'). */
  bottlenecks: { discipline: string; needs: (DigestNeed & { bestStrength: number })[] }[];
  /** Outcomes that match recent needs, on the TRL × market prospect matrix. */
  evaluation: EvaluatedOutcome[];
}

export interface DigestNeed {
  id: number;
  stage: NeedStage;
  /** The need's text, or its anonymised summary where the audience may not see who is behind it. */
  summary: string;
  /** Company or contact; absent where the audience may not see it. */
  who?: string;
  broker?: string;
  confidential: boolean;
}

export interface DigestOutcome {
  id: number;
  title: string;
  institution?: string;
  trl?: number;
  /** Share of the need's key terms the outcome covers, 0–1. */
  strength: number;
  change: 'new' | 'updated';
}

export interface PipelineStage {
  stage: NeedStage;
  atStart: number;
  atEnd: number;
  entered: number;
  left: number;
}

export type ProspectLevel = 'low' | 'medium' | 'high';

export interface EvaluatedOutcome {
  id: number;
  title: string;
  institution?: string;
  trl?: number;
  /** Recent needs it matches well. */
  matchingNeeds: number;
  /** Sum over those needs of a recency weight (1 for a need of today, halving every 90 days). */
  prospect: number;
  level: ProspectLevel;
}

/** True when there is nothing at all to tell: then the digest is one friendly line. */
export function isEmptyDigest(c: DigestContent): boolean {
  return (
    c.newNeeds.length === 0 &&
    c.candidates.length === 0 &&
    c.bottlenecks.length === 0 &&
    c.evaluation.length === 0 &&
    c.pipeline.every((s) => s.atEnd === 0 && s.atStart === 0 && s.entered === 0) &&
    meetingsEmpty(c.meetings)
  );
}
