import type { Command } from '../../commands/types.js';
import { findIntake } from '../../../storage/repositories/needIntakes.js';
import { findNeed } from '../../../storage/repositories/needs.js';
import { parseNeedId } from '../needAccess.js';
import { showNeed } from '../showNeed.js';
import { cancelDraft } from '../submitNeed.js';
import { needFormReply } from './needForm.js';
import { resumeIntake } from './resumeIntake.js';
import { startIntake } from './startIntake.js';

/**
 * `/need`: the form (or, with an intake in progress, where it stopped); `/need <text>` starts an
 * intake; `/need <id>` shows a need; `/need cancel` drops the draft in progress.
 */
export const needCommand: Command = {
  name: 'need',
  summary: 'Describe a need (form or conversation), continue one, or show one by number',
  usage: '/need [description | need id | cancel]',
  async run(req) {
    const { args, services, person } = req;
    if (parseNeedId(args) !== undefined) return showNeed(req, args);
    const intake = await findIntake(services.db, person.id);
    if (/^(cancel|取消)$/i.test(args)) {
      const need = intake && (await findNeed(services.db, person.workspaceId, intake.needId));
      return need ? cancelDraft(req, need) : resumeIntake(req);
    }
    if (intake) return resumeIntake(req);
    return args === '' ? needFormReply() : startIntake(req, args);
  },
};
