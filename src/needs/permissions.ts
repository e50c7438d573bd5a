import type { Role } from '../../storage/repositories/people.js';
import type { NeedRecord } from '../../storage/repositories/needs.js';

/** Who is looking: enough to decide what they may see. */
export interface Viewer {
  id: number;
  workspaceId: string;
  role: Role;
  orgId?: number;
}

/** Brokers and admins run the brokering commands and see every need of their workspace. */
export const isBroker = (p: { role: Role }): boolean => p.role === 'broker' || p.role === 'admin';

/**
 * May this person see this need at all? Never across workspaces. Brokers and admins: every need;
 * enterprise contacts: their own and their organisation's; researchers: none yet (they meet
 * needs through introductions, a later capability).
 */
export function canSeeNeed(viewer: Viewer, need: NeedRecord): boolean {
  if (viewer.workspaceId !== need.workspaceId) return false;
  if (isBroker(viewer)) return true;
  if (viewer.role === 'enterprise') {
    return need.ownerPersonId === viewer.id || (need.orgId !== undefined && need.orgId === viewer.orgId);
  }
  return false;
}

/**
 * May this person see who is behind the need (company name, contact)? Researchers never, until
 * the enterprise accepts an introduction (not built yet, so: never).
 */
export function canSeeIdentity(viewer: Viewer, need: NeedRecord): boolean {
  if (viewer.role === 'researcher') return false;
  return canSeeNeed(viewer, need);
}
