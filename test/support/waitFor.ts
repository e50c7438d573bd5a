/**
 * Polls `check` every 100 ms until it holds; fails after `ms` (for jobs that run on the queue's
 * own schedule, where a test can only wait and look).
 */
export async function waitFor(check: () => boolean, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}
