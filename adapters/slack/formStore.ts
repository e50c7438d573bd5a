import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../storage/db.js';
import type { Block } from '../../src/messages/reply.js';

export type FormBlock = Extract<Block, { type: 'form' }>;

/** Keeps the forms shown in Slack (table slack_forms), so any replica can open one later. */
export async function saveForm(db: Queryable, teamId: string, form: FormBlock): Promise<string> {
  const key = randomUUID();
  await db.query('INSERT INTO slack_forms (form_key, team_id, definition) VALUES ($1, $2, $3)', [key, teamId, JSON.stringify(form)]);
  return key;
}

export async function loadForm(db: Queryable, key: string): Promise<FormBlock | undefined> {
  const res = await db.query<{ definition: FormBlock | string }>('SELECT definition FROM slack_forms WHERE form_key = $1', [key]);
  const row = res.rows[0];
  if (!row) return undefined;
  return typeof row.definition === 'string' ? (JSON.parse(row.definition) as FormBlock) : row.definition;
}

/** Forgets forms older than anyone would still open, to keep the table small. */
export async function pruneForms(db: Queryable, olderThanDays: number): Promise<number> {
  const res = await db.query('DELETE FROM slack_forms WHERE created_at < now() - make_interval(days => $1)', [olderThanDays]);
  return res.rowCount;
}
