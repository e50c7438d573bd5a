import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportVerdictQrels } from '../../src/needs/verdicts/exportVerdictQrels.js';
import { testEngines } from '../support/testDb.js';
import { castOf, NeedsWorld, submitNeedAs, textOf } from './support/needsWorld.js';

const PIPES = 'Our steel pipes corrode quickly in seawater. We need a protective coating that lasts ten years.';

describe.each(testEngines)('brokering a need on $name', (engine) => {
  let world: NeedsWorld;
  let cast: Awaited<ReturnType<typeof castOf>>;
  let needId: number;
  beforeAll(async () => {
    world = await NeedsWorld.open(engine, { STAGE_STALE_DAYS: '7' });
    cast = await castOf(world);
    needId = await submitNeedAs(cast.contact, PIPES, 'Acme Marine');
    world.notifier.take();
  });
  afterAll(() => world.close());

  it('matches, shortlists and dismisses; a dismissed outcome never comes back for that need', async () => {
    const { broker } = cast;
    let out = await broker.send(`/match ${needId}`);
    expect(out).toContain(`== Candidates for need #${needId} ==`);
    expect(out).toMatch(/1\. Graphene-reinforced epoxy coating against seawater corrosion of steel/);
    expect(out).toMatch(/Matched: .*coating/); // the explanation
    expect(out).toContain('[1] Shortlist');
    expect(out).toContain('Dismiss because:');
    expect(out).toContain('More results'); // 3 per page in these tests

    // shortlist the first result
    out = await broker.send('1');
    expect(out).toContain(`Shortlisted “Graphene-reinforced epoxy coating against seawater corrosion of steel” for need #${needId}.`);
    // pressed twice: nothing duplicated
    const graphene = await world.outcomeId('NB-001');
    expect(textOf(await world.press(broker, 'match.shortlist', `${needId}:${graphene}`))).toContain('already shortlisted');

    // dismiss the second result as off-topic, using its select
    out = await broker.send(`/match ${needId}`);
    expect(out).toContain('[shortlisted]');
    const second = /2\. (.+)\n/.exec(out)![1]!;
    const offTopic = [...out.matchAll(/\[(\d+)\] Off-topic/g)][1]![1]!;
    out = await broker.send(offTopic);
    expect(out).toContain('(Off-topic). It will not be proposed for this need again.');
    out = await broker.send(`/match ${needId}`);
    expect(out).not.toContain(second);
    // …nor on later pages
    let page = out;
    for (let i = 0; i < 5 && /\[(\d+)\] More results/.test(page); i++) {
      page = await broker.send(/\[(\d+)\] More results/.exec(page)![1]!);
      expect(page).not.toContain(second);
    }

    const row = await world.db.query<{ status: string }>('SELECT status FROM needs WHERE id = $1', [needId]);
    expect(row.rows[0]!.status).toBe('matched'); // the first shortlist moved it on
    const verdicts = await world.db.query('SELECT verdict, reason FROM match_verdicts WHERE need_id = $1 ORDER BY verdict', [needId]);
    expect(verdicts.rows).toEqual([{ verdict: 'dismissed', reason: 'off_topic' }, { verdict: 'shortlisted', reason: null }]);
  });

  it('refuses stale or forged verdict buttons without recording anything', async () => {
    const before = await world.db.query('SELECT count(*) AS n FROM match_verdicts');
    expect(textOf(await world.press(cast.broker, 'match.dismiss', `${needId}:999999:off_topic`))).toContain('out of date');
    expect(textOf(await world.press(cast.broker, 'match.dismiss', `${needId}:${await world.outcomeId('NB-003')}:because`))).toContain('out of date');
    expect(textOf(await world.press(cast.broker, 'match.shortlist', `999999:${await world.outcomeId('NB-003')}`))).toContain('I could not find need 999999');
    expect(textOf(await world.press(cast.broker, 'match.page', 'need:x:y'))).toContain('out of date');
    const after = await world.db.query('SELECT count(*) AS n FROM match_verdicts');
    expect(after.rows).toEqual(before.rows);
  });

  it('views an outcome from a result, and audits the view', async () => {
    const out = await cast.broker.send(`/match ${needId}`);
    const view = /\[(\d+)\] View/.exec(out)![1]!;
    const shown = await cast.broker.send(view);
    expect(shown).toMatch(/Kind: (patent|paper|project|capability|instrument)/);
    const audit = await world.db.query(`SELECT 1 FROM audit_log WHERE action = 'view' AND subject_type = 'outcome'`);
    expect(audit.rows.length).toBeGreaterThan(0);
  });

  it('matches free text too, with a view button but no verdicts', async () => {
    const out = await cast.broker.send('/match lithium battery electrolyte for low temperature');
    expect(out).toContain('Low-temperature electrolyte for lithium-ion batteries');
    expect(out).toContain('View');
    expect(out).not.toContain('Shortlist');
  });

  it('exports verdicts as BEIR qrels', async () => {
    const lines = await exportVerdictQrels(world.db);
    expect(lines[0]).toBe('query-id\tcorpus-id\tscore');
    expect(lines).toContain(`need-${needId}\tNB-001\t1`);
    expect(lines.filter((l) => l.startsWith(`need-${needId}\t`) && l.endsWith('\t0'))).toHaveLength(1);
  });

  it('lets one of two brokers assigning at once win, and tells the other', async () => {
    const results = await Promise.all([
      world.router.handle(cast.broker.actor, { kind: 'text', text: `/assign ${needId}` }),
      world.router.handle(cast.broker2.actor, { kind: 'text', text: `/assign ${needId}` }),
    ]);
    const texts = results.map(textOf);
    expect(texts.filter((t) => t.includes('You now broker need'))).toHaveLength(1);
    expect(texts.filter((t) => /already taken by (Bob|Bea)/.test(t))).toHaveLength(1);
    const events = await world.db.query(`SELECT 1 FROM need_events WHERE need_id = $1 AND kind = 'assigned'`, [needId]);
    expect(events.rows).toHaveLength(1);
  });

  it('records notes and stage changes with who and when, and lists them', async () => {
    const winner = (await world.db.query<{ display_name: string }>(
      'SELECT p.display_name FROM needs n JOIN people p ON p.id = n.broker_person_id WHERE n.id = $1', [needId],
    )).rows[0]!.display_name;
    const broker = winner === 'Bob' ? cast.broker : cast.broker2;
    expect(await broker.send(`/note ${needId} Called their CTO; wants a lab visit.`)).toContain(`Noted on need #${needId}.`);
    expect(await broker.send(`/stage ${needId} intro_requested`)).toContain(`Need #${needId}: matched → intro_requested.`);
    expect(await broker.send(`/stage ${needId} meeting-scheduled`)).toContain('intro_requested → meeting_scheduled');
    expect(await broker.send(`/stage ${needId} flying`)).toContain('! Give a need number and a stage.');
    const shown = await broker.send(`/need ${needId}`);
    expect(shown).toContain('Stage: meeting_scheduled');
    expect(shown).toContain('Shortlist:');
    expect(shown).toMatch(new RegExp(`${winner} · note: Called their CTO`));
    expect(shown).toMatch(new RegExp(`${winner} · matched → intro_requested`));
    expect(shown).toMatch(/Liaison · submitted → translated/);

    const mine = await broker.send('/needs mine');
    expect(mine).toMatch(new RegExp(`#${needId} · meeting_scheduled · 0d · Acme Marine · broker: ${winner}`));
    expect(await broker.send('/needs unassigned')).not.toContain(`#${needId} `);
    expect(await broker.send('/needs draft')).toContain('No needs match.');
    expect(await broker.send(`/needs @${winner.toLowerCase()}`)).toContain(`#${needId} `);
    expect(await broker.send('/needs meeting_scheduled')).toContain(`#${needId} `);
    expect(await broker.send('/needs @nobody')).toContain('! I do not know one person called @nobody.');
    expect(await broker.send('/needs sideways')).toContain('! I do not understand the filter "sideways".');
  });

  it('shows the pipeline with counts per stage and needs stuck too long', async () => {
    const stuck = await submitNeedAs(cast.contact, 'Our harbour cranes need better corrosion sensors for seawater exposure and maintenance planning.', 'Acme Marine');
    await world.db.query(`UPDATE needs SET stage_changed_at = now() - interval '10 days' WHERE id = $1`, [stuck]);
    const out = await cast.broker.send('/pipeline');
    expect(out).toContain('== Pipeline ==');
    expect(out).toContain('meeting_scheduled: 1');
    expect(out).toContain('translated: 1');
    expect(out).toContain('In the same stage for 7 days or more:');
    expect(out).toMatch(new RegExp(`#${stuck} · translated for 10d`));
    expect(out).not.toMatch(new RegExp(`#${needId} ·`));
  });

  it('shows admins the audit log of a need', async () => {
    const out = await cast.admin.send(`/audit ${needId}`);
    expect(out).toContain(`== Audit of need #${needId} ==`);
    expect(out).toMatch(/Carol · create/);
    expect(out).toMatch(/Bob · view/);
    expect(out).toMatch(/· shortlist/);
    expect(out).toMatch(/· dismiss .*reason=off_topic/);
    expect(out).toMatch(/· assign/);
  });
});
