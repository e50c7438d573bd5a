import type { Command } from '../commands/types.js';
import { errorReply, reply } from '../messages/reply.js';
import { claimFirstAdmin } from '../../storage/repositories/personRoles.js';
import { recordAudit } from '../../storage/repositories/auditLog.js';

/** `/setup`: on a fresh workspace, the first person to run it becomes its admin. */
export const setupCommand: Command = {
  name: 'setup',
  summary: 'Set up a fresh workspace: the first person to run it becomes admin',
  usage: '/setup',
  async run({ services, person }) {
    const result = await claimFirstAdmin(services.db, person.workspaceId, person.id);
    if (!result.ok) {
      return result.adminName === person.displayName && person.role === 'admin'
        ? reply({ type: 'text', text: 'You are already the admin of this workspace.' })
        : errorReply(`This workspace is already set up; its admin is ${result.adminName}.`, 'Ask an admin for the role you need.');
    }
    await recordAudit(services.db, { workspaceId: person.workspaceId, personId: person.id, action: 'grant', subjectType: 'person', subjectId: person.id, detail: { role: 'admin', via: 'setup' } });
    return reply(
      { type: 'header', text: 'Workspace set up' },
      { type: 'text', text: `${person.displayName}, you are the admin of this workspace.` },
      { type: 'list', items: ['/role @person broker — make someone a broker', '/role @person enterprise Acme Ltd — an enterprise contact of Acme Ltd', '/audit <need id> — who viewed or changed a need'] },
    );
  },
};
