import type { Queryable } from '../db.js';
import type { NeedStage } from './needs.js';

/** What digests and reports read besides needs and outcomes themselves; all windows are [from, to). */

/** Needs (not drafts) created in the window, oldest first. */
export async function needIdsCreatedBetween(db: Queryable, workspaceId: string, from: Date, to: Date, limit: number): Promise<number[]> {
  const res = await db.query<{ id: string | number }>(
    `SELECT id FROM needs WHERE workspace_id = $1 AND status <> 'draft' AND created_at >= $2 AND created_at < $3
      ORDER BY created_at, id LIMIT $4`,
    [workspaceId, from.toISOString(), to.toISOString(), limit],
  );
  return res.rows.map((r) => Number(r.id));
}

/** Needs created in the year before `to` that still count (not drafts, not withdrawn), newest first. */
export async function recentNeedIds(db: Queryable, workspaceId: string, since: Date, to: Date, limit: number): Promise<number[]> {
  const res = await db.query<{ id: string | number }>(
    `SELECT id FROM needs WHERE workspace_id = $1 AND status NOT IN ('draft', 'withdrawn') AND created_at >= $2 AND created_at < $3
      ORDER BY created_at DESC, id DESC LIMIT $4`,
    [workspaceId, since.toISOString(), to.toISOString(), limit],
  );
  return res.rows.map((r) => Number(r.id));
}

/**
 * How many needs were in each stage at `at`: each need's last stage change before then (its
 * current stage when it has no recorded change), counting needs created before `at`.
 */
export async function stageCountsAt(db: Queryable, workspaceId: string, at: Date): Promise<Map<NeedStage, number>> {
  const res = await db.query<{ stage: NeedStage; n: string | number }>(
    `WITH last_change AS (
       SELECT DISTINCT ON (e.need_id) e.need_id, e.to_stage
         FROM need_events e
        WHERE e.workspace_id = $1 AND e.to_stage IS NOT NULL AND e.at < $2
        ORDER BY e.need_id, e.at DESC, e.id DESC
     )
     SELECT COALESCE(l.to_stage, n.status) AS stage, count(*) AS n
       FROM needs n LEFT JOIN last_change l ON l.need_id = n.id
      WHERE n.workspace_id = $1 AND n.created_at < $2
      GROUP BY 1`,
    [workspaceId, at.toISOString()],
  );
  return new Map(res.rows.map((r) => [r.stage, Number(r.n)]));
}

/** Stage changes in the window: how many needs entered and left each stage. */
export async function stageMovesBetween(db: Queryable, workspaceId: string, from: Date, to: Date): Promise<Map<NeedStage, { entered: number; left: number }>> {
  const res = await db.query<{ stage: NeedStage; entered: string | number; left_: string | number }>(
    `SELECT stage, sum(entered) AS entered, sum(left_) AS left_ FROM (
       SELECT to_stage AS stage, 1 AS entered, 0 AS left_ FROM need_events
        WHERE workspace_id = $1 AND to_stage IS NOT NULL AND at >= $2 AND at < $3
       UNION ALL
       SELECT from_stage, 0, 1 FROM need_events
        WHERE workspace_id = $1 AND from_stage IS NOT NULL AND to_stage IS NOT NULL AND at >= $2 AND at < $3
     ) moves GROUP BY stage`,
    [workspaceId, from.toISOString(), to.toISOString()],
  );
  return new Map(res.rows.map((r) => [r.stage, { entered: Number(r.entered), left: Number(r.left_) }]));
}

/** Of these outcomes, those added ('new') or changed ('updated') in the window. */
export async function outcomesChangedBetween(db: Queryable, ids: readonly number[], from: Date, to: Date): Promise<Map<number, 'new' | 'updated'>> {
  if (ids.length === 0) return new Map();
  const res = await db.query<{ id: string | number; added: boolean }>(
    `SELECT id, created_at >= $2 AS added FROM outcomes
      WHERE id = ANY($1::bigint[]) AND updated_at >= $2 AND updated_at < $3`,
    [ids, from.toISOString(), to.toISOString()],
  );
  return new Map(res.rows.map((r) => [Number(r.id), r.added ? 'new' : 'updated']));
}

/** The workspace's admins, to be told when something needs them (a channel the bot lost). */
export async function workspaceAdminIds(db: Queryable, workspaceId: string): Promise<number[]> {
  const res = await db.query<{ id: string | number }>(
    `SELECT id FROM people WHERE workspace_id = $1 AND role = 'admin' ORDER BY id`,
    [workspaceId],
  );
  return res.rows.map((r) => Number(r.id));
}

/** Workspaces that have needs, most needs first (a report picks one). */
export async function workspacesWithNeeds(db: Queryable): Promise<string[]> {
  const res = await db.query<{ workspace_id: string }>(
    'SELECT workspace_id FROM needs GROUP BY workspace_id ORDER BY count(*) DESC, workspace_id',
  );
  return res.rows.map((r) => r.workspace_id);
}

/** Inverse document frequency (BM25's) of each term over the indexed outcomes; 0 for none. */
export async function termRarity(db: Queryable, terms: readonly string[]): Promise<Map<string, number>> {
  if (terms.length === 0) return new Map();
  const res = await db.query<{ term: string; idf: number | string }>(
    `WITH stats AS (SELECT outcomes::float8 AS n FROM search_stats),
          q AS (SELECT DISTINCT unnest($1::text[]) AS term)
     SELECT q.term, ln(1 + (st.n - coalesce(d.df, 0) + 0.5) / (coalesce(d.df, 0) + 0.5)) AS idf
       FROM q CROSS JOIN stats st
       LEFT JOIN term_stats d ON d.term = q.term`,
    [terms],
  );
  return new Map(res.rows.map((r) => [r.term, Number(r.idf)]));
}
