import { UserFacingError } from '../errors.js';

/**
 * Makes typed text safe to handle: rejects undecodable bytes and oversized messages with a
 * friendly error, normalises Unicode (NFC) and drops control characters.
 */
export function cleanText(raw: string, maxChars: number): string {
  if (raw.includes('\uFFFD')) {
    throw new UserFacingError(
      'INPUT_NOT_TEXT',
      'Some of that message could not be read as text (it contains bytes that are not valid UTF-8).',
      'Please retype it or paste it again as plain text.',
    );
  }
  if (raw.length > maxChars) {
    throw new UserFacingError(
      'INPUT_TOO_LONG',
      `That message is too long for me (${raw.length.toLocaleString('en')} characters; the limit is ${maxChars.toLocaleString('en')}).`,
      'Please shorten it, or split it into a short description and details.',
    );
  }
  // eslint-disable-next-line no-control-regex
  return raw.normalize('NFC').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '').trim();
}
