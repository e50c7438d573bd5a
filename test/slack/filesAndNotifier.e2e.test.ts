import { describe, expect, it } from 'vitest';
import { RecipientUnreachableError } from '../../src/notify/channelNotifier.js';
import { ChannelUnreachableError } from '../../src/notify/channelUnreachableError.js';
import type { RecordedCall } from './fakeSlack.js';
import type { UploadedFile } from './fakeFileUploads.js';
import { CHART, INVITE } from './sampleFiles.js';
import { useSlackHarness, type SlackHarness } from './slackHarness.js';
import { BOT_USER, dmEvent, eventCallback, mentionEvent, sendToBot, slashCommandBody, TEAM } from './slackRequests.js';

let h: SlackHarness;
let responseIds = 0;

useSlackHarness((started) => {
  h = started;
});

const since = (n: number) => h.fake.calls.slice(n);
const methods = (calls: RecordedCall[]) => calls.filter((c) => c.status === 200).map((c) => c.method);
const event = (inner: Record<string, unknown>) => sendToBot(h.url, JSON.stringify(eventCallback(inner)), 'application/json');
/** How many files were shared so far: a test reads the shares after its own mark (the previous test's last share may carry the same millisecond). */
const sharedCount = (): number => h.fake.uploads.shared().length;
const sharedSince = (mark: number): UploadedFile[] => h.fake.uploads.shared().slice(mark);

async function waitForShared(mark: number, count: number): Promise<UploadedFile[]> {
  await h.fake.waitFor(() => sharedSince(mark).length >= count);
  return sharedSince(mark);
}

/** The bytes, names and place of shared files, compared with what the core sent. */
function expectFiles(files: UploadedFile[], where: { channel: string; threadTs?: string }): void {
  expect(files.map((f) => f.filename)).toEqual([INVITE.filename, CHART.filename]);
  expect(files.map((f) => f.shared!.title)).toEqual([INVITE.filename, CHART.filename]);
  expect(Buffer.compare(files[0]!.bytes!, Buffer.from(INVITE.data))).toBe(0);
  expect(Buffer.compare(files[1]!.bytes!, Buffer.from(CHART.data))).toBe(0);
  for (const f of files) expect(f.shared).toMatchObject({ channel: where.channel, threadTs: where.threadTs, initialComment: `${INVITE.altText}\n${CHART.altText}` });
}

