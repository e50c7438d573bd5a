import type { Queryable } from '../db.js';

export interface StoreCounts {
  outcomes: number;
  needs: number;
  people: number;
}

export async function countStore(db: Queryable, workspaceId: string): Promise<StoreCounts> {
  const res = await db.query<{ outcomes: string; needs: string; people: string }>(
    `SELECT (SELECT count(*) FROM outcomes) AS outcomes,
            (SELECT count(*) FROM needs WHERE workspace_id = $1) AS needs,
            (SELECT count(*) FROM people WHERE workspace_id = $1) AS people`,
    [workspaceId],
  );
  const row = res.rows[0]!;
  return { outcomes: Number(row.outcomes), needs: Number(row.needs), people: Number(row.people) };
}

/** Engine name and version as the server reports it, e.g. "PostgreSQL 15.14". */
export async function serverVersion(db: Queryable): Promise<string> {
  const res = await db.query<{ v: string; vec: string | null }>(
    `SELECT current_setting('server_version') AS v,
            (SELECT extversion FROM pg_extension WHERE extname = 'vector') AS vec`,
  );
  const row = res.rows[0]!;
  return `PostgreSQL ${row.v}${row.vec ? `, pgvector ${row.vec}` : ''}`;
}
