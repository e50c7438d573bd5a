import type { Services } from '../app/services.js';
import { UserFacingError } from '../errors.js';
import { findPeopleByName } from '../../storage/repositories/personRoles.js';
import type { Role } from '../../storage/repositories/people.js';

/** "@rita", "rita", or a platform mention (Slack "<@U123|rita>", Discord "<@!123>") → the name or id in it. */
export function mentionedName(text: string): string | undefined {
  const m = /^(?:<@!?([^>|\s]+)(?:\|[^>]*)?>|@?([^\s@<>]+))$/.exec(text.trim());
  return m?.[1] ?? m?.[2];
}

/** The one person of this workspace a mention names, or a friendly error. */
export async function findMentionedPerson(services: Services, workspaceId: string, text: string): Promise<{ id: number; displayName: string; role: Role }> {
  const name = mentionedName(text);
  const found = name ? await findPeopleByName(services.db, workspaceId, name) : [];
  const shown = (name ?? text).slice(0, 40);
  if (found.length === 0) throw new UserFacingError('person_not_found', `I do not know anyone called ${shown} here.`, 'They need to send me a message first.');
  if (found.length > 1) throw new UserFacingError('person_ambiguous', `Several people are called ${shown}.`, 'Use their platform user id instead.');
  return found[0]!;
}
