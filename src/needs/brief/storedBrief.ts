import { researchBriefSchema } from '../../translate/brief.js';

export interface BriefSummary {
  /** The problem as the brief restates it. */
  summary: string;
  researchQuestion?: string;
  /** The need's own terms and their translations (not the corpus vocabulary). */
  keywords: string[];
}

/** What the intake, lists and channel posts show of a brief stored with a need. */
export function briefSummary(brief: unknown): BriefSummary | undefined {
  const parsed = researchBriefSchema.safeParse(brief);
  if (!parsed.success) return undefined;
  const b = parsed.data;
  const own = b.keywords.filter((k) => k.origin === 'need' || k.origin === 'translation' || k.origin === 'model');
  return {
    summary: b.problem,
    researchQuestion: b.researchQuestions[0],
    keywords: [...new Set((own.length ? own : b.keywords).map((k) => k.term))].slice(0, 10),
  };
}
