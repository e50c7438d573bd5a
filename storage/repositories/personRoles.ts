import type { Db, Queryable } from '../db.js';
import type { Role } from './people.js';

export interface PersonProfile {
  id: number;
  workspaceId: string;
  displayName: string;
  role: Role;
  orgId?: number;
  orgName?: string;
  email?: string;
  timeZone?: string;
  locale?: string;
  createdAt: Date;
  identities: { platform: string; platformUserId: string }[];
}

export async function findProfile(db: Queryable, personId: number): Promise<PersonProfile | undefined> {
  const res = await db.query<{
    id: string | number; workspace_id: string; display_name: string; role: Role; org_id: string | number | null;
    org_name: string | null; email: string | null; time_zone: string | null; locale: string | null; created_at: Date | string;
  }>(
    `SELECT p.id, p.workspace_id, p.display_name, p.role, p.org_id, o.name AS org_name, p.email, p.time_zone, p.locale, p.created_at
       FROM people p LEFT JOIN orgs o ON o.id = p.org_id WHERE p.id = $1`,
    [personId],
  );
  const r = res.rows[0];
  if (!r) return undefined;
  const ids = await db.query<{ platform: string; platform_user_id: string }>(
    'SELECT platform, platform_user_id FROM identities WHERE person_id = $1 ORDER BY platform, platform_user_id',
    [personId],
  );
  return {
    id: Number(r.id),
    workspaceId: r.workspace_id,
    displayName: r.display_name,
    role: r.role,
    orgId: r.org_id === null ? undefined : Number(r.org_id),
    orgName: r.org_name ?? undefined,
    email: r.email ?? undefined,
    timeZone: r.time_zone ?? undefined,
    locale: r.locale ?? undefined,
    createdAt: new Date(r.created_at),
    identities: ids.rows.map((i) => ({ platform: i.platform, platformUserId: i.platform_user_id })),
  };
}

/**
 * Makes `personId` the admin if the workspace has none yet. Serialised per workspace with an
 * advisory lock, so of two people running /setup at once exactly one becomes admin.
 */
export async function claimFirstAdmin(db: Db, workspaceId: string, personId: number): Promise<{ ok: true } | { ok: false; adminName: string }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`setup:${workspaceId}`]);
    const admin = await tx.query<{ display_name: string }>(
      `SELECT display_name FROM people WHERE workspace_id = $1 AND role = 'admin' ORDER BY id LIMIT 1`,
      [workspaceId],
    );
    if (admin.rows[0]) return { ok: false, adminName: admin.rows[0].display_name };
    await tx.query(`UPDATE people SET role = 'admin' WHERE id = $1 AND workspace_id = $2`, [personId, workspaceId]);
    return { ok: true };
  });
}

/** People of this workspace whose display name or platform user id is `name` (case-insensitive). */
export async function findPeopleByName(db: Queryable, workspaceId: string, name: string): Promise<{ id: number; displayName: string; role: Role }[]> {
  const res = await db.query<{ id: string | number; display_name: string; role: Role }>(
    `SELECT DISTINCT p.id, p.display_name, p.role FROM people p LEFT JOIN identities i ON i.person_id = p.id
      WHERE p.workspace_id = $1 AND (lower(p.display_name) = lower($2) OR lower(i.platform_user_id) = lower($2))
      ORDER BY p.id`,
    [workspaceId, name],
  );
  return res.rows.map((r) => ({ id: Number(r.id), displayName: r.display_name, role: r.role }));
}

/** Sets a role; refuses (false) to demote the workspace's last admin. */
export async function setRole(db: Db, workspaceId: string, personId: number, role: Role): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`setup:${workspaceId}`]);
    if (role !== 'admin') {
      const admins = await tx.query<{ id: string | number }>(
        `SELECT id FROM people WHERE workspace_id = $1 AND role = 'admin'`,
        [workspaceId],
      );
      if (admins.rows.length === 1 && Number(admins.rows[0]!.id) === personId) return false;
    }
    await tx.query('UPDATE people SET role = $3 WHERE id = $1 AND workspace_id = $2', [personId, workspaceId, role]);
    return true;
  });
}

/** The organisation called `name` in this workspace, created on first use; the person joins it. */
export async function joinOrg(db: Queryable, workspaceId: string, personId: number, name: string, kind: 'enterprise' | 'university' | 'broker'): Promise<number> {
  const res = await db.query<{ id: string | number }>(
    `INSERT INTO orgs (workspace_id, name, kind) VALUES ($1, $2, $3)
     ON CONFLICT (workspace_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [workspaceId, name, kind],
  );
  const orgId = Number(res.rows[0]!.id);
  await db.query('UPDATE people SET org_id = $3 WHERE id = $1 AND workspace_id = $2', [personId, workspaceId, orgId]);
  return orgId;
}

/** Deletes the person and their platform identities (cascade); references elsewhere become NULL. */
export async function deletePerson(db: Queryable, personId: number): Promise<void> {
  await db.query('DELETE FROM people WHERE id = $1', [personId]);
}
