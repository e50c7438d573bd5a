import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../support/testDb.js';
import { NeedsWorld, textOf } from './support/needsWorld.js';

const PIPES = 'Our steel pipes corrode quickly in seawater. We need a protective coating that lasts ten years.';

describe.each(testEngines)('need intake through the console on $name', (engine) => {
  let world: NeedsWorld;
  beforeAll(async () => {
    world = await NeedsWorld.open(engine);
  });
  afterAll(() => world.close());

  const need = async (id: number) =>
    (await world.db.query<{ status: string; constraints: Record<string, string>; confidential: boolean; text: string }>(
      'SELECT status, constraints, confidential, text FROM needs WHERE id = $1', [id],
    )).rows[0]!;

  it('takes a need in English: summary, one question at a time, an edit, then submit', async () => {
    const alice = world.as('alice', { name: 'Alice' });
    let out = await alice.send(PIPES);
    expect(out).toContain('== Here is what I understood (#');
    expect(out).toMatch(/Need: The enterprise reports: "Our steel pipes corrode quickly in seawater\./);
    expect(out).toMatch(/Research question: Which methods in .*coating/);
    expect(out).toMatch(/Research keywords: steel pipes, seawater, coating, corrode/);
    expect(out).toContain('Sector: Materials & chemicals'); // understood from the text, so not asked
    expect(out).toContain('Which company is this for?');
    const id = Number(/#(\d+)\)/.exec(out)![1]);

    out = await alice.send('Acme Marine');
    expect(out).toContain('What have you tried so far?');
    expect(out).toContain('[2] In-house R&D');
    out = await alice.send('2');
    expect(out).toContain('When do you need a solution?');
    expect(out).not.toContain('Which sector');
    out = await alice.send('[nonsense]');
    expect(out).toContain('Please pick one of the options');
    out = await alice.send('3–12 months'); // typed label works as well as the number
    expect(out).toContain('Which budget band fits?');
    out = await alice.send('2');
    expect(out).toContain('Where may the research partner be?');
    out = await alice.send('4');
    expect(out).toContain('May researchers see your company name');
    out = await alice.send('2');
    expect(out).toContain('Everything is there');
    expect(out).toContain('Budget: 50k–200k');
    expect(out).toContain('Shown to researchers: Anonymised only');
    expect(out).toContain('[1] Submit');

    // change the budget before submitting
    const budgetChoice = /\[(\d+)\] Budget/.exec(out)![1]!;
    out = await alice.send(budgetChoice);
    expect(out).toContain('Which budget band fits?');
    out = await alice.send('3');
    expect(out).toContain('Budget: 200k–1M');
    expect(await world.notifier.posts.length).toBe(0);

    out = await alice.send('1');
    expect(out).toContain(`need #${id} is submitted`);
    const row = await need(id);
    expect(row.status).toBe('translated');
    expect(row.confidential).toBe(true);
    expect(row.constraints).toMatchObject({ company: 'Acme Marine', sector: 'materials', tried: 'inhouse', timeline: '3to12m', budget: '200kto1m', region: 'none', visibility: 'anonymous' });

    // the brokers' channel got the anonymised brief and candidates, once
    const posts = world.notifier.take();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.channel).toBe('brokers');
    const post = textOf([posts[0]!.reply]) + JSON.stringify(posts[0]!.reply);
    expect(post).toContain(`New need #${id}`);
    expect(post).toContain('Graphene-reinforced epoxy coating');
    expect(post).not.toContain('Acme');
    expect(post).not.toContain('Alice');

    // submit pressed again (an old button): nothing new
    const again = await world.press(alice, 'need.submit', String(id));
    expect(textOf(again)).toContain('already submitted');
    expect(world.notifier.posts).toHaveLength(0);
    const events = await world.db.query<{ kind: string }>(`SELECT kind FROM need_events WHERE need_id = $1 AND kind = 'submitted'`, [id]);
    expect(events.rows).toHaveLength(1);
  });

  it('takes a need in Chinese and answers in Chinese', async () => {
    const li = world.as('li', { name: '李雷' });
    let out = await li.send('我们的锂电池在低温下容量衰减严重，希望找到改进电解液的研究团队。');
    expect(out).toContain('== 我的理解如下 (#');
    expect(out).toContain('行业: 能源');
    expect(out).toMatch(/研究关键词: [^,\n]*锂电池、[^,\n]*\n/); // listed the Chinese way
    expect(out).toContain('这是哪家公司的需求？');
    out = await li.send('华东电池公司');
    expect(out).toContain('已记录。');
    expect(out).toContain('目前已经尝试过什么？');
    expect(out).toContain('[1] 尚未尝试');
    out = await li.send('我们和一家供应商试过两种添加剂'); // free text is a valid answer here
    expect(out).toContain('希望多久内解决？');
    out = await li.send('3个月内');
    expect(out).toContain('预算大约在哪个区间？');
    out = await li.send('5');
    out = await li.send('1');
    out = await li.send('1');
    expect(out).toContain('信息已齐全');
    expect(out).toContain('对研究人员展示: 显示公司名称');
    out = await li.send('提交');
    expect(out).toMatch(/需求 #\d+ 已提交/);
    const id = Number(/#(\d+)/.exec(out)![1]);
    const row = await need(id);
    expect(row.confidential).toBe(false);
    expect(row.constraints.tried).toBe('我们和一家供应商试过两种添加剂');
    const post = JSON.stringify(world.notifier.take()[0]!.reply);
    expect(post).toContain('锂电池低温电解液添加剂研究');
    expect(post).not.toContain('华东电池公司');
  });

  it('resumes an interrupted intake after a restart, where it stopped', async () => {
    const kim = world.as('kim', { name: 'Kim' });
    await kim.send('Our dye works produce wastewater full of dyes and we need a cheaper treatment process.');
    await kim.send('Dye Works Ltd');
    const before = await kim.send('1'); // tried: nothing yet
    expect(before).toContain('When do you need a solution?');

    world.restart(); // new services and router over the same database: no memory survives
    const kimAgain = world.as('kim', { name: 'Kim' });
    let out = await kimAgain.send('/need');
    expect(out).toMatch(/Welcome back — let us continue with need #\d+/);
    expect(out).toContain('Company: Dye Works Ltd');
    expect(out).toContain('When do you need a solution?');
    out = await kimAgain.send('1');
    expect(out).toContain('Which budget band fits?');
    const drafts = await world.db.query(`SELECT n.id FROM needs n JOIN people p ON p.id = n.owner_person_id WHERE p.display_name = 'Kim'`);
    expect(drafts.rows).toHaveLength(1); // resumed, not started again
  });

  it('ignores stale and repeated buttons without duplicating anything', async () => {
    const olga = world.as('olga', { name: 'Olga' });
    const first = await olga.send('Our bakery ovens waste a lot of heat and we want to recover it for drying.');
    const id = Number(/#(\d+)\)/.exec(first)![1]);
    await olga.send('Olga Bakes');
    // an answer for a later question pressed early (out of order): kept, and the current question asked again
    const early = await world.press(olga, 'need.answer', `${id}:budget:lt50k`);
    expect(textOf(early)).toContain('Which sector are you in?');
    // the same answer twice: one value, asked once more
    await world.press(olga, 'need.answer', `${id}:budget:lt50k`);
    expect((await need(id)).constraints.budget).toBe('lt50k');
    // a made-up value or field is refused
    expect(textOf(await world.press(olga, 'need.answer', `${id}:budget:lots`))).toContain('out of date');
    // someone else's draft: not found, and nothing changed
    const eve = world.as('eve', { name: 'Eve' });
    expect(textOf(await world.press(eve, 'need.answer', `${id}:sector:health`))).toContain(`I could not find need ${id}`);
    expect((await need(id)).constraints.sector).not.toBe('health');
    // cancel, then a stale submit button
    expect(textOf(await world.press(olga, 'need.cancel', String(id)))).toContain('cancelled');
    expect(textOf(await world.press(olga, 'need.submit', String(id)))).toContain('cancelled');
    expect((await need(id)).status).toBe('withdrawn');
    expect(world.notifier.posts).toHaveLength(0);
  });

  it('starts one intake when two first messages from one person arrive at once', async () => {
    const hal = world.as('hal', { name: 'Hal' });
    await hal.send('/help');
    const text = 'Our warehouse robots keep losing their way in narrow aisles and need better navigation.';
    await Promise.all([1, 2, 3].map(() => world.router.handle(hal.actor, { kind: 'text', text })));
    const drafts = await world.db.query(`SELECT n.id FROM needs n JOIN people p ON p.id = n.owner_person_id WHERE p.display_name = 'Hal'`);
    expect(drafts.rows).toHaveLength(1);
  });

  it('asks for a clearer description when the text has no technical problem, then carries on', async () => {
    const ivy = world.as('ivy', { name: 'Ivy' });
    let out = await ivy.send('Hello there, how are you?');
    expect(out).toContain('I could not find a technical problem in that yet.');
    out = await ivy.send('Our ceramic tiles crack when we shorten the firing cycle in the kiln.');
    expect(out).toContain('Which company is this for?');
    out = await ivy.send('Ivy Tiles');
    expect(out).toContain('What have you tried so far?'); // the sector came from the new description
    const row = await world.db.query<{ text: string; brief: unknown }>(
      `SELECT n.text, n.brief FROM needs n JOIN people p ON p.id = n.owner_person_id WHERE p.display_name = 'Ivy'`,
    );
    expect(row.rows).toHaveLength(1);
    expect(row.rows[0]!.text).toContain('ceramic tiles crack');
    expect(row.rows[0]!.brief).not.toBeNull();
  });

  it('offers a form with /need, and accepts its submission', async () => {
    const fay = world.as('fay', { name: 'Fay' });
    const out = await fay.send('/need');
    expect(out).toContain('Describe a need — answer each line:');
    const empty = await world.router.handle(fay.actor, { kind: 'action', action: 'need.form', values: { company: 'Fay Offshore' } });
    expect(empty[0]!.fieldErrors).toHaveProperty('description');
    const replies = await world.router.handle(fay.actor, {
      kind: 'action',
      action: 'need.form',
      values: {
        description: 'We need a sensor that detects corrosion inside our seawater pipelines.',
        company: 'Fay Offshore', sector: 'energy', tried: 'nothing', timeline: 'lt3m', budget: 'gt1m', region: 'international',
      },
    });
    const text = textOf(replies);
    expect(text).toContain('Here is what I understood');
    expect(text).toContain('May researchers see your company name'); // the only thing missing
  });

  it('treats short chatter, and text in a shared channel, as chatter, not a need', async () => {
    const gus = world.as('gus', { name: 'Gus' });
    expect(await gus.send('blah blah')).toContain('! I did not understand that.');
    // A short message in a language the translator does not read says which languages it does.
    expect(await gus.send('タイルが割れます')).toContain('English or Chinese only');
    const inChannel = world.as('gus', { name: 'Gus', direct: false });
    expect(await inChannel.send('We need a much better coating for our steel pipes in seawater')).toContain('I did not understand');
    const res = await world.db.query(`SELECT 1 FROM needs n JOIN people p ON p.id = n.owner_person_id WHERE p.display_name = 'Gus'`);
    expect(res.rows).toHaveLength(0);
  });
});
