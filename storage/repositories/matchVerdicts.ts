import type { Queryable } from '../db.js';

export type Verdict = 'shortlisted' | 'dismissed';
export const DISMISS_REASONS = ['off_topic', 'wrong_trl', 'wrong_region', 'already_tried', 'other'] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

export interface VerdictRecord {
  needId: number;
  outcomeId: number;
  sourceId: string;
  title: string;
  verdict: Verdict;
  reason?: DismissReason;
  personName?: string;
  decidedAt: Date;
}

/**
 * Records a verdict in one statement. Pressing the same button twice, even at the same moment,
 * writes once: `changed` is false when the verdict was already exactly this.
 */
export async function saveVerdict(
  db: Queryable,
  v: { workspaceId: string; needId: number; outcomeId: number; verdict: Verdict; reason?: DismissReason; personId: number },
): Promise<{ changed: boolean }> {
  const res = await db.query(
    `INSERT INTO match_verdicts AS m (need_id, outcome_id, workspace_id, verdict, reason, person_id)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (need_id, outcome_id) DO UPDATE
       SET verdict = EXCLUDED.verdict, reason = EXCLUDED.reason, person_id = EXCLUDED.person_id, decided_at = now()
       WHERE m.verdict IS DISTINCT FROM EXCLUDED.verdict OR m.reason IS DISTINCT FROM EXCLUDED.reason
     RETURNING need_id`,
    [v.needId, v.outcomeId, v.workspaceId, v.verdict, v.reason ?? null, v.personId],
  );
  return { changed: res.rowCount === 1 };
}

export async function listVerdicts(db: Queryable, workspaceId: string, needId: number): Promise<VerdictRecord[]> {
  const res = await db.query<{
    need_id: string | number; outcome_id: string | number; source_id: string; title: string; verdict: Verdict;
    reason: DismissReason | null; person_name: string | null; decided_at: Date | string;
  }>(
    `SELECT v.need_id, v.outcome_id, o.source_id, o.title, v.verdict, v.reason, p.display_name AS person_name, v.decided_at
       FROM match_verdicts v JOIN outcomes o ON o.id = v.outcome_id LEFT JOIN people p ON p.id = v.person_id
      WHERE v.workspace_id = $1 AND v.need_id = $2 ORDER BY v.decided_at, v.outcome_id`,
    [workspaceId, needId],
  );
  return res.rows.map((r) => ({
    needId: Number(r.need_id),
    outcomeId: Number(r.outcome_id),
    sourceId: r.source_id,
    title: r.title,
    verdict: r.verdict,
    reason: r.reason ?? undefined,
    personName: r.person_name ?? undefined,
    decidedAt: new Date(r.decided_at),
  }));
}

/** Every verdict in the database, as (need id, outcome source id, verdict), for evaluation qrels. */
export async function allVerdictJudgments(db: Queryable): Promise<{ needId: number; sourceId: string; verdict: Verdict }[]> {
  const res = await db.query<{ need_id: string | number; source_id: string; verdict: Verdict }>(
    `SELECT v.need_id, o.source_id, v.verdict FROM match_verdicts v JOIN outcomes o ON o.id = v.outcome_id
      ORDER BY v.need_id, o.source_id`,
  );
  return res.rows.map((r) => ({ needId: Number(r.need_id), sourceId: r.source_id, verdict: r.verdict }));
}

/** Outcome ids whose verdict for this need is "dismissed": never proposed for it again. */
export async function dismissedOutcomeIds(db: Queryable, needId: number): Promise<number[]> {
  const res = await db.query<{ outcome_id: string | number }>(
    `SELECT outcome_id FROM match_verdicts WHERE need_id = $1 AND verdict = 'dismissed'`,
    [needId],
  );
  return res.rows.map((r) => Number(r.outcome_id));
}
