/** One file part of a multipart message body, as the fake REST received it. */
export interface RestFile {
  /** n of the `files[n]` part. */
  index: number;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** Discord's upload limit for a bot without server boosts: 10 MiB together (and 10 files: files[0-9]). */
const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Reads a multipart/form-data message body the way Discord does
 * (discord.com/developers/docs/reference#uploading-files): the JSON in `payload_json`, the files
 * in `files[n]` parts, each named in `payload_json.attachments` by `id: n`. Reports every part
 * Discord would not accept; the JSON itself is left to the OpenAPI check.
 */
export async function readMultipart(raw: Buffer, contentType: string): Promise<{ json: unknown; files: RestFile[]; problems: string[] }> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const problems: string[] = [];
  const files: RestFile[] = [];
  let json: unknown;
  for (const [name, value] of form.entries()) {
    const index = /^files\[(\d)\]$/.exec(name)?.[1];
    if (name === 'payload_json' && typeof value === 'string') json = parseJson(value, problems);
    else if (index !== undefined && typeof value !== 'string') {
      const blob = value as Blob & { name?: string };
      files.push({ index: Number(index), filename: blob.name ?? '', contentType: blob.type, data: Buffer.from(await blob.arrayBuffer()) });
    } else problems.push(`multipart part ${name} is neither payload_json nor a files[0-9] file`);
  }
  if (json === undefined) problems.push('multipart body without payload_json');
  const indexes = files.map((f) => f.index);
  if (new Set(indexes).size !== indexes.length) problems.push(`files[n] parts repeated: ${indexes.join(', ')}`);
  const bytes = files.reduce((n, f) => n + f.data.length, 0);
  if (bytes > MAX_BYTES) problems.push(`${bytes} bytes of files (limit ${MAX_BYTES})`);
  for (const f of files) if (f.filename === '') problems.push(`files[${f.index}] without a filename`);
  const named = new Set(((json as { attachments?: { id?: unknown }[] } | undefined)?.attachments ?? []).map((a) => String(a.id)));
  for (const f of files) if (!named.has(String(f.index))) problems.push(`files[${f.index}] has no entry in payload_json.attachments`);
  for (const id of named) if (!files.some((f) => String(f.index) === id)) problems.push(`payload_json.attachments names id ${id}, but no files[${id}] part came`);
  return { json, files, problems };
}

function parseJson(text: string, problems: string[]): unknown {
  try {
    return JSON.parse(text);
  } catch {
    problems.push('payload_json is not JSON');
    return undefined;
  }
}
