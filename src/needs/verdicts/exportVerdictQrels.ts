import type { Queryable } from '../../../storage/db.js';
import { allVerdictJudgments } from '../../../storage/repositories/matchVerdicts.js';

export const QRELS_HEADER = 'query-id\tcorpus-id\tscore';

/** The query id a need has in exported judgments (and in a queries file built for it). */
export const needQueryId = (needId: number) => `need-${needId}`;

/**
 * Brokers' verdicts as BEIR qrels lines (header first): a shortlisted outcome scores 1, a
 * dismissed one 0 (judged not relevant). Corpus ids are outcome source ids, as in BEIR corpora.
 */
export async function exportVerdictQrels(db: Queryable): Promise<string[]> {
  const rows = await allVerdictJudgments(db);
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  return [QRELS_HEADER, ...rows.map((r) => `${needQueryId(r.needId)}\t${clean(r.sourceId)}\t${r.verdict === 'shortlisted' ? 1 : 0}`)];
}
