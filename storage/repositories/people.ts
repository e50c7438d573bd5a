import type { Queryable } from '../db.js';

export type Role = 'admin' | 'broker' | 'enterprise' | 'researcher';

export interface Person {
  id: number;
  workspaceId: string;
  displayName: string;
  role: Role;
  /** IANA time zone, once set (by the person, or from their platform profile). */
  timeZone?: string;
}

export interface IdentityKey {
  platform: 'console' | 'slack' | 'discord';
  workspaceId: string;
  platformUserId: string;
}

interface PersonRow {
  id: string | number;
  workspace_id: string;
  display_name: string;
  role: Role;
  time_zone: string | null;
}

const toPerson = (r: PersonRow): Person => ({
  id: Number(r.id),
  workspaceId: r.workspace_id,
  displayName: r.display_name,
  role: r.role,
  ...(r.time_zone ? { timeZone: r.time_zone } : {}),
});

export async function findPersonByIdentity(db: Queryable, key: IdentityKey): Promise<Person | undefined> {
  const res = await db.query<PersonRow>(
    `SELECT p.id, p.workspace_id, p.display_name, p.role, p.time_zone
       FROM identities i JOIN people p ON p.id = i.person_id
      WHERE i.platform = $1 AND i.workspace_id = $2 AND i.platform_user_id = $3`,
    [key.platform, key.workspaceId, key.platformUserId],
  );
  return res.rows[0] && toPerson(res.rows[0]);
}

/**
 * The person behind a platform identity, created on first contact with the default role
 * (enterprise contact: sees only their own needs). Safe when two first messages race.
 */
export async function ensurePerson(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  key: IdentityKey,
  displayName: string,
): Promise<Person> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${key.platform}:${key.workspaceId}:${key.platformUserId}`]);
    const existing = await findPersonByIdentity(tx, key);
    if (existing) return existing;
    const created = await tx.query<PersonRow>(
      `INSERT INTO people (workspace_id, display_name) VALUES ($1, $2)
       RETURNING id, workspace_id, display_name, role, time_zone`,
      [key.workspaceId, displayName],
    );
    const person = toPerson(created.rows[0]!);
    await tx.query(
      'INSERT INTO identities (platform, workspace_id, platform_user_id, person_id) VALUES ($1, $2, $3, $4)',
      [key.platform, key.workspaceId, key.platformUserId, person.id],
    );
    return person;
  });
}

/** Every platform account a person has (Slack, Discord, console), oldest first. */
export async function identitiesOfPerson(
  db: Queryable,
  personId: number,
): Promise<{ platform: IdentityKey['platform']; workspaceId: string; userId: string }[]> {
  const res = await db.query<{ platform: IdentityKey['platform']; workspace_id: string; platform_user_id: string }>(
    'SELECT platform, workspace_id, platform_user_id FROM identities WHERE person_id = $1 ORDER BY created_at, platform',
    [personId],
  );
  return res.rows.map((r) => ({ platform: r.platform, workspaceId: r.workspace_id, userId: r.platform_user_id }));
}

/** Sets a person's time zone only when they have none (a profile's zone never overrides theirs). */
export async function setTimeZoneIfUnset(db: Queryable, personId: number, zone: string): Promise<void> {
  await db.query('UPDATE people SET time_zone = $2 WHERE id = $1 AND time_zone IS NULL', [personId, zone]);
}
