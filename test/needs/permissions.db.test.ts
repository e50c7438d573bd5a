import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../support/testDb.js';
import { castOf, NeedsWorld, submitNeedAs, textOf } from './support/needsWorld.js';

const PIPES = 'Our steel pipes corrode quickly in seawater. We need a protective coating that lasts ten years.';
const CRANES = 'Our harbour cranes rust in salty air and we need coating research that survives abrasion.';

describe.each(testEngines)('roles, confidentiality and audit on $name', (engine) => {
  let world: NeedsWorld;
  let cast: Awaited<ReturnType<typeof castOf>>;
  let acmeNeed: number;
  let rivalNeed: number;
  beforeAll(async () => {
    world = await NeedsWorld.open(engine);
    cast = await castOf(world);
    acmeNeed = await submitNeedAs(cast.contact, PIPES, 'Acme Marine');
    rivalNeed = await submitNeedAs(cast.rival, CRANES, 'Rival Corp');
    world.notifier.take();
  });
  afterAll(() => world.close());

  const notFound = (id: number | string) => `! I could not find need ${id}.`;

  it('makes the first person to run /setup the admin, and only the first', async () => {
    const roles = await world.db.query<{ display_name: string; role: string }>(`SELECT display_name, role FROM people WHERE workspace_id = 'ws-a' AND role = 'admin'`);
    expect(roles.rows).toEqual([{ display_name: 'Ada', role: 'admin' }]);
    expect(await cast.broker.send('/setup')).toContain('! This workspace is already set up; its admin is Ada.');
  });

  it('lets exactly one of two simultaneous /setup runs on a fresh workspace win', async () => {
    const a = world.as('x1', { workspace: 'ws-fresh' });
    const b = world.as('x2', { workspace: 'ws-fresh' });
    await a.send('/help');
    await b.send('/help');
    const [ra, rb] = await Promise.all([a.send('/setup'), b.send('/setup')]);
    expect([ra, rb].filter((t) => t.includes('you are the admin'))).toHaveLength(1);
    expect([ra, rb].filter((t) => t.includes('already set up'))).toHaveLength(1);
  });

  it('lets only admins grant roles', async () => {
    expect(await cast.broker.send('/role @dan broker')).toContain('! Only admins can grant roles.');
    expect(await cast.contact.send('/role @carol admin')).toContain('! Only admins can grant roles.');
    expect(await cast.admin.send('/role @nobody broker')).toContain('! I do not know anyone called nobody here.');
    expect(await cast.admin.send('/role @ada broker')).toContain('! You are the only admin');
    expect(await cast.admin.send('/role <@rita|Rita> researcher')).toContain('Rita is now a researcher.'); // a Slack mention
  });

  it('treats unknown people as enterprise contacts: no brokering commands', async () => {
    const stranger = world.as('sam', { name: 'Sam' });
    for (const cmd of [`/match ${acmeNeed}`, '/match coating', `/assign ${acmeNeed}`, `/note ${acmeNeed} hi`, `/stage ${acmeNeed} met`, '/pipeline']) {
      expect(await stranger.send(cmd), cmd).toMatch(/^! (Only brokers can|I could not find need)/);
    }
    expect(await stranger.send('/needs')).toContain('No needs match.');
  });

  it('shows an enterprise contact their own need', async () => {
    const out = await cast.contact.send(`/need ${acmeNeed}`);
    expect(out).toContain(`== Need #${acmeNeed} ==`);
    expect(out).toContain('Company: Acme Marine');
    expect(await cast.contact.send('/needs')).toContain(`#${acmeNeed} `);
  });

  it('gives a contact guessing another company\'s need id the same "not found" as a missing id', async () => {
    const guessed = await cast.rival.send(`/need ${acmeNeed}`);
    const missing = await cast.rival.send('/need 987654');
    expect(guessed.split('\n')[0]).toBe(notFound(acmeNeed));
    expect(missing.split('\n')[0]).toBe(notFound(987654));
    expect(guessed.replace(String(acmeNeed), 'N')).toBe(missing.replace('987654', 'N'));
    expect(await cast.rival.send('/needs')).not.toContain(`#${acmeNeed} `);
    // nor through a forged button
    expect(textOf(await world.press(cast.rival, 'need.submit', String(acmeNeed)))).toContain(`I could not find need ${acmeNeed}`);
    expect(textOf(await world.press(cast.rival, 'match.shortlist', `${acmeNeed}:1`))).toContain('Only brokers');
  });

  it('shows a colleague of the same organisation their company\'s needs', async () => {
    const cleo = world.as('cleo', { name: 'Cleo' });
    await cleo.send('/help');
    await cast.admin.send('/role @cleo enterprise Acme Marine');
    expect(await cleo.send(`/need ${acmeNeed}`)).toContain(`== Need #${acmeNeed} ==`);
    expect(await cleo.send(`/need ${rivalNeed}`)).toContain(notFound(rivalNeed));
  });

  it('never shows researchers a need, its company or its contact', async () => {
    const out = await cast.researcher.send(`/need ${acmeNeed}`);
    expect(out).toContain(notFound(acmeNeed));
    expect(out).not.toContain('Acme');
    expect(await cast.researcher.send('/needs')).toMatch(/^! Needs are shown to researchers through introductions/);
    expect(await cast.researcher.send(`/match ${acmeNeed}`)).toContain('! Only brokers can');
  });

  it('shows brokers every need of their workspace, with company and contact', async () => {
    const out = await cast.broker.send(`/need ${rivalNeed}`);
    expect(out).toContain('Contact: Dan');
    expect(out).toContain('Company: Rival Corp');
    const list = await cast.broker.send('/needs');
    expect(list).toContain(`#${acmeNeed} `);
    expect(list).toContain(`#${rivalNeed} `);
  });

  it('keeps two workspaces on one database apart', async () => {
    const other = world.as('olaf', { workspace: 'ws-b', name: 'Olaf' });
    await other.send('/setup'); // admin of ws-b: sees everything, but only in ws-b
    for (const cmd of [`/need ${acmeNeed}`, `/match ${acmeNeed}`, `/assign ${acmeNeed}`, `/note ${acmeNeed} x`, `/stage ${acmeNeed} met`, `/audit ${acmeNeed}`]) {
      expect(await other.send(cmd), cmd).toContain(notFound(acmeNeed));
    }
    expect(await other.send('/needs')).toContain('No needs match.');
    expect(await other.send('/pipeline')).toContain('translated: 0');
    expect(textOf(await world.press(other, 'need.assign', String(acmeNeed)))).toContain(`I could not find need ${acmeNeed}`);
  });

  it('lets only admins read the audit log', async () => {
    expect(await cast.broker.send(`/audit ${acmeNeed}`)).toContain('! Only admins can read the audit log.');
    expect(await cast.contact.send(`/audit ${acmeNeed}`)).toContain('! Only admins can read the audit log.');
    const out = await cast.admin.send(`/audit ${acmeNeed}`);
    expect(out).toMatch(/Carol · create/);
    expect(out).toMatch(/Dan · denied/); // the guess is on record, though Dan was told "not found"
    expect(out).not.toMatch(/Dan · view/);
  });

  it('/forget-me shows the data, then deletes it and keeps anonymised statistics', async () => {
    const exported = await cast.contact.send('/forget-me');
    expect(exported).toContain('"displayName": "Carol"');
    expect(exported).toContain('"organisation": "Acme Marine"');
    expect(exported).toContain('Our steel pipes corrode');
    // someone else's confirm value is refused
    expect(textOf(await world.press(cast.rival, 'forget.confirm', String(cast.contact.actor.userId)))).toContain('out of date');
    const button = /\[(\d+)\] Delete my data/.exec(exported)![1]!;
    expect(await cast.contact.send(button)).toContain('Your personal data is deleted.');

    const people = await world.db.query(`SELECT 1 FROM people WHERE display_name = 'Carol'`);
    expect(people.rows).toHaveLength(0);
    const need = await world.db.query<{ text: string; owner_person_id: unknown; status: string; constraints: Record<string, string> }>(
      'SELECT text, owner_person_id, status, constraints FROM needs WHERE id = $1', [acmeNeed],
    );
    expect(need.rows[0]).toMatchObject({ text: '', owner_person_id: null, status: 'translated' });
    expect(need.rows[0]!.constraints.company).toBeUndefined();
    expect(need.rows[0]!.constraints.sector).toBe('materials'); // statistics stay
    expect(await cast.broker.send('/pipeline')).toContain('translated: 2');
  });
});
