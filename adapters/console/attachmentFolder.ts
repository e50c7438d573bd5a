import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Attachment } from '../../src/messages/reply.js';

/** Where the console keeps files that come with replies (calendar invites, charts), under the working directory. */
const DEFAULT_ATTACHMENTS_DIR = '.liaison/attachments';

/** Saves reply attachments as files, never overwriting one, and tells where each went. */
export class AttachmentFolder {
  readonly dir: string;

  constructor(dir: string = DEFAULT_ATTACHMENTS_DIR) {
    this.dir = resolve(dir);
  }

  /** Writes the file and returns its absolute path ("meeting-3.ics", then "meeting-3-2.ics", …). */
  save(attachment: Attachment): string {
    mkdirSync(this.dir, { recursive: true });
    const safe = basename(attachment.filename).replace(/[^\w.-]/g, '_') || 'file';
    const dot = safe.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, ''];
    let path = join(this.dir, safe);
    for (let n = 2; existsSync(path); n++) path = join(this.dir, `${stem}-${n}${ext}`);
    writeFileSync(path, attachment.data);
    return path;
  }
}
