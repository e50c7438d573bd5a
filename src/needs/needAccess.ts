import type { Services } from '../app/services.js';
import { UserFacingError } from '../errors.js';
import { findNeed, type NeedRecord } from '../../storage/repositories/needs.js';
import { findProfile } from '../../storage/repositories/personRoles.js';
import { recordAudit } from '../../storage/repositories/auditLog.js';
import type { Person } from '../../storage/repositories/people.js';
import { canSeeNeed, isBroker, type Viewer } from './permissions.js';

/** The person as a Viewer, with their organisation (read fresh: roles change). */
export async function viewerOf(services: Services, person: Person): Promise<Viewer> {
  const profile = await findProfile(services.db, person.id);
  return { id: person.id, workspaceId: person.workspaceId, role: profile?.role ?? person.role, orgId: profile?.orgId };
}

/** "12", "#12" or "N12" → 12; anything else → undefined. */
export function parseNeedId(text: string): number | undefined {
  const m = /^(?:#|n)?(\d{1,15})$/i.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}

/** The same answer for "does not exist", "another workspace's" and "not yours": nothing leaks. */
export const needNotFound = (shown: string) =>
  new UserFacingError('need_not_found', `I could not find need ${shown.slice(0, 30)}.`, 'Check the number; /needs lists the needs you can see.');

/** A need this viewer may see, or the one "not found" error. */
export async function loadVisibleNeed(services: Services, viewer: Viewer, idText: string): Promise<NeedRecord> {
  const id = parseNeedId(idText);
  const need = id === undefined ? undefined : await findNeed(services.db, viewer.workspaceId, id);
  if (need && !canSeeNeed(viewer, need)) {
    // Told "not found" like any missing id, but the attempt is on record for admins.
    await recordAudit(services.db, { workspaceId: viewer.workspaceId, personId: viewer.id, action: 'denied', subjectType: 'need', subjectId: need.id });
  }
  if (!need || !canSeeNeed(viewer, need)) throw needNotFound(idText.trim() || '(none)');
  return need;
}

/** Stops anyone who is not a broker or admin, with a message that says who may. */
export function requireBroker(viewer: Viewer, what: string): void {
  if (!isBroker(viewer)) {
    throw new UserFacingError('not_permitted', `Only brokers can ${what}.`, 'An admin can give you the broker role with /role.');
  }
}
