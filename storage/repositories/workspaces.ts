import type { Queryable } from '../db.js';

export async function ensureWorkspace(db: Queryable, id: string, name: string): Promise<void> {
  await db.query('INSERT INTO workspaces (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, name]);
}
