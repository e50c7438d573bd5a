import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../support/testDb.js';
import { castOf, NeedsWorld, submitNeedAs } from '../needs/support/needsWorld.js';
import { renderText } from '../../adapters/console/renderText.js';
import { collectDigest } from '../../src/digests/collectDigest.js';
import { renderDigestReply } from '../../src/digests/renderDigestReply.js';

const HOUR = 3_600_000;

describe.each(testEngines)('the meetings part of a digest on $name', (engine) => {
  let world: NeedsWorld;
  let need: number;
  beforeAll(async () => {
    world = await NeedsWorld.open(engine);
    const cast = await castOf(world);
    need = await submitNeedAs(cast.contact, 'Our steel pipes corrode quickly in seawater. We need a protective coating that lasts ten years.');
    // What the meetings capability records (migration 009): an intro waiting for the researcher,
    // a meeting held an hour ago with the enterprise's feedback, and the follow-up booked for next week.
    const outcome = await world.outcomeId('NB-001');
    const ago = (h: number) => new Date(Date.now() - h * HOUR).toISOString();
    const q = (sql: string, params: unknown[]) => world.db.query<{ id: string }>(sql, params);
    const intro = (await q(`INSERT INTO intros (workspace_id, need_id, outcome_id, status, created_at) VALUES ('ws-a', $1, $2, 'pending', $3) RETURNING id`, [need, outcome, ago(3)])).rows[0]!.id;
    await q(`INSERT INTO intro_parties (intro_id, side, answer, answered_at) VALUES ($1, 'enterprise', 'accepted', $2), ($1, 'researcher', NULL, NULL)`, [intro, ago(2)]);
    const held = (await q(
      `INSERT INTO meetings (workspace_id, intro_id, need_id, status, starts_at, ends_at, duration_minutes, ics_uid, location)
       VALUES ('ws-a', $1, $2, 'held', $3, $4, 60, 'uid-held', 'online') RETURNING id`, [intro, need, ago(1), ago(0)])).rows[0]!.id;
    await q(
      `INSERT INTO meetings (workspace_id, intro_id, need_id, status, starts_at, ends_at, duration_minutes, ics_uid, location)
       VALUES ('ws-a', $1, $2, 'booked', $3, $4, 60, 'uid-next', 'online')`, [intro, need, ago(-48), ago(-49)]);
    const contactId = (await q(`SELECT id FROM people WHERE display_name = 'Carol'`, [])).rows[0]!.id;
    await q(
      `INSERT INTO meeting_feedback (meeting_id, person_id, role, happened, usefulness, next_step, comment, answered_at)
       VALUES ($1, $2, 'enterprise', true, 4, 'pilot_test', 'our budget is 2 million', $3)`, [held, contactId, ago(0.5)]);
  }, 120_000);
  afterAll(() => world.close());

  it('lists meetings held and coming up, feedback received and intros waiting, never the comments', async () => {
    const to = new Date(Date.now() + HOUR);
    const content = await collectDigest(world.services, { workspaceId: 'ws-a', from: new Date(Date.now() - 6 * HOUR), to, audience: 'mixed' });
    expect(content.meetings.held.map((m) => m.status)).toEqual(['held']);
    expect(content.meetings.upcoming).toHaveLength(1);
    expect(content.meetings.feedback).toEqual([expect.objectContaining({ needId: need, role: 'enterprise', usefulness: 4, nextStep: 'pilot_test' })]);
    expect(content.meetings.introsWaiting).toEqual([expect.objectContaining({ needId: need, waitingFor: ['researcher'] })]);
    const text = renderText([await renderDigestReply(content, { language: 'en', timeZone: 'UTC' }, { sectionItems: 8, maxChars: 6000 })]).text;
    expect(text).toMatch(/== Meetings and introductions ==/);
    expect(text).toMatch(/1 meeting due this period · 1 coming up · 1 feedback answer · 1 intro waiting for an answer/);
    expect(text).toMatch(new RegExp(`Meeting \\d+ for need #${need} · .+ · held`));
    expect(text).toMatch(/enterprise · usefulness 4\/5 · next: pilot test/);
    expect(text).toMatch(new RegExp(`Intro \\d+ for need #${need} · waiting for researcher since`));
    expect(text).not.toMatch(/budget|Carol/);
  }, 60_000);
});
