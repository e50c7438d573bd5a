import type { Command } from '../commands/types.js';
import { errorReply } from '../messages/reply.js';
import { listAudit } from '../../storage/repositories/auditLog.js';
import { loadVisibleNeed, viewerOf } from '../needs/needAccess.js';

/** `/audit <need id>`: admins read who viewed or changed a need, and when. */
export const auditCommand: Command = {
  name: 'audit',
  summary: 'Admins: who viewed or changed a need, and when',
  usage: '/audit <need id>',
  async run({ services, person, args }) {
    const viewer = await viewerOf(services, person);
    if (viewer.role !== 'admin') return errorReply('Only admins can read the audit log.');
    const need = await loadVisibleNeed(services, viewer, args);
    const entries = await listAudit(services.db, person.workspaceId, 'need', String(need.id));
    return {
      visibility: 'private',
      blocks: [
        { type: 'header', text: `Audit of need #${need.id}` },
        entries.length > 0
          ? {
              type: 'list',
              items: entries.map((e) => {
                const extra = Object.entries(e.detail).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => `${k}=${String(v)}`).join(', ');
                return `${e.at.toISOString().slice(0, 19).replace('T', ' ')} · ${e.personName ?? '(deleted person)'} · ${e.action}${extra ? ` (${extra})` : ''}`;
              }),
            }
          : { type: 'text', text: 'Nothing recorded.' },
      ],
    };
  },
};