describe('files with answers (files.uploadV2 against the fake Slack)', () => {
  it('answers a DM with the message, then the invite and the chart, byte for byte', async () => {
    const before = h.fake.calls.length;
    const mark = sharedCount();
    await event(dmEvent('/files'));
    const files = await waitForShared(mark, 2);
    expectFiles(files, { channel: 'D0ADA' });
    // The message first, then each file's URL, its bytes, and one completion for both.
    expect(methods(since(before)).filter((m) => m !== 'users.info')).toEqual([
      'chat.postMessage',
      'files.getUploadURLExternal',
      'files.getUploadURLExternal',
      'upload',
      'upload',
      'files.completeUploadExternal',
    ]);
    const urls = since(before).filter((c) => c.method === 'files.getUploadURLExternal');
    expect(urls.map((c) => [c.params.filename, Number(c.params.length)])).toEqual([
      [INVITE.filename, INVITE.data.byteLength],
      [CHART.filename, CHART.data.byteLength],
    ]);
  });

  it('shares the files of a mention in the thread of the mention', async () => {
    const mark = sharedCount();
    const mention = mentionEvent(`<@${BOT_USER}> /files`);
    await event(mention);
    expectFiles(await waitForShared(mark, 2), { channel: 'C0GENERAL', threadTs: mention.ts as string });
  });

  it('sends the files of a private answer in a channel to the person by DM (files cannot be ephemeral)', async () => {
    const before = h.fake.calls.length;
    const mark = sharedCount();
    await sendToBot(h.url, slashCommandBody({ text: 'files private', responseUrl: h.fake.responseUrl(`f${++responseIds}`) }), 'application/x-www-form-urlencoded');
    expectFiles(await waitForShared(mark, 2), { channel: 'D0ADA' });
    expect(since(before).find((c) => c.method === 'conversations.open')?.params.users).toBe('U0ADA');
  });

  it('falls back to a DM when a slash command came from a channel the bot is not in', async () => {
    h.fake.failNext('files.completeUploadExternal', { error: 'not_in_channel' });
    const mark = sharedCount();
    await sendToBot(h.url, slashCommandBody({ text: 'files', responseUrl: h.fake.responseUrl(`f${++responseIds}`), channel: 'C0ELSEWHERE' }), 'application/x-www-form-urlencoded');
    await h.fake.waitFor(() => sharedSince(mark).some((f) => f.shared!.channel === 'D0ADA'));
    expectFiles(sharedSince(mark).filter((f) => f.shared!.channel === 'D0ADA'), { channel: 'D0ADA' });
  });

  it('sends files alone, without an empty message', async () => {
    const before = h.fake.calls.length;
    const mark = sharedCount();
    await event(dmEvent('/files only'));
    expectFiles(await waitForShared(mark, 2), { channel: 'D0ADA' });
    expect(methods(since(before))).not.toContain('chat.postMessage');
  });

  it('honours a 429 with Retry-After on the upload URL request and on the upload itself', async () => {
    h.fake.failNext('files.getUploadURLExternal', { status: 429, retryAfterSec: 1 });
    h.fake.failNext('upload', { status: 429, retryAfterSec: 1 });
    const before = h.fake.calls.length;
    const mark = sharedCount();
    await event(dmEvent('/files'));
    expectFiles(await waitForShared(mark, 2), { channel: 'D0ADA' });
    const urlTries = since(before).filter((c) => c.method === 'files.getUploadURLExternal');
    expect(urlTries.map((c) => c.status)).toEqual([429, 200, 200]);
    const uploads = since(before).filter((c) => c.method === 'upload');
    expect(uploads.map((c) => c.status)).toEqual([429, 200, 200]);
    const [refused] = uploads;
    const retried = uploads.find((c) => c.status === 200 && c.params.fileId === refused!.params.fileId)!;
    expect(retried.at - refused!.at).toBeGreaterThanOrEqual(950);
  });
});

