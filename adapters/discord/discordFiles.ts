import { MessagePayload, type MessagePayloadOption, type MessageTarget } from 'discord.js';
import type { Attachment } from '../../src/messages/reply.js';
import { LIMITS } from './discordLimits.js';
import { shorten } from './discordText.js';

/**
 * Message options with files attached: a multipart body of `files[n]` parts and `payload_json`
 * whose `attachments` name each part (id n) with its description (the alt text). discord.js
 * would guess each part's content type from its bytes, which fails for text such as an .ics, so
 * the parts are given the reply's own content types. Without files the options stay as they are.
 */
export function withFiles<T extends MessagePayloadOption>(target: MessageTarget, options: T, files: readonly Attachment[]): T | MessagePayload {
  if (files.length === 0) return options;
  const payload = MessagePayload.create(target, {
    ...options,
    files: files.map((f) => ({ attachment: bytesOf(f), name: f.filename, ...(f.altText ? { description: shorten(f.altText, LIMITS.attachmentDescription) } : {}) })),
  });
  // Resolved files are taken as they are (MessagePayload.resolveFiles keeps files already set).
  payload.files = files.map((f) => ({ name: f.filename, data: bytesOf(f), contentType: f.contentType }));
  return payload;
}

const bytesOf = (f: Attachment): Buffer => Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength);
