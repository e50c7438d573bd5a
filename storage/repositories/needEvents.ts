import type { Queryable } from '../db.js';

export type NeedEventKind =
  | 'created' | 'answered' | 'edited' | 'submitted' | 'stage' | 'assigned' | 'note' | 'verdict' | 'anonymised';

export interface NeedEvent {
  id: number;
  needId: number;
  personId?: number;
  personName?: string;
  kind: NeedEventKind;
  fromStage?: string;
  toStage?: string;
  detail: Record<string, unknown>;
  at: Date;
}

export async function recordNeedEvent(
  db: Queryable,
  e: { needId: number; workspaceId: string; personId?: number; kind: NeedEventKind; fromStage?: string; toStage?: string; detail?: Record<string, unknown> },
): Promise<void> {
  await db.query(
    `INSERT INTO need_events (need_id, workspace_id, person_id, kind, from_stage, to_stage, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
    [e.needId, e.workspaceId, e.personId ?? null, e.kind, e.fromStage ?? null, e.toStage ?? null, JSON.stringify(e.detail ?? {})],
  );
}

export async function listNeedEvents(db: Queryable, workspaceId: string, needId: number, limit = 50): Promise<NeedEvent[]> {
  const res = await db.query<{
    id: string | number; need_id: string | number; person_id: string | number | null; person_name: string | null;
    kind: NeedEventKind; from_stage: string | null; to_stage: string | null; detail: Record<string, unknown> | string; at: Date | string;
  }>(
    `SELECT e.id, e.need_id, e.person_id, p.display_name AS person_name, e.kind, e.from_stage, e.to_stage, e.detail, e.at
       FROM need_events e LEFT JOIN people p ON p.id = e.person_id
      WHERE e.workspace_id = $1 AND e.need_id = $2 ORDER BY e.at, e.id LIMIT $3`,
    [workspaceId, needId, limit],
  );
  return res.rows.map((r) => ({
    id: Number(r.id),
    needId: Number(r.need_id),
    personId: r.person_id === null ? undefined : Number(r.person_id),
    personName: r.person_name ?? undefined,
    kind: r.kind,
    fromStage: r.from_stage ?? undefined,
    toStage: r.to_stage ?? undefined,
    detail: typeof r.detail === 'string' ? (JSON.parse(r.detail) as Record<string, unknown>) : r.detail,
    at: new Date(r.at),
  }));
}

/** Notes a person wrote about needs, for /forget-me's export. */
export async function listNotesBy(db: Queryable, personId: number): Promise<{ needId: number; text: string; at: Date }[]> {
  const res = await db.query<{ need_id: string | number; text: string | null; at: Date | string }>(
    `SELECT need_id, detail->>'text' AS text, at FROM need_events WHERE person_id = $1 AND kind = 'note' ORDER BY at`,
    [personId],
  );
  return res.rows.map((r) => ({ needId: Number(r.need_id), text: r.text ?? '', at: new Date(r.at) }));
}