describe('the Slack notifier', () => {
  it('posts a digest with its chart to a channel named like #brokers, sharing the chart by id', async () => {
    const before = h.fake.calls.length;
    const mark = sharedCount();
    await h.adapter.notifier.postToChannel('brokers', { blocks: [{ type: 'header', text: 'Weekly digest' }, { type: 'text', text: '3 new needs.' }], attachments: [CHART] });
    const [chart] = await waitForShared(mark, 1);
    expect(since(before).find((c) => c.method === 'chat.postMessage')?.params.channel).toBe('#brokers');
    expect(chart!.shared).toMatchObject({ channel: 'C0BROKERS', initialComment: CHART.altText });
    expect(Buffer.compare(chart!.bytes!, Buffer.from(CHART.data))).toBe(0);
  });

  it('refuses files alone for a channel given by name (Slack shares files by channel id)', async () => {
    await expect(h.adapter.notifier.postToChannel('brokers', { blocks: [], attachments: [CHART] })).rejects.toThrow('Slack shares files in a channel given by id, not #brokers');
    const mark = sharedCount();
    await h.adapter.notifier.postToChannel('C0BROKERS', { blocks: [], attachments: [CHART] });
    const [chart] = await waitForShared(mark, 1);
    expect(chart!.shared).toMatchObject({ channel: 'C0BROKERS', initialComment: CHART.altText });
  });

  it('sends a direct message with an invite: opens the DM (once), posts, then shares the file there', async () => {
    const before = h.fake.calls.length;
    const mark = sharedCount();
    await h.adapter.notifier.sendDirect({ platform: 'slack', workspaceId: TEAM, userId: 'U0BOB' }, { blocks: [{ type: 'text', text: 'Your introduction is booked.' }], attachments: [INVITE] });
    const [invite] = await waitForShared(mark, 1);
    expect(methods(since(before))).toEqual(['conversations.open', 'chat.postMessage', 'files.getUploadURLExternal', 'upload', 'files.completeUploadExternal']);
    expect(since(before)[0]!.params.users).toBe('U0BOB');
    expect(since(before)[1]!.params.channel).toBe('D0BOB');
    expect(invite!.shared?.channel).toBe('D0BOB');
    expect(Buffer.from(invite!.bytes!).toString('utf8')).toBe(new TextDecoder().decode(INVITE.data));

    // The DM's id is remembered: the next direct message is one call.
    const next = h.fake.calls.length;
    await h.adapter.notifier.sendDirect({ platform: 'slack', workspaceId: TEAM, userId: 'U0BOB' }, { blocks: [{ type: 'text', text: 'A reminder.' }] });
    expect(methods(since(next))).toEqual(['chat.postMessage']);
    expect(since(next)[0]!.params.channel).toBe('D0BOB');
  });

  it('says a person the bot cannot reach is unreachable, with Slack’s reason', async () => {
    h.fake.failNext('conversations.open', { error: 'user_disabled' });
    const user = { platform: 'slack' as const, workspaceId: TEAM, userId: 'U0GONE' };
    const sent = h.adapter.notifier.sendDirect(user, { blocks: [{ type: 'text', text: 'Reminder' }] });
    await expect(sent).rejects.toBeInstanceOf(RecipientUnreachableError);
    await expect(sent).rejects.toMatchObject({ reason: 'user_disabled', user });
  });

  it('rethrows other failures as they came', async () => {
    h.fake.failNext('chat.postMessage', { error: 'msg_blocks_too_long' });
    await expect(h.adapter.notifier.sendDirect({ platform: 'slack', workspaceId: TEAM, userId: 'U0BOB' }, { blocks: [{ type: 'text', text: 'Reminder' }] })).rejects.toMatchObject({ data: { error: 'msg_blocks_too_long' } });
  });

  it('says a channel the bot was removed from, that is gone or archived, is unreachable, with Slack’s code', async () => {
    const digest = { blocks: [{ type: 'text' as const, text: 'Weekly digest' }] };
    h.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    await expect(h.adapter.notifier.postToChannel('C0LEFT123', digest)).rejects.toMatchObject({ name: 'ChannelUnreachableError', channel: 'C0LEFT123', reason: 'not_in_channel' });
    h.fake.failNext('chat.postMessage', { error: 'is_archived' });
    await expect(h.adapter.notifier.postToChannel('C0OLD1234', digest)).rejects.toMatchObject({ reason: 'is_archived' });
    // A name Slack does not know: channel_not_found from chat.postMessage itself.
    await expect(h.adapter.notifier.postToChannel('nowhere', digest)).rejects.toMatchObject({ channel: 'nowhere', reason: 'channel_not_found' });
  });

  it('says so too when the message went out but the chart could not be shared there', async () => {
    h.fake.failNext('files.completeUploadExternal', { error: 'not_in_channel' });
    const posted = h.adapter.notifier.postToChannel('brokers', { blocks: [{ type: 'text', text: 'Weekly digest' }], attachments: [CHART] });
    await expect(posted).rejects.toBeInstanceOf(ChannelUnreachableError);
    await expect(posted).rejects.toMatchObject({ reason: 'not_in_channel' });
  });

  it('keeps other channel failures as they came (they are worth another try)', async () => {
    h.fake.failNext('chat.postMessage', { error: 'internal_error' });
    const posted = h.adapter.notifier.postToChannel('brokers', { blocks: [{ type: 'text', text: 'Weekly digest' }] });
    await expect(posted).rejects.toMatchObject({ data: { error: 'internal_error' } });
    await expect(posted).rejects.not.toBeInstanceOf(ChannelUnreachableError);
  });
});
