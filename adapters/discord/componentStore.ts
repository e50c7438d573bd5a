import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../storage/db.js';
import type { Block } from '../../src/messages/reply.js';

export type FormBlock = Extract<Block, { type: 'form' }>;

/** A form shown in Discord: its definition and the answers of the pages submitted so far. */
export interface StoredForm {
  form: FormBlock;
  values: Record<string, string>;
}

/** A button or select whose action and value do not fit in a custom_id. */
export interface StoredAction {
  action: string;
  value?: string;
}

/** Keeps components in table discord_components, so any bot process can use them later. */
export async function saveComponent(db: Queryable, kind: 'form', payload: StoredForm): Promise<string>;
export async function saveComponent(db: Queryable, kind: 'action', payload: StoredAction): Promise<string>;
export async function saveComponent(db: Queryable, kind: 'form' | 'action', payload: StoredForm | StoredAction): Promise<string> {
  const key = randomUUID();
  await db.query('INSERT INTO discord_components (component_key, kind, payload) VALUES ($1, $2, $3)', [key, kind, JSON.stringify(payload)]);
  return key;
}

export async function loadForm(db: Queryable, key: string): Promise<StoredForm | undefined> {
  return load<StoredForm>(db, key, 'form');
}

export async function loadAction(db: Queryable, key: string): Promise<StoredAction | undefined> {
  return load<StoredAction>(db, key, 'action');
}

/** Remembers the answers of a form page (merged with the earlier pages'). */
export async function saveFormValues(db: Queryable, key: string, values: Record<string, string>): Promise<void> {
  await db.query(
    `UPDATE discord_components SET payload = jsonb_set(payload, '{values}', $2::jsonb) WHERE component_key = $1 AND kind = 'form'`,
    [key, JSON.stringify(values)],
  );
}

/** Forgets components older than anyone would still press, to keep the table small. */
export async function pruneComponents(db: Queryable, olderThanDays: number): Promise<number> {
  const res = await db.query('DELETE FROM discord_components WHERE created_at < now() - make_interval(days => $1)', [olderThanDays]);
  return res.rowCount;
}

async function load<T>(db: Queryable, key: string, kind: string): Promise<T | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(key)) return undefined;
  const res = await db.query<{ payload: T | string }>('SELECT payload FROM discord_components WHERE component_key = $1 AND kind = $2', [key, kind]);
  const row = res.rows[0];
  if (!row) return undefined;
  return typeof row.payload === 'string' ? (JSON.parse(row.payload) as T) : row.payload;
}
