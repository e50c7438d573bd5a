import type { Queryable } from '../../storage/db.js';
import { findProfile } from '../../storage/repositories/personRoles.js';

/** "Rita (Ocean University) · rita@uni.edu · console: rita": what flows once both sides accept. */
export async function contactLine(db: Queryable, personId: number): Promise<string> {
  const p = await findProfile(db, personId);
  if (!p) return '(someone who has left the workspace)';
  const parts = [p.orgName ? `${p.displayName} (${p.orgName})` : p.displayName];
  if (p.email) parts.push(p.email);
  parts.push(...p.identities.map((i) => `${i.platform}: ${i.platformUserId}`));
  return parts.join(' · ');
}
