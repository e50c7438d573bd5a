import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { testEngines } from '../support/testDb.js';
import { castOf, NeedsWorld, submitNeedAs } from '../needs/support/needsWorld.js';
import { renderText } from '../../adapters/console/renderText.js';
import { collectDigest } from '../../src/digests/collectDigest.js';
import { renderDigestReply } from '../../src/digests/renderDigestReply.js';
import type { Attachment, Reply } from '../../src/messages/reply.js';
import { CHART_HEIGHT, CHART_WIDTH } from '../../src/digests/charts/renderChart.js';

const PIPES = 'Our steel pipes at Acme Marine corrode quickly in seawater. We need a protective coating that lasts ten years.';
const ODD = 'We need a quantum gravimeter to find asteroid ore for our orbital logistics fleet.';
const HOUR = 3_600_000;
/**
 * Eleven fixture outcomes make every term's rarity coarse (most share "steel" and "seawater"), so
 * match strengths run lower than on a real catalogue: thresholds scaled to this corpus.
 */
const FEW_OUTCOMES = { DIGEST_MATCH_THRESHOLD: '0.2', DIGEST_WEAK_MATCH: '0.15' };
const text = (r: Reply) => renderText([r]).text;

/** Decodes the PNG and checks its size and that it is not one flat colour. */
async function checkPng(a: Attachment): Promise<void> {
  expect(a.contentType).toBe('image/png');
  expect([...a.data.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const image = await loadImage(Buffer.from(a.data));
  expect([image.width, image.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const pixels = ctx.getImageData(0, 0, image.width, image.height).data;
  const colours = new Set<number>();
  for (let i = 0; i < pixels.length; i += 4 * 97) colours.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
  expect(colours.size).toBeGreaterThan(5);
  let nonWhite = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 200 || pixels[i + 1]! < 200 || pixels[i + 2]! < 200) nonWhite++;
  expect(nonWhite / (pixels.length / 4)).toBeGreaterThan(0.01);
}

describe.each(testEngines)('digest content on $name', (engine) => {
  let world: NeedsWorld;
  let from: Date;
  let pipes: number;
  let odd: number;
  const period = () => ({ from, to: new Date(Date.now() + HOUR) });
  beforeAll(async () => {
    from = new Date(Date.now() - HOUR);
    world = await NeedsWorld.open(engine, FEW_OUTCOMES);
    const cast = await castOf(world);
    pipes = await submitNeedAs(cast.contact, PIPES, 'Acme Marine');
    odd = await submitNeedAs(cast.contact, ODD, 'Acme Marine');
    await cast.broker.send(`/assign ${pipes}`);
    // The pipes need is confidential (the intake's first answers made both open).
    await world.db.query('UPDATE needs SET confidential = true WHERE id = $1', [pipes]);
  }, 120_000);
  afterAll(() => world.close());

  it('tells brokers what came in, what matches, what is stuck, with the pipeline and evaluation charts', async () => {
    const content = await collectDigest(world.services, { workspaceId: 'ws-a', ...period(), audience: 'brokers' });
    expect(content.newNeeds.map((n) => n.id)).toEqual([pipes, odd]);
    expect(content.newNeeds[0]).toMatchObject({ who: 'Acme Marine', broker: 'Bob' });
    const forPipes = content.candidates.find((g) => g.need.id === pipes);
    expect(forPipes?.outcomes.map((o) => o.title)).toContain('Graphene-reinforced epoxy coating against seawater corrosion of steel');
    expect(forPipes?.outcomes.every((o) => o.strength >= 0.2 && o.change === 'new')).toBe(true);
    expect(content.bottlenecks.flatMap((b) => b.needs.map((n) => n.id))).toEqual([odd]);
    expect(content.pipeline.find((s) => s.stage === 'translated')).toMatchObject({ atStart: 0, atEnd: 2 });
    expect(content.evaluation.length).toBeGreaterThan(0);

    const reply = await renderDigestReply(content, { language: 'en', timeZone: 'Europe/Berlin' }, { sectionItems: 8, maxChars: 6000 });
    const shown = text(reply);
    expect(shown).toMatch(/== Digest · .+ ==/);
    expect(shown).toMatch(new RegExp(`\\d new candidates? for #${pipes} “Our steel pipes`));
    expect(shown).toMatch(/== Bottleneck catalog ==/);
    expect(shown).toMatch(/translated: 2 \(\+2 since the start of the period; 2 in, 0 out\)/);
    expect(shown).toMatch(/== Outcome evaluation \(TRL × market prospect\) ==/);
    expect(reply.attachments?.map((a) => a.filename)).toEqual(['digest-pipeline.png', 'digest-evaluation.png']);
    expect(reply.attachments![0]!.altText).toMatch(/translated: 2/);
    for (const a of reply.attachments!) await checkPng(a);
  }, 60_000);

  it('shows a confidential need only anonymised where enterprise contacts or researchers read', async () => {
    const content = await collectDigest(world.services, { workspaceId: 'ws-a', ...period(), audience: 'mixed' });
    const need = content.newNeeds.find((n) => n.id === pipes)!;
    expect(need.confidential).toBe(true);
    expect(need.who).toBeUndefined();
    const shown = text(await renderDigestReply(content, { language: 'en', timeZone: 'UTC' }, { sectionItems: 8, maxChars: 6000 }));
    const aboutPipes = shown.split('\n').filter((line) => line.includes(`#${pipes} `));
    expect(aboutPipes.length).toBeGreaterThanOrEqual(2); // the new need, its candidates
    for (const line of aboutPipes) expect(line).not.toMatch(/Acme/);
    expect(aboutPipes[0]).toMatch(/anonymised — .*\[company\]/);
  }, 60_000);

  it('writes the whole digest in Chinese for a zh channel', async () => {
    const content = await collectDigest(world.services, { workspaceId: 'ws-a', ...period(), audience: 'mixed' });
    const shown = text(await renderDigestReply(content, { language: 'zh', timeZone: 'Asia/Shanghai' }, { sectionItems: 8, maxChars: 6000 }));
    expect(shown).toMatch(/== 摘要 · /);
    expect(shown).toMatch(/== 新需求 ==/);
    expect(shown).toMatch(/== 瓶颈问题清单 ==/);
    expect(shown).toMatch(/已转译：2（较期初 \+2；进入 2，离开 0）/);
    expect(shown).not.toMatch(/\b(broker|Pipeline|New needs)\b/);
  }, 60_000);

  it('shortens a digest that is too long and points to the full report', async () => {
    const content = await collectDigest(world.services, { workspaceId: 'ws-a', ...period(), audience: 'brokers' });
    const full = text(await renderDigestReply(content, { language: 'en', timeZone: 'UTC' }, { sectionItems: 50, maxChars: 40_000 }));
    const reply = await renderDigestReply(content, { language: 'en', timeZone: 'UTC' }, { sectionItems: 50, maxChars: 900 });
    const short = text(reply);
    expect(short.length).toBeLessThan(full.length);
    expect(short).toMatch(/…and \d+ more/);
    expect(short).toMatch(/Full report: npx liaison report --from \S+ --to \S+/);
  }, 60_000);

  it('says so in one friendly line when a period has nothing at all', async () => {
    const empty = await NeedsWorld.open(engine);
    try {
      const content = await collectDigest(empty.services, { workspaceId: 'ws-empty', ...period(), audience: 'mixed' });
      const reply = await renderDigestReply(content, { language: 'en', timeZone: 'UTC' }, { sectionItems: 8, maxChars: 6000 });
      expect(reply.blocks.map((b) => b.type)).toEqual(['header', 'text']);
      expect(reply.attachments).toBeUndefined();
      const zh = await renderDigestReply(content, { language: 'zh', timeZone: 'UTC' }, { sectionItems: 8, maxChars: 6000 });
      expect(text(zh)).toMatch(/本期暂无可报告的内容/);
    } finally {
      await empty.close();
    }
  }, 60_000);
});
