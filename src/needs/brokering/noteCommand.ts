import type { Command } from '../../commands/types.js';
import { errorReply, textReply } from '../../messages/reply.js';
import { recordNeedEvent } from '../../../storage/repositories/needEvents.js';
import { recordAudit } from '../../../storage/repositories/auditLog.js';
import { loadVisibleNeed, requireBroker, viewerOf } from '../needAccess.js';

/** `/note <need> <text>`: a broker's note on a need, kept in its history with who and when. */
export const noteCommand: Command = {
  name: 'note',
  summary: 'Add a note to a need',
  usage: '/note <need id> <text>',
  async run({ services, person, args }) {
    const m = /^(\S+)\s+([\s\S]+)$/.exec(args);
    if (!m) return errorReply('Give a need number and the note.', 'For example: /note 12 Called the CTO, wants a lab visit.');
    const viewer = await viewerOf(services, person);
    requireBroker(viewer, 'add notes');
    const need = await loadVisibleNeed(services, viewer, m[1]!);
    const text = m[2]!.slice(0, 2000);
    await services.db.transaction(async (tx) => {
      await recordNeedEvent(tx, { needId: need.id, workspaceId: person.workspaceId, personId: person.id, kind: 'note', detail: { text } });
      await recordAudit(tx, { workspaceId: person.workspaceId, personId: person.id, action: 'note', subjectType: 'need', subjectId: need.id });
    });
    return textReply(`Noted on need #${need.id}.`);
  },
};
