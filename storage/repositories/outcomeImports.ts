import type { Queryable } from '../db.js';

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportError {
  line: number;
  reason: string;
}

export interface OutcomeImport extends ImportCounts {
  id: number;
  source: string;
  status: 'running' | 'finished' | 'failed';
  startedAt: Date;
  finishedAt?: Date;
  errors: ImportError[];
  failure?: string;
  personId?: number;
  /** Display name of the person, or the actor label (e.g. 'cli:alice'). */
  who?: string;
}

export async function startImport(
  db: Queryable,
  run: { source: string; personId?: number; actor?: string },
): Promise<number> {
  const res = await db.query<{ id: string | number }>(
    'INSERT INTO outcome_imports (source, person_id, actor) VALUES ($1, $2, $3) RETURNING id',
    [run.source, run.personId ?? null, run.actor ?? null],
  );
  return Number(res.rows[0]!.id);
}

/** Called inside each batch's transaction, so the counts match exactly what was committed. */
export async function recordImportProgress(
  tx: Queryable,
  id: number,
  counts: ImportCounts,
  errors: readonly ImportError[],
): Promise<void> {
  await tx.query(
    `UPDATE outcome_imports SET added = $2, updated = $3, unchanged = $4, rejected = $5, errors = $6::jsonb
      WHERE id = $1`,
    [id, counts.added, counts.updated, counts.unchanged, counts.rejected, JSON.stringify(errors)],
  );
}

export async function finishImport(
  db: Queryable,
  id: number,
  end: { status: 'finished' | 'failed'; failure?: string },
): Promise<void> {
  await db.query(
    'UPDATE outcome_imports SET status = $2, failure = $3, finished_at = now() WHERE id = $1',
    [id, end.status, end.failure ?? null],
  );
}

interface ImportRow {
  id: string | number;
  source: string;
  status: OutcomeImport['status'];
  started_at: Date;
  finished_at: Date | null;
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: ImportError[];
  failure: string | null;
  person_id: string | number | null;
  who: string | null;
}

/** The most recent import runs, newest first. */
export async function listRecentImports(db: Queryable, limit = 10): Promise<OutcomeImport[]> {
  const res = await db.query<ImportRow>(
    `SELECT i.*, COALESCE(p.display_name, i.actor) AS who
       FROM outcome_imports i LEFT JOIN people p ON p.id = i.person_id
      ORDER BY i.started_at DESC, i.id DESC
      LIMIT $1`,
    [limit],
  );
  return res.rows.map((r) => ({
    id: Number(r.id),
    source: r.source,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at ?? undefined,
    added: r.added,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    errors: r.errors,
    failure: r.failure ?? undefined,
    personId: r.person_id === null ? undefined : Number(r.person_id),
    who: r.who ?? undefined,
  }));
}
