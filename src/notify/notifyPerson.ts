import type { Services } from '../app/services.js';
import type { Reply } from '../messages/reply.js';
import { RecipientUnreachableError } from './channelNotifier.js';
import { identitiesOfPerson } from '../../storage/repositories/people.js';

/**
 * Sends a direct message to a person wherever the running adapter can reach them. Returns
 * false (and logs) when it cannot: no adapter posts, the person has no account on its
 * platform, or the platform says the person cannot be reached. Callers keep their own record
 * of what was asked, so nothing is lost either way.
 */
export async function notifyPerson(services: Services, personId: number, reply: Reply): Promise<boolean> {
  const notifier = services.notifier;
  const accounts = await identitiesOfPerson(services.db, personId);
  const account = notifier && accounts.find((a) => a.platform === notifier.platform);
  if (!notifier || !account) {
    services.log.info({ person: personId, platforms: accounts.map((a) => a.platform) }, 'no adapter reaches this person; direct message not sent');
    return false;
  }
  try {
    await notifier.sendDirect(account, reply);
    return true;
  } catch (err) {
    // Left the workspace, blocks DMs from the bot: tell the caller, who tells the broker.
    // Anything else (the platform down, a 5xx) is thrown, so a job retries it.
    if (!(err instanceof RecipientUnreachableError)) throw err;
    services.log.warn({ person: personId, platform: account.platform, reason: err.reason }, 'person unreachable; direct message not sent');
    return false;
  }
}
