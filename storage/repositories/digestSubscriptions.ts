import type { Queryable } from '../db.js';

export type DigestLanguage = 'en' | 'zh';
export type DigestAudience = 'brokers' | 'mixed';

export interface DigestSubscription {
  workspaceId: string;
  channel: string;
  platform: 'console' | 'slack' | 'discord';
  cron: string;
  timeZone: string;
  language: DigestLanguage;
  audience: DigestAudience;
  status: 'active' | 'paused';
  pausedReason?: string;
  createdBy?: number;
  scheduleSince: Date;
}

interface SubscriptionRow {
  workspace_id: string;
  channel: string;
  platform: DigestSubscription['platform'];
  cron: string;
  time_zone: string;
  language: DigestLanguage;
  audience: DigestAudience;
  status: DigestSubscription['status'];
  paused_reason: string | null;
  created_by: string | number | null;
  schedule_since: Date | string;
}

const toSubscription = (r: SubscriptionRow): DigestSubscription => ({
  workspaceId: r.workspace_id,
  channel: r.channel,
  platform: r.platform,
  cron: r.cron,
  timeZone: r.time_zone,
  language: r.language,
  audience: r.audience,
  status: r.status,
  pausedReason: r.paused_reason ?? undefined,
  createdBy: r.created_by === null ? undefined : Number(r.created_by),
  scheduleSince: new Date(r.schedule_since),
});

const COLUMNS = 'workspace_id, channel, platform, cron, time_zone, language, audience, status, paused_reason, created_by, schedule_since';

/**
 * Subscribes a channel, or changes its schedule: active again, firings before `since` never sent.
 * Language and audience are kept when the channel was subscribed before, unless given.
 */
export async function upsertSubscription(
  db: Queryable,
  s: { workspaceId: string; channel: string; platform: DigestSubscription['platform']; cron: string; timeZone: string; language?: DigestLanguage; audience?: DigestAudience; createdBy: number; since: Date },
): Promise<DigestSubscription> {
  const res = await db.query<SubscriptionRow>(
    `INSERT INTO digest_subscriptions (workspace_id, channel, platform, cron, time_zone, language, audience, created_by, schedule_since)
     VALUES ($1, $2, $3, $4, $5, COALESCE($6, 'en'), COALESCE($7, 'mixed'), $8, $9)
     ON CONFLICT (workspace_id, channel) DO UPDATE
        SET platform = EXCLUDED.platform, cron = EXCLUDED.cron, time_zone = EXCLUDED.time_zone,
            language = COALESCE($6, digest_subscriptions.language), audience = COALESCE($7, digest_subscriptions.audience),
            status = 'active', paused_reason = NULL, created_by = EXCLUDED.created_by,
            schedule_since = EXCLUDED.schedule_since, updated_at = now()
     RETURNING ${COLUMNS}`,
    [s.workspaceId, s.channel, s.platform, s.cron, s.timeZone, s.language ?? null, s.audience ?? null, s.createdBy, s.since.toISOString()],
  );
  return toSubscription(res.rows[0]!);
}

export async function findSubscription(db: Queryable, workspaceId: string, channel: string): Promise<DigestSubscription | undefined> {
  const res = await db.query<SubscriptionRow>(`SELECT ${COLUMNS} FROM digest_subscriptions WHERE workspace_id = $1 AND channel = $2`, [workspaceId, channel]);
  return res.rows[0] && toSubscription(res.rows[0]);
}

export async function listSubscriptions(db: Queryable, workspaceId: string): Promise<DigestSubscription[]> {
  const res = await db.query<SubscriptionRow>(`SELECT ${COLUMNS} FROM digest_subscriptions WHERE workspace_id = $1 ORDER BY channel`, [workspaceId]);
  return res.rows.map(toSubscription);
}

/** Every active subscription of every workspace, for the scheduler tick. */
export async function listActiveSubscriptions(db: Queryable): Promise<DigestSubscription[]> {
  const res = await db.query<SubscriptionRow>(`SELECT ${COLUMNS} FROM digest_subscriptions WHERE status = 'active' ORDER BY workspace_id, channel`);
  return res.rows.map(toSubscription);
}

/** True when the channel was subscribed. */
export async function deleteSubscription(db: Queryable, workspaceId: string, channel: string): Promise<boolean> {
  const res = await db.query('DELETE FROM digest_subscriptions WHERE workspace_id = $1 AND channel = $2', [workspaceId, channel]);
  return res.rowCount === 1;
}

/** Sets the channel's digest language or audience; false when the channel is not subscribed. */
export async function updateSubscriptionSetting(
  db: Queryable,
  workspaceId: string,
  channel: string,
  setting: { language: DigestLanguage } | { audience: DigestAudience },
): Promise<boolean> {
  const res = await db.query(
    `UPDATE digest_subscriptions SET language = COALESCE($3, language), audience = COALESCE($4, audience), updated_at = now()
      WHERE workspace_id = $1 AND channel = $2`,
    [workspaceId, channel, 'language' in setting ? setting.language : null, 'audience' in setting ? setting.audience : null],
  );
  return res.rowCount === 1;
}

/** Stops sending to a channel (e.g. the bot was removed from it) until it is subscribed again. */
export async function pauseSubscription(db: Queryable, workspaceId: string, channel: string, reason: string): Promise<void> {
  await db.query(
    `UPDATE digest_subscriptions SET status = 'paused', paused_reason = $3, updated_at = now() WHERE workspace_id = $1 AND channel = $2`,
    [workspaceId, channel, reason],
  );
}
