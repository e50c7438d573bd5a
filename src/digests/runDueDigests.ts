import { randomUUID } from 'node:crypto';
import type { Services } from '../app/services.js';
import { isChannelUnreachable } from '../notify/channelUnreachableError.js';
import { listActiveSubscriptions, type DigestSubscription } from '../../storage/repositories/digestSubscriptions.js';
import {
  claimDigestRun, digestRunSettled, lastPostedPeriodEnd, markDigestFailed, markDigestPosted, releaseDigestClaim, renewDigestClaim,
} from '../../storage/repositories/digestRuns.js';
import { latestFiring, previousFiring } from './schedule.js';
import { composeDigest } from './composeDigest.js';
import { pauseUnreachable } from './pauseUnreachable.js';

/** Claims after which a digest that keeps failing is given up. */
const MAX_ATTEMPTS = 5;
/** After a failed post, the next attempt waits this long times the attempts so far (5, 10, 15, 20 min). */
const RETRY_STEP_MS = 5 * 60_000;
/** A late digest covers the time since the last one posted, up to this far back. */
const MAX_CATCH_UP_MS = 31 * 86_400_000;

export type DigestTickResult = 'posted' | 'late' | 'not_due' | 'taken' | 'failed' | 'retry' | 'paused';

/**
 * The scheduler tick (run every minute by the job queue, or directly in tests): for each active
 * subscription this process can post to, the latest firing at or before `services.now()` is
 * the period due; unless it was posted already, it is claimed (one process wins), composed,
 * posted and marked posted. Several firings missed while no process ran end up as one digest,
 * marked late, covering the time since the last one posted.
 */
export async function runDueDigests(services: Services): Promise<Map<string, DigestTickResult>> {
  const results = new Map<string, DigestTickResult>();
  const notifier = services.notifier;
  if (!notifier) return results;
  for (const sub of await listActiveSubscriptions(services.db)) {
    if (sub.platform !== notifier.platform) continue; // another process's adapter posts there
    const key = `${sub.workspaceId}:${sub.channel}`;
    try {
      results.set(key, await runOne(services, sub));
    } catch (err) {
      services.log.error({ err, channel: sub.channel, workspace: sub.workspaceId }, 'digest tick failed for a channel');
      results.set(key, 'retry');
    }
  }
  return results;
}

async function runOne(services: Services, sub: DigestSubscription): Promise<DigestTickResult> {
  const { db, config, log } = services;
  const now = services.now();
  const due = latestFiring(sub, now, sub.scheduleSince);
  if (!due) return 'not_due';
  const period = { workspaceId: sub.workspaceId, channel: sub.channel, periodEnd: due };
  if (await digestRunSettled(db, period)) return 'not_due';
  const late = now.getTime() - due.getTime() > config.DIGEST_LATE_MINUTES * 60_000;
  const from = await periodStart(services, sub, due, late);
  const token = randomUUID();
  const lease = () => new Date(services.now().getTime() + config.DIGEST_LEASE_SECONDS * 1000);
  const claim = await claimDigestRun(db, { ...period, periodStart: from, late, token, now, leaseUntil: lease() });
  if (!claim) return 'taken';
  if (claim.attempts > MAX_ATTEMPTS) {
    await markDigestFailed(db, claim.id, token, `gave up after ${MAX_ATTEMPTS} attempts`);
    log.error({ channel: sub.channel, workspace: sub.workspaceId, due }, 'digest given up after repeated failures');
    return 'failed';
  }
  try {
    const reply = await composeDigest(services, sub, { from, to: due }, late ? due : undefined);
    // A claim held past its lease may have been taken over: post only while still holding it.
    if (!(await renewDigestClaim(db, claim.id, token, lease()))) return 'taken';
    await services.notifier!.postToChannel(sub.channel, reply);
  } catch (err) {
    if (isChannelUnreachable(err)) {
      await markDigestFailed(db, claim.id, token, `channel unreachable: ${err.reason}`);
      await pauseUnreachable(services, sub, err);
      return 'paused';
    }
    const retryAt = new Date(services.now().getTime() + claim.attempts * RETRY_STEP_MS);
    await releaseDigestClaim(db, claim.id, token, retryAt, err instanceof Error ? err.message : String(err));
    log.warn({ err, channel: sub.channel, workspace: sub.workspaceId, attempt: claim.attempts, retryAt }, 'digest not posted; trying again later');
    return 'retry';
  }
  await markDigestPosted(db, claim.id, token, services.now());
  return late ? 'late' : 'posted';
}

/** The previous firing; for a late digest, the end of the last one posted when that is earlier. */
async function periodStart(services: Services, sub: DigestSubscription, due: Date, late: boolean): Promise<Date> {
  const previous = previousFiring(sub, due) ?? new Date(due.getTime() - 7 * 86_400_000);
  if (!late) return previous;
  const lastPosted = await lastPostedPeriodEnd(services.db, sub.workspaceId, sub.channel);
  return lastPosted && lastPosted < previous && due.getTime() - lastPosted.getTime() <= MAX_CATCH_UP_MS ? lastPosted : previous;
}
