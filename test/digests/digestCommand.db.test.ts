import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { testEngines } from '../support/testDb.js';
import { tempDir } from '../support/runCli.js';
import { castOf, NeedsWorld, submitNeedAs, textOf } from '../needs/support/needsWorld.js';
import { ConsoleChannelPosts } from '../../adapters/console/consoleChannelPosts.js';
import { AttachmentFolder } from '../../adapters/console/attachmentFolder.js';
import { runDueDigests } from '../../src/digests/runDueDigests.js';
import type { Actor } from '../../src/commands/types.js';
import { DAY, FakeClock } from './support/digestWorld.js';

describe.each(testEngines)('/digest in the console on $name', (engine) => {
  let world: NeedsWorld;
  let cast: Awaited<ReturnType<typeof castOf>>;
  const clock = new FakeClock(new Date());
  beforeAll(async () => {
    world = await NeedsWorld.open(engine);
    world.services.now = clock.now;
    cast = await castOf(world);
  }, 120_000);
  afterAll(() => world.close());

  it('only admins and brokers manage digests', async () => {
    expect(await cast.contact.send('/digest subscribe #brokers')).toMatch(/Only brokers can manage digests/);
    expect(await cast.researcher.send('/digest list')).toMatch(/Only brokers can manage digests/);
  });

  it('rejects a bad schedule, time zone or word with a friendly message', async () => {
    const { broker } = cast;
    expect(await broker.send('/digest subscribe weekly mon 09:00 Mars/Olympus #x')).toMatch(/"Mars\/Olympus" is not a time zone I know\.[\s\S]*Europe\/Berlin/);
    expect(await broker.send('/digest subscribe cron "61 8 * * 1" UTC #x')).toMatch(/"61 8 \* \* 1" is not a valid schedule/);
    expect(await broker.send('/digest subscribe cron "0 8 * *" UTC #x')).toMatch(/five fields/);
    expect(await broker.send('/digest subscribe fortnightly #x')).toMatch(/I did not understand "fortnightly"[\s\S]*Usage: \/digest subscribe/);
    expect(await broker.send('/digest subscribe daily mon #x')).toMatch(/A daily digest has no day of the week/);
    expect(await broker.send('/digest subscribe 25:00 #x')).toMatch(/"25:00" is not a time of day/);
    expect(await broker.send('/digest subscribe weekly')).toMatch(/Which channel\?/);
    expect(await broker.send('/digest frobnicate #x')).toMatch(/There is no \/digest frobnicate/);
    expect(await broker.send('/digest list')).toMatch(/No channel is subscribed/);
  });

  it('subscribes, sets language and audience, lists, previews privately and unsubscribes', async () => {
    const { broker, admin } = cast;
    expect(await broker.send('/digest subscribe weekly mon 9am Asia/Shanghai #brokers')).toMatch(
      /#brokers gets a digest weekly on Monday at 09:00 \(Asia\/Shanghai\), in English, for a mixed audience[\s\S]*Next digest: /,
    );
    expect(await admin.send('/digest language zh #brokers')).toMatch(/now in Chinese/);
    expect(await admin.send('/digest audience brokers #brokers')).toMatch(/brokers only/);
    expect(await admin.send('/digest language fr #brokers')).toMatch(/one of en or zh/);
    expect(await broker.send('/digest list')).toMatch(/#brokers · weekly on Monday at 09:00 \(Asia\/Shanghai\) · zh · brokers · next /);
    const preview = await world.router.handle(broker.actor, { kind: 'text', text: '/digest preview #brokers' });
    expect(preview[0]!.visibility).toBe('private');
    expect(textOf(preview)).toMatch(/摘要 · /);
    expect(await broker.send('/digest unsubscribe #brokers')).toMatch(/#brokers will get no more digests/);
    expect(await broker.send('/digest unsubscribe #brokers')).toMatch(/#brokers has no digest subscription/);
  });

  it('in a Slack or Discord channel, the channel spoken in is the one subscribed', async () => {
    const inChannel: Actor = { ...cast.broker.actor, direct: false, channelId: 'C0DIGEST' };
    const out = await world.router.handle(inChannel, { kind: 'text', text: '/digest subscribe daily 18:30 UTC zh' });
    expect(textOf(out)).toMatch(/#C0DIGEST gets a digest daily at 18:30 \(UTC\), in Chinese/);
    const mention = await world.router.handle(inChannel, { kind: 'text', text: '/digest unsubscribe <#C0DIGEST|digests>' });
    expect(textOf(mention)).toMatch(/#C0DIGEST will get no more digests/);
  });

  it('end to end: a need, a subscription, the tick, and the digest with its chart in the console channel', async () => {
    const posts = new ConsoleChannelPosts(new AttachmentFolder(tempDir('liaison-digest-')));
    world.services.notifier = posts;
    await submitNeedAs(cast.contact, 'Our steel pipes corrode quickly in seawater. We need a protective coating that lasts ten years.');
    posts.drain();
    await cast.broker.send('/digest subscribe daily 08:00 UTC #brokers');
    clock.advance(DAY);
    await runDueDigests(world.services);
    const shown = posts.drain();
    expect(shown).toMatch(/\[#brokers\] == Digest · /);
    expect(shown).toMatch(/\[#brokers\] == New needs ==/);
    expect(shown).toMatch(/\[#brokers\] - translated: 1 \(\+1 since the start of the period/);
    const png = /\[#brokers\] \[file\] (\S+digest-pipeline\.png)/.exec(shown);
    expect(png && existsSync(png[1]!)).toBe(true);
    expect(png![1]).toContain(join('liaison-digest-'));
    await runDueDigests(world.services);
    expect(posts.drain()).toBe('');
  }, 60_000);
});
