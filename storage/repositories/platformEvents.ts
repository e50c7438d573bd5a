import type { Queryable } from '../db.js';

/**
 * Claims a platform delivery id. True the first time, false for every repeat, even when two
 * processes receive the same retry at once (the primary key decides).
 */
export async function claimEvent(db: Queryable, platform: string, eventId: string): Promise<boolean> {
  const res = await db.query(
    'INSERT INTO platform_events (platform, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
    [platform, eventId],
  );
  return res.rows.length === 1;
}

/** Forgets deliveries older than the platforms ever retry, to keep the table small. */
export async function pruneEvents(db: Queryable, olderThanHours: number): Promise<number> {
  const res = await db.query(`DELETE FROM platform_events WHERE received_at < now() - make_interval(hours => $1)`, [olderThanHours]);
  return res.rowCount;
}
