import type { Queryable } from '../db.js';

/** One channel's digest for one period, as a claim holder sees it. */
export interface DigestRunClaim {
  id: number;
  /** Claims so far, this one included (1 on the first). */
  attempts: number;
}

export interface DigestPeriodKey {
  workspaceId: string;
  channel: string;
  /** The firing that ends the period; with the channel, what makes a digest unique. */
  periodEnd: Date;
}

/**
 * Claims the digest of a channel and period for `token` until `leaseUntil`: creates its row, or
 * takes over a row whose earlier claim was never posted and whose lease ran out (that process
 * died). One statement, so of several processes claiming at once exactly one gets the row;
 * undefined for the others, and for a digest already posted or given up.
 */
export async function claimDigestRun(
  db: Queryable,
  key: DigestPeriodKey & { periodStart: Date; late: boolean; token: string; now: Date; leaseUntil: Date },
): Promise<DigestRunClaim | undefined> {
  const res = await db.query<{ id: string | number; attempts: number }>(
    `INSERT INTO digest_runs (workspace_id, channel, period_start, period_end, late, claim_token, lease_until, claimed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (workspace_id, channel, period_end) DO UPDATE
        SET claim_token = EXCLUDED.claim_token, lease_until = EXCLUDED.lease_until,
            claimed_at = EXCLUDED.claimed_at, attempts = digest_runs.attempts + 1
      WHERE digest_runs.status = 'claimed' AND digest_runs.lease_until <= EXCLUDED.claimed_at
     RETURNING id, attempts`,
    [key.workspaceId, key.channel, key.periodStart.toISOString(), key.periodEnd.toISOString(), key.late, key.token, key.leaseUntil.toISOString(), key.now.toISOString()],
  );
  const row = res.rows[0];
  return row && { id: Number(row.id), attempts: Number(row.attempts) };
}

/**
 * Extends a claim right before posting; false when the claim was lost (its lease ran out and
 * another process took it over), and then this process must not post.
 */
export async function renewDigestClaim(db: Queryable, id: number, token: string, leaseUntil: Date): Promise<boolean> {
  const res = await db.query(
    `UPDATE digest_runs SET lease_until = $3 WHERE id = $1 AND claim_token = $2 AND status = 'claimed'`,
    [id, token, leaseUntil.toISOString()],
  );
  return res.rowCount === 1;
}

/** Marks the claimed digest posted (only by its claim holder). */
export async function markDigestPosted(db: Queryable, id: number, token: string, at: Date): Promise<void> {
  await db.query(
    `UPDATE digest_runs SET status = 'posted', posted_at = $3 WHERE id = $1 AND claim_token = $2 AND status = 'claimed'`,
    [id, token, at.toISOString()],
  );
}

/** Gives the digest up for good, with the reason (the channel is gone, too many attempts). */
export async function markDigestFailed(db: Queryable, id: number, token: string, failure: string): Promise<void> {
  await db.query(
    `UPDATE digest_runs SET status = 'failed', failure = $3 WHERE id = $1 AND claim_token = $2 AND status = 'claimed'`,
    [id, token, failure.slice(0, 500)],
  );
}

/** Lets a later tick try again from `retryAt` (a transient posting error). */
export async function releaseDigestClaim(db: Queryable, id: number, token: string, retryAt: Date, failure: string): Promise<void> {
  await db.query(
    `UPDATE digest_runs SET lease_until = $3, failure = $4 WHERE id = $1 AND claim_token = $2 AND status = 'claimed'`,
    [id, token, retryAt.toISOString(), failure.slice(0, 500)],
  );
}

/** Has this period's digest been posted or given up? (Then the tick need not compose it.) */
export async function digestRunSettled(db: Queryable, key: DigestPeriodKey): Promise<boolean> {
  const res = await db.query(
    `SELECT 1 FROM digest_runs WHERE workspace_id = $1 AND channel = $2 AND period_end = $3 AND status <> 'claimed'`,
    [key.workspaceId, key.channel, key.periodEnd.toISOString()],
  );
  return res.rowCount > 0;
}

/** End of the channel's last posted period, if any. */
export async function lastPostedPeriodEnd(db: Queryable, workspaceId: string, channel: string): Promise<Date | undefined> {
  const res = await db.query<{ period_end: Date | string }>(
    `SELECT period_end FROM digest_runs WHERE workspace_id = $1 AND channel = $2 AND status = 'posted' ORDER BY period_end DESC LIMIT 1`,
    [workspaceId, channel],
  );
  return res.rows[0] && new Date(res.rows[0].period_end);
}
