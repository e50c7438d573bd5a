import { readFileSync } from 'node:fs';
import type { Db, Queryable } from '../../../storage/db.js';
import { contentHash } from '../../../src/outcomes/contentHash.js';
import { outcomeSchema } from '../../../src/outcomes/outcome.js';
import { upsertOutcomes } from '../../../storage/repositories/outcomes.js';
import { ensurePerson } from '../../../storage/repositories/people.js';
import { ensureWorkspace } from '../../../storage/repositories/workspaces.js';
import { insertDraftNeed, moveStage } from '../../../storage/repositories/needs.js';
import { insertIntro } from '../../../storage/repositories/intros.js';
import { insertMeeting, insertSlotRound, type Slot } from '../../../storage/repositories/meetings.js';
import { setTimeZone } from '../../../storage/repositories/schedules.js';

const FIXTURE = new URL('../../needs/fixtures/outcomes.jsonl', import.meta.url);
export const WS = 'ws-m';

/** A person of the test workspace with a time zone. */
export async function seedPerson(db: Db, name: string, zone = 'Europe/Berlin'): Promise<number> {
  await ensureWorkspace(db, WS, WS);
  const p = await ensurePerson(db, { platform: 'console', workspaceId: WS, platformUserId: name }, name);
  await setTimeZone(db, p.id, zone);
  return p.id;
}

/** Loads the needs fixture's outcomes once; returns the id of the first. */
export async function seedOutcome(db: Db): Promise<number> {
  const line = readFileSync(FIXTURE, 'utf8').split('\n')[0]!;
  const o = outcomeSchema.parse(JSON.parse(line));
  const [written] = await upsertOutcomes(db, [{ ...o, contentHash: contentHash(o) }]);
  return written!.id;
}

/**
 * A meeting being scheduled between an enterprise contact, a researcher and a broker, over a
 * submitted need, with one round of proposed slots. The data layer only: what a race needs.
 */
export async function seedMeeting(db: Queryable, v: { outcomeId: number; broker: number; enterprise: number; researcher: number; slots: { start: Date; end: Date }[] }): Promise<{ meetingId: number; needId: number; slots: Slot[] }> {
  const needId = await insertDraftNeed(db, { workspaceId: WS, ownerPersonId: v.enterprise, text: 'Corrosion of pipes', language: 'en', constraints: {}, confidential: true });
  await moveStage(db, WS, needId, 'draft', 'intro_requested');
  const introId = (await insertIntro(db, { workspaceId: WS, needId, outcomeId: v.outcomeId, brokerPersonId: v.broker, enterprisePersonId: v.enterprise, researcherPersonId: v.researcher }))!;
  const meetingId = (await insertMeeting(db, {
    workspaceId: WS, introId, needId, organizerPersonId: v.broker, durationMinutes: 45, icsUid: `m-${introId}@test`, location: 'Room 1',
    participants: [{ personId: v.enterprise, role: 'enterprise' }, { personId: v.researcher, role: 'researcher' }, { personId: v.broker, role: 'broker' }],
  }))!;
  return { meetingId, needId, slots: await insertSlotRound(db, meetingId, v.slots) };
}
