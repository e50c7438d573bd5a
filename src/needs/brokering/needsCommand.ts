import type { Command } from '../../commands/types.js';
import { errorReply } from '../../messages/reply.js';
import { listNeeds, NEED_STAGES, type NeedFilter, type NeedStage } from '../../../storage/repositories/needs.js';
import { findPeopleByName } from '../../../storage/repositories/personRoles.js';
import { viewerOf } from '../needAccess.js';
import { isBroker } from '../permissions.js';
import { needLine } from './needLine.js';

/**
 * `/needs [stage] [mine | unassigned | @broker]`: open needs with stage, age and owner. Brokers
 * see the workspace's needs; enterprise contacts their own and their organisation's.
 */
export const needsCommand: Command = {
  name: 'needs',
  summary: 'List open needs with stage, age and owner; filter by stage and broker',
  usage: '/needs [stage] [mine | unassigned | @broker]',
  async run({ services, person, args }) {
    const viewer = await viewerOf(services, person);
    if (viewer.role === 'researcher') return errorReply('Needs are shown to researchers through introductions, not listed.');
    const filter: NeedFilter = {};
    for (const word of args.split(/\s+/).filter(Boolean)) {
      const w = word.toLowerCase();
      if ((NEED_STAGES as readonly string[]).includes(w)) filter.status = w as NeedStage;
      else if (w === 'mine') filter.brokerPersonId = person.id;
      else if (w === 'unassigned') filter.unassigned = true;
      else if (word.startsWith('@') && isBroker(viewer)) {
        const found = await findPeopleByName(services.db, person.workspaceId, word.slice(1));
        if (found.length !== 1) return errorReply(`I do not know one person called ${word.slice(0, 40)}.`);
        filter.brokerPersonId = found[0]!.id;
      } else {
        return errorReply(`I do not understand the filter "${word.slice(0, 40)}".`, `Stages: ${NEED_STAGES.join(', ')}; or mine, unassigned, @broker.`);
      }
    }
    if (!isBroker(viewer)) {
      filter.visibleTo = { personId: viewer.id, orgId: viewer.orgId };
      filter.includeDrafts = true;
    }
    const needs = await listNeeds(services.db, person.workspaceId, filter);
    const now = services.now();
    return {
      visibility: 'private',
      blocks: [
        { type: 'header', text: `Needs${filter.status ? ` in ${filter.status}` : ''} (${needs.length})` },
        needs.length > 0 ? { type: 'list', items: needs.map((n) => needLine(n, viewer, now)) } : { type: 'text', text: 'No needs match.' },
        { type: 'context', text: 'number · stage · age · owner · broker — summary' },
      ],
    };
  },
};
