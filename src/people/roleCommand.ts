import type { Command } from '../commands/types.js';
import { errorReply, textReply } from '../messages/reply.js';
import type { Role } from '../../storage/repositories/people.js';
import { findPeopleByName, findProfile, joinOrg, setRole } from '../../storage/repositories/personRoles.js';
import { recordAudit } from '../../storage/repositories/auditLog.js';

const ROLES: readonly Role[] = ['admin', 'broker', 'enterprise', 'researcher'];
const ORG_KIND = { admin: 'broker', broker: 'broker', enterprise: 'enterprise', researcher: 'university' } as const;

/**
 * `/role @person <role> [organisation]`: admins grant roles (and may place the person in an
 * organisation; enterprise contacts then see their organisation's needs).
 */
export const roleCommand: Command = {
  name: 'role',
  summary: 'Admins: give someone a role (admin, broker, enterprise, researcher) and organisation',
  usage: '/role @person <admin | broker | enterprise | researcher> [organisation]',
  async run({ services, person, args }) {
    // "@bob", "bob", or a platform mention: Slack "<@U123|bob>", Discord "<@!123>".
    const m = /^(?:<@!?([^>|\s]+)(?:\|[^>]*)?>|@?(\S+))\s+(\S+)(?:\s+([\s\S]+))?$/.exec(args);
    const who = m?.[1] ?? m?.[2];
    const role = m?.[3]?.toLowerCase() as Role | undefined;
    if (!m || !who || !role || !ROLES.includes(role)) {
      return errorReply('Name a person and a role.', 'For example: /role @bob broker, or /role @carol enterprise Acme Ltd');
    }
    const me = await findProfile(services.db, person.id);
    if (me?.role !== 'admin') return errorReply('Only admins can grant roles.', 'On a fresh workspace, /setup makes you the admin.');
    const found = await findPeopleByName(services.db, person.workspaceId, who);
    if (found.length === 0) return errorReply(`I do not know anyone called ${who.slice(0, 40)} here.`, 'They need to send me a message first.');
    if (found.length > 1) return errorReply(`Several people are called ${who.slice(0, 40)}.`, 'Use their platform user id instead.');
    const target = found[0]!;
    if (!(await setRole(services.db, person.workspaceId, target.id, role))) {
      return errorReply('You are the only admin; make someone else admin first.');
    }
    const org = m[4]?.trim().slice(0, 200);
    if (org) await joinOrg(services.db, person.workspaceId, target.id, org, ORG_KIND[role]);
    await recordAudit(services.db, { workspaceId: person.workspaceId, personId: person.id, action: 'grant', subjectType: 'person', subjectId: target.id, detail: { role, org } });
    return textReply(`${target.displayName} is now ${role === 'admin' || role === 'enterprise' ? 'an' : 'a'} ${role}${org ? ` (${org})` : ''}.`);
  },
};
