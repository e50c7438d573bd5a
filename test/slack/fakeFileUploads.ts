/** A file the bot uploaded through files.uploadV2, as the fake Slack saw it. */
export interface UploadedFile {
  id: string;
  /** As declared to files.getUploadURLExternal. */
  filename: string;
  length: number;
  /** The bytes POSTed to the upload_url, once they arrived. */
  bytes?: Buffer;
  /** Set by files.completeUploadExternal: where the file was shared, with what. */
  shared?: { channel?: string; threadTs?: string; title?: string; initialComment?: string; at: number };
}

/** Slack ids of conversations (channel, private channel, DM); files are shared by id, never by name. */
const CONVERSATION_ID = /^[CGD][A-Z0-9]{2,}$/;

/**
 * Slack's external upload, step by step (docs.slack.dev/reference/methods/files.getUploadURLExternal):
 * 1. files.getUploadURLExternal(filename, length) → upload_url and file_id;
 * 2. the bytes are POSTed to upload_url (raw, or multipart form);
 * 3. files.completeUploadExternal(files, channel_id, thread_ts, initial_comment) shares them.
 * Each step checks what the previous one promised: the length, that the bytes arrived, the channel id.
 */
export class FakeFileUploads {
  readonly files = new Map<string, UploadedFile>();
  private readonly sharedInOrder: UploadedFile[] = [];
  private next = 1;

  /** Step 1: answers with an upload_url on the fake itself. */
  start(params: Record<string, unknown>, uploadUrl: (fileId: string) => string): { body: Record<string, unknown>; problems: string[] } {
    const length = Number(params.length);
    const filename = String(params.filename ?? '');
    const problems: string[] = [];
    if (!Number.isInteger(length) || length <= 0) problems.push(`files.getUploadURLExternal: length ${String(params.length)} is not a positive integer`);
    if (filename === '') problems.push('files.getUploadURLExternal: empty filename');
    const id = `F0FAKE${String(this.next++).padStart(5, '0')}`;
    this.files.set(id, { id, filename, length });
    return { body: { ok: true, upload_url: uploadUrl(id), file_id: id }, problems };
  }

  /** Step 2: the bytes, raw or as the one file of a multipart form. */
  async receive(fileId: string, raw: Buffer, contentType: string): Promise<string[]> {
    const file = this.files.get(fileId);
    if (!file) return [`upload: no file ${fileId} was started`];
    let bytes = raw;
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
      const parts = [...form.values()].filter((v) => typeof v !== 'string');
      if (parts.length !== 1) return [`upload ${fileId}: ${parts.length} file parts in the form, expected 1`];
      bytes = Buffer.from(await (parts[0] as Blob).arrayBuffer());
    }
    file.bytes = bytes;
    return bytes.length === file.length ? [] : [`upload ${fileId}: ${bytes.length} bytes arrived, ${file.length} were declared`];
  }

  /** Step 3: shares uploaded files in one conversation (and thread). */
  complete(params: Record<string, unknown>): { body: Record<string, unknown>; problems: string[] } {
    const problems: string[] = [];
    const channel = params.channel_id as string | undefined;
    const threadTs = params.thread_ts as string | undefined;
    if (channel !== undefined && !CONVERSATION_ID.test(channel)) problems.push(`files.completeUploadExternal: channel_id ${channel} is not a conversation id`);
    if (threadTs !== undefined && channel === undefined) problems.push('files.completeUploadExternal: thread_ts without channel_id');
    const listed = Array.isArray(params.files) ? (params.files as { id?: unknown; title?: unknown }[]) : [];
    if (listed.length === 0) problems.push('files.completeUploadExternal: files is not a non-empty array');
    const done: Record<string, unknown>[] = [];
    for (const entry of listed) {
      const file = typeof entry.id === 'string' ? this.files.get(entry.id) : undefined;
      if (!file) {
        problems.push(`files.completeUploadExternal: unknown file ${String(entry.id)}`);
        continue;
      }
      if (!file.bytes) problems.push(`files.completeUploadExternal: ${file.id} was never uploaded`);
      const title = typeof entry.title === 'string' ? entry.title : undefined;
      file.shared = { channel, threadTs, title, initialComment: params.initial_comment as string | undefined, at: Date.now() };
      this.sharedInOrder.push(file);
      done.push({ id: file.id, name: file.filename, title: title ?? file.filename, size: file.length });
    }
    return { body: { ok: true, files: done }, problems };
  }

  /** Files shared so far, in the order they were shared (and listed in their completion). */
  shared(): UploadedFile[] {
    return [...this.sharedInOrder];
  }
}
