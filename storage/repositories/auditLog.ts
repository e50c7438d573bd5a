import type { Queryable } from '../db.js';

export interface AuditEntry {
  at: Date;
  personId?: number;
  personName?: string;
  action: string;
  subjectType: string;
  subjectId?: string;
  detail: Record<string, unknown>;
}

export async function recordAudit(
  db: Queryable,
  e: { workspaceId: string; personId?: number; action: string; subjectType: string; subjectId?: string | number; detail?: Record<string, unknown> },
): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (workspace_id, person_id, action, subject_type, subject_id, detail) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
    [e.workspaceId, e.personId ?? null, e.action, e.subjectType, e.subjectId === undefined ? null : String(e.subjectId), JSON.stringify(e.detail ?? {})],
  );
}

/** Entries about one subject in one workspace, oldest first. */
export async function listAudit(db: Queryable, workspaceId: string, subjectType: string, subjectId: string, limit = 100): Promise<AuditEntry[]> {
  const res = await db.query<{
    at: Date | string; person_id: string | number | null; person_name: string | null; action: string;
    subject_type: string; subject_id: string | null; detail: Record<string, unknown> | string;
  }>(
    `SELECT a.at, a.person_id, p.display_name AS person_name, a.action, a.subject_type, a.subject_id, a.detail
       FROM audit_log a LEFT JOIN people p ON p.id = a.person_id
      WHERE a.workspace_id = $1 AND a.subject_type = $2 AND a.subject_id = $3
      ORDER BY a.at, a.id LIMIT $4`,
    [workspaceId, subjectType, subjectId, limit],
  );
  return res.rows.map((r) => ({
    at: new Date(r.at),
    personId: r.person_id === null ? undefined : Number(r.person_id),
    personName: r.person_name ?? undefined,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id ?? undefined,
    detail: typeof r.detail === 'string' ? (JSON.parse(r.detail) as Record<string, unknown>) : r.detail,
  }));
}
