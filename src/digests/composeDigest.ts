import type { Services } from '../app/services.js';
import type { Reply } from '../messages/reply.js';
import type { DigestSubscription } from '../../storage/repositories/digestSubscriptions.js';
import { collectDigest } from './collectDigest.js';
import { renderDigestReply } from './renderDigestReply.js';

/** A channel's digest for one period, as the reply to post (`lateSince`: it was due then). */
export async function composeDigest(
  services: Services,
  sub: Pick<DigestSubscription, 'workspaceId' | 'language' | 'audience' | 'timeZone'>,
  period: { from: Date; to: Date },
  lateSince?: Date,
): Promise<Reply> {
  const content = await collectDigest(services, { workspaceId: sub.workspaceId, ...period, audience: sub.audience });
  const { config } = services;
  return renderDigestReply(
    content,
    { language: sub.language, timeZone: sub.timeZone },
    { sectionItems: config.DIGEST_SECTION_ITEMS, maxChars: config.DIGEST_MAX_CHARS },
    lateSince,
  );
}
