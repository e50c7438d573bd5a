import { afterEach, describe, expect, it } from 'vitest';
import { testEngines } from '../support/testDb.js';
import { listAudit } from '../../storage/repositories/auditLog.js';
import { findNeed } from '../../storage/repositories/needs.js';
import { findIntro } from '../../storage/repositories/intros.js';
import { introFollowUpJob } from '../../src/meetings/intros/introFollowUp.js';
import { choiceNumber, MeetingsWorld } from './support/meetingsWorld.js';

describe.each(testEngines)('introductions on $name', { timeout: 240_000 }, (engine) => {
  const worlds: MeetingsWorld[] = [];
  afterEach(async () => {
    for (const w of worlds.splice(0)) await w.close();
  });
  const open = async () => {
    const w = await MeetingsWorld.open(engine);
    worlds.push(w);
    return w;
  };

  it('asks both sides separately, anonymised for the researcher until the enterprise accepts, and connects them after both accept', async () => {
    const w = await open();
    const needId = await w.cast();
    await w.say('/as bob');
    const asked = await w.say(`/intro ${needId} NB-001 @rita`);
    expect(asked).toContain(`Introduction #1 requested: need #${needId} ↔ “Graphene-reinforced epoxy coating`);
    expect(asked).toMatch(/\[DM @carol\] .*introduce you to the team behind “Graphene-reinforced epoxy coating/);
    expect(asked).toMatch(/\[DM @rita\] .*introduce you to an enterprise/);
    expect(asked).not.toMatch(/\[DM @rita\].*Acme/);
    expect(asked).not.toMatch(/\[DM @carol\].*rita/i);
    expect((await findNeed(w.db, 'console', needId))!.status).toBe('intro_requested');

    // Carol accepts: Rita now sees the need in full, still without contacts.
    const carolInbox = await w.say('/as carol');
    const carol = await w.say(choiceNumber(carolInbox, 'Accept'));
    expect(carol).toContain('I will put you in touch as soon as the other side accepts');
    expect(carol).toMatch(/\[DM @rita\] .*here is their need in full/);
    expect(carol).toMatch(/\[DM @rita\] Our steel pipes corrode quickly in seawater/);

    const ritaInbox = await w.say('/as rita');
    const rita = await w.say(choiceNumber(ritaInbox, 'Accept'));
    expect(rita).toContain('Both sides accepted introduction #1');
    expect(rita).toMatch(/\[DM @carol\] You are connected .*Meet: rita \(Ocean University\)/);
    expect(rita).toMatch(/\[DM @rita\] You are connected .*Meet: carol \(Acme Marine\)/);
    expect(rita).toMatch(/\[DM @bob\] Both sides accepted introduction #1/);

    const audit = await listAudit(w.db, 'console', 'need', String(needId));
    const ritaViews = audit.filter((a) => a.personName === 'rita' && a.action === 'view');
    expect(ritaViews.map((a) => a.detail.anonymised)).toEqual([true, false]);
    const personViews = (await w.db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'view' AND subject_type = 'person' AND detail->>'via' = 'intro'`)).rows[0]!.n;
    expect(Number(personViews)).toBe(2);
  });

  it('keeps a decline reason for the broker only, and refuses what it should', async () => {
    const w = await open();
    const needId = await w.cast();
    await w.say('/as carol');
    expect(await w.say(`/intro ${needId} NB-001 @rita`)).toContain('Only brokers can request introductions.');
    await w.say('/as bob');
    expect(await w.say(`/intro ${needId} NB-002`)).toContain('Who answers for “Thermal spray aluminium coating');
    expect(await w.say(`/intro ${needId} NOPE-9 @rita`)).toContain('I could not find outcome NOPE-9.');
    expect(await w.say(`/intro ${needId} NB-001 @carol`)).toContain('carol is not a researcher.');
    expect(await w.say(`/intro 999 NB-001 @rita`)).toContain('I could not find need 999.');
    await w.say(`/intro ${needId} NB-001 @rita`);
    // The outcome's contact is remembered: no mention needed, and a second open intro is refused.
    expect(await w.say(`/intro ${needId} NB-001`)).toContain('is already open');

    await w.say('/as rita');
    const declined = await w.say('/intro decline 1 We only license, no joint projects');
    expect(declined).toContain('Declined introduction #1');
    expect(declined).toMatch(/\[DM @bob\] rita declined introduction #1 .*Reason \(only you see this\): We only license, no joint projects/);
    expect(declined).not.toMatch(/\[DM @carol\]/);
    await w.say('/as carol');
    expect(await w.say('/intro decline 1')).toContain('Introduction #1 is no longer open (declined).');
    expect(await w.say('/intro decline 77')).toContain('I could not find introduction 77 for you.');
    await w.say('/as bob');
    expect(await w.say('/intro list')).toMatch(/#1 · declined · need #1 ↔ “Graphene-reinforced epoxy.*” · carol: no answer yet, rita: declined \(“We only license, no joint projects”\)/);
  });

  it('nudges an unanswered intro once, then marks it stale for the broker', async () => {
    const w = await open();
    const needId = await w.cast();
    await w.say('/as bob');
    await w.say(`/intro ${needId} NB-001 @rita`);
    await w.say('/as carol');
    await w.say('1'); // Accept
    w.posts.drain();

    await introFollowUpJob.run(w.services, { introId: 1, step: 'nudge' });
    const nudged = w.posts.drain();
    expect(nudged).toMatch(/\[DM @rita\] .*A gentle reminder/);
    expect(nudged).not.toContain('[DM @carol]');
    await introFollowUpJob.run(w.services, { introId: 1, step: 'nudge' });
    expect(w.posts.drain()).toBe(''); // once only

    const waiting = async () => {
      const intro = (await findIntro(w.db, 'console', 1))!;
      return [intro.status, intro.parties.filter((p) => !p.answer).map((p) => p.side)];
    };
    expect(await waiting()).toEqual(['pending', ['researcher']]);
    await introFollowUpJob.run(w.services, { introId: 1, step: 'stale' });
    expect(w.posts.drain()).toMatch(/\[DM @bob\] Introduction #1 .* is stale: rita did not answer, even after a reminder/);
    expect(await waiting()).toEqual(['stale', ['researcher']]);
  });
});
