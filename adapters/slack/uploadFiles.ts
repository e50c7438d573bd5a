import type { webApi } from '@slack/bolt';
import type { Attachment } from '../../src/messages/reply.js';

/** A conversation (by id: Slack shares files by id, never by name) and the thread to share in. */
export interface FileTarget {
  channel: string;
  threadTs?: string;
}

/**
 * Shares a reply's files in one conversation with the Web API client's files.uploadV2:
 * files.getUploadURLExternal per file, the bytes POSTed to each upload_url, then one
 * files.completeUploadExternal with the channel, thread and a comment saying what the files show.
 * The client waits out 429s and retries network errors at every step.
 */
export async function uploadFiles(client: webApi.WebClient, target: FileTarget, attachments: readonly Attachment[]): Promise<void> {
  await client.files.uploadV2({
    channel_id: target.channel,
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    initial_comment: describeFiles(attachments),
    // A Buffer: the client sends other byte arrays as JSON, not as bytes.
    file_uploads: attachments.map((a) => ({ file: Buffer.from(a.data.buffer, a.data.byteOffset, a.data.byteLength), filename: a.filename })),
  });
}

/**
 * The comment above the files: each file's alt text (what it shows), else its name. Slack's
 * alt text argument is not used: the client names it `alt_text`, Slack's reference `alt_txt`.
 */
function describeFiles(attachments: readonly Attachment[]): string {
  return attachments.map((a) => a.altText?.trim() || a.filename).join('\n');
}
