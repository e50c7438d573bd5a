import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../storage/pgliteDb.js';
import { migrate } from '../../storage/migrate.js';
import type { Db } from '../../storage/db.js';
import { ensurePerson } from '../../storage/repositories/people.js';
import { ensureWorkspace } from '../../storage/repositories/workspaces.js';
import { notifyPerson } from '../../src/notify/notifyPerson.js';
import { RecipientUnreachableError, RecordingNotifier, type PlatformUser } from '../../src/notify/channelNotifier.js';
import { textReply } from '../../src/messages/reply.js';
import { testServices } from '../support/testServices.js';

describe('notifyPerson', () => {
  let db: Db;
  let personId: number;
  beforeAll(async () => {
    db = await openPglite();
    await migrate(db);
    await ensureWorkspace(db, 'console', 'Console');
    personId = (await ensurePerson(db, { platform: 'console', workspaceId: 'console', platformUserId: 'rita' }, 'Rita')).id;
  });
  afterAll(() => db.close());

  it('sends the direct message to the person\'s account on the running platform', async () => {
    const notifier = new RecordingNotifier();
    const sent = await notifyPerson({ ...testServices(db), notifier }, personId, textReply('Your meeting is tomorrow.'));
    expect(sent).toBe(true);
    expect(notifier.directs).toEqual([{ user: { platform: 'console', workspaceId: 'console', userId: 'rita' }, reply: textReply('Your meeting is tomorrow.') }]);
  });

  it('answers false when nobody can post or the platform says the person cannot be reached', async () => {
    expect(await notifyPerson(testServices(db), personId, textReply('hi'))).toBe(false);
    const refusing = Object.assign(new RecordingNotifier(), {
      sendDirect: async (user: PlatformUser) => {
        throw new RecipientUnreachableError(user, 'user_disabled');
      },
    });
    expect(await notifyPerson({ ...testServices(db), notifier: refusing }, personId, textReply('hi'))).toBe(false);
  });

  it('lets other failures through, so the job that sent it can retry', async () => {
    const failing = Object.assign(new RecordingNotifier(), {
      sendDirect: async () => {
        throw new Error('HTTP 503');
      },
    });
    await expect(notifyPerson({ ...testServices(db), notifier: failing }, personId, textReply('hi'))).rejects.toThrow('HTTP 503');
  });
});
