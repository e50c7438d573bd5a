import type { Queryable } from '../../storage/db.js';
import { findNeed, moveStage, NEED_STAGES, type NeedStage } from '../../storage/repositories/needs.js';
import { recordNeedEvent } from '../../storage/repositories/needEvents.js';

const ACTIVE: readonly NeedStage[] = ['submitted', 'translated', 'matched', 'intro_requested', 'meeting_scheduled', 'met'];

/**
 * Moves a need forward along the pipeline to `to` (intro requested → meeting scheduled → met →
 * agreement), recorded as a stage event like /stage does. Never moves a need back, nor out of
 * draft, closed or withdrawn. `personId` undefined: Liaison itself moved it.
 */
export async function advanceNeed(tx: Queryable, workspaceId: string, needId: number, to: NeedStage, personId?: number): Promise<boolean> {
  const need = await findNeed(tx, workspaceId, needId);
  if (!need || !ACTIVE.includes(need.status)) return false;
  if (NEED_STAGES.indexOf(need.status) >= NEED_STAGES.indexOf(to)) return false;
  if (!(await moveStage(tx, workspaceId, needId, need.status, to))) return false;
  await recordNeedEvent(tx, { needId, workspaceId, personId, kind: 'stage', fromStage: need.status, toStage: to });
  return true;
}
