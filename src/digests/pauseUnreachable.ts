import type { Services } from '../app/services.js';
import { errorReply } from '../messages/reply.js';
import { notifyPerson } from '../notify/notifyPerson.js';
import type { ChannelUnreachableError } from '../notify/channelUnreachableError.js';
import { pauseSubscription, type DigestSubscription } from '../../storage/repositories/digestSubscriptions.js';
import { workspaceAdminIds } from '../../storage/repositories/digestQueries.js';
import { recordAudit } from '../../storage/repositories/auditLog.js';
import { digestWords } from './digestText.js';

/**
 * The bot can no longer post to a subscribed channel (removed from it, channel archived): the
 * subscription is paused, the pause is on record, and the workspace's admins and whoever
 * subscribed the channel are told by direct message.
 */
export async function pauseUnreachable(services: Services, sub: DigestSubscription, err: ChannelUnreachableError): Promise<void> {
  const { db, log } = services;
  await pauseSubscription(db, sub.workspaceId, sub.channel, err.reason);
  await recordAudit(db, { workspaceId: sub.workspaceId, action: 'pause', subjectType: 'digest_subscription', subjectId: sub.channel, detail: { reason: err.reason } });
  const told = new Set([...(await workspaceAdminIds(db, sub.workspaceId)), ...(sub.createdBy === undefined ? [] : [sub.createdBy])]);
  const message = errorReply(digestWords(sub.language).paused(sub.channel, err.reason));
  let reached = 0;
  for (const personId of told) {
    try {
      if (await notifyPerson(services, personId, message)) reached += 1;
    } catch (notifyErr) {
      log.warn({ err: notifyErr, person: personId }, 'could not tell a person that a digest subscription was paused');
    }
  }
  log.warn({ channel: sub.channel, workspace: sub.workspaceId, reason: err.reason, told: reached }, 'digest channel unreachable; subscription paused');
}
