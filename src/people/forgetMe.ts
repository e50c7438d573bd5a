import type { ActionHandler, Command } from '../commands/types.js';
import { errorReply, reply, type Reply } from '../messages/reply.js';
import { anonymiseNeedsOwnedBy, listNeeds } from '../../storage/repositories/needs.js';
import { recordNeedEvent, listNotesBy } from '../../storage/repositories/needEvents.js';
import { recordAudit } from '../../storage/repositories/auditLog.js';
import { deletePerson, findProfile } from '../../storage/repositories/personRoles.js';

/**
 * `/forget-me`: shows everything Liaison holds about the person, then deletes it when they
 * confirm. Needs they wrote stay as anonymised statistics (stage, dates, sector) without text.
 */
export const forgetMeCommand: Command = {
  name: 'forget-me',
  summary: 'See the personal data I hold about you, then delete it',
  usage: '/forget-me',
  async run({ services, person }) {
    const profile = await findProfile(services.db, person.id);
    if (!profile) return errorReply('I hold no data about you.');
    const needs = await listNeeds(services.db, person.workspaceId, { visibleTo: { personId: person.id }, includeDrafts: true, limit: 1000 });
    const notes = await listNotesBy(services.db, person.id);
    const exported = {
      person: {
        displayName: profile.displayName, role: profile.role, organisation: profile.orgName, email: profile.email,
        timeZone: profile.timeZone, locale: profile.locale, since: profile.createdAt.toISOString(), identities: profile.identities,
      },
      needs: needs.map((n) => ({ id: n.id, stage: n.status, text: n.text, answers: n.constraints, created: n.createdAt.toISOString() })),
      notes: notes.map((n) => ({ need: n.needId, text: n.text, at: n.at.toISOString() })),
    };
    return {
      visibility: 'private',
      blocks: [
        { type: 'header', text: 'Your data' },
        { type: 'text', text: JSON.stringify(exported, null, 2) },
        { type: 'context', text: 'Deleting removes your profile and identities, and the text and company name of your needs; counts and stages stay, without you.' },
        { type: 'actions', elements: [{ type: 'button', label: 'Delete my data', action: 'forget.confirm', value: String(person.id), style: 'danger' }] },
      ],
    } satisfies Reply;
  },
};

export const forgetConfirmAction: ActionHandler = {
  action: 'forget.confirm',
  async run({ services, person, value }) {
    // Only ever the presser's own data, whatever the button says.
    if (value !== String(person.id)) return errorReply('That button is out of date.', 'Type /forget-me again.');
    await services.db.transaction(async (tx) => {
      const needIds = await anonymiseNeedsOwnedBy(tx, person.id);
      for (const id of needIds) await recordNeedEvent(tx, { needId: id, workspaceId: person.workspaceId, kind: 'anonymised' });
      await recordAudit(tx, { workspaceId: person.workspaceId, action: 'delete', subjectType: 'person', subjectId: person.id, detail: { needsAnonymised: needIds.length } });
      await deletePerson(tx, person.id);
    });
    return reply({ type: 'text', text: 'Your personal data is deleted. If you write again, I will treat you as someone new.' });
  },
};
