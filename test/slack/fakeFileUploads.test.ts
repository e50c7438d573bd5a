import { describe, expect, it } from 'vitest';
import { FakeFileUploads } from './fakeFileUploads.js';
import { checkCall } from './slackApiSpec.js';

const url = (id: string) => `http://127.0.0.1:1/upload/${id}`;

describe('the fake Slack external upload', () => {
  it('knows the upload methods from Slack’s method reference: arguments and scope', () => {
    expect(checkCall('files.getUploadURLExternal', { filename: 'a.ics', length: '3' }, true, ['files:write'])).toEqual([]);
    expect(checkCall('files.getUploadURLExternal', { filename: 'a.png', length: '3', alt_text: 'x' }, true, ['files:write'])).toEqual(['files.getUploadURLExternal: unknown parameter alt_text']);
    expect(checkCall('files.completeUploadExternal', { channel_id: 'C1' }, true, ['chat:write'])).toEqual([
      'files.completeUploadExternal: required parameter files missing',
      'files.completeUploadExternal: needs one of the scopes files:write; the manifest grants chat:write',
    ]);
  });

  it('shares a file uploaded whole, raw or as a multipart form, by conversation id', async () => {
    const uploads = new FakeFileUploads();
    const started = uploads.start({ filename: 'a.ics', length: '3' }, url);
    expect(started.problems).toEqual([]);
    const id = started.body.file_id as string;
    expect(started.body.upload_url).toBe(url(id));
    const form = new FormData();
    form.append('body', new Blob([new Uint8Array([1, 2, 3])]), 'Untitled');
    const res = new Response(form);
    expect(await uploads.receive(id, Buffer.from(await res.arrayBuffer()), res.headers.get('content-type')!)).toEqual([]);
    const done = uploads.complete({ files: [{ id, title: 'a.ics' }], channel_id: 'D0ADA', initial_comment: 'Invite' });
    expect(done.problems).toEqual([]);
    expect(uploads.shared().map((f) => [f.filename, [...f.bytes!], f.shared?.channel, f.shared?.initialComment])).toEqual([['a.ics', [1, 2, 3], 'D0ADA', 'Invite']]);
  });

  it('reports what Slack would refuse: a short upload, a file never uploaded, a channel name, a thread without channel', async () => {
    const uploads = new FakeFileUploads();
    const short = uploads.start({ filename: 'a.png', length: '4' }, url).body.file_id as string;
    expect(await uploads.receive(short, Buffer.from([1, 2]), 'application/octet-stream')).toEqual([`upload ${short}: 2 bytes arrived, 4 were declared`]);
    const never = uploads.start({ filename: 'b.png', length: '1' }, url).body.file_id as string;
    expect(uploads.complete({ files: [{ id: never }], channel_id: '#brokers' }).problems).toEqual([
      'files.completeUploadExternal: channel_id #brokers is not a conversation id',
      `files.completeUploadExternal: ${never} was never uploaded`,
    ]);
    expect(uploads.complete({ files: [{ id: short }], thread_ts: '1.2' }).problems).toEqual(['files.completeUploadExternal: thread_ts without channel_id']);
    expect(uploads.start({ filename: '', length: '0' }, url).problems).toEqual(['files.getUploadURLExternal: length 0 is not a positive integer', 'files.getUploadURLExternal: empty filename']);
  });
});
