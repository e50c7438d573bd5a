import { describe, expect, it } from 'vitest';
import { readMultipart } from './fake/multipartBody.js';

/** A multipart body as undici's FormData encodes it (what @discordjs/rest sends). */
async function encode(parts: [string, string | Blob, string?][]): Promise<{ raw: Buffer; type: string }> {
  const form = new FormData();
  for (const [name, value, filename] of parts) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, filename);
  }
  const res = new Response(form);
  return { raw: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type')! };
}

describe('the fake REST reads multipart message bodies like Discord', () => {
  it('returns the JSON of payload_json and each files[n] part with its name, type and bytes', async () => {
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const { raw, type } = await encode([
      ['files[0]', new Blob([bytes], { type: 'image/png' }), 'chart.png'],
      ['payload_json', JSON.stringify({ content: 'hi', attachments: [{ id: '0', description: 'A chart' }] })],
    ]);
    const read = await readMultipart(raw, type);
    expect(read.problems).toEqual([]);
    expect(read.json).toEqual({ content: 'hi', attachments: [{ id: '0', description: 'A chart' }] });
    expect(read.files).toEqual([{ index: 0, filename: 'chart.png', contentType: 'image/png', data: Buffer.from(bytes) }]);
  });

  it('reports what Discord would refuse: no payload_json, unlisted parts, stray fields, an 11th or repeated file', async () => {
    const file = new Blob([new Uint8Array([1])], { type: 'text/plain' });
    const noJson = await encode([['files[0]', file, 'a.txt']]);
    expect((await readMultipart(noJson.raw, noJson.type)).problems).toEqual(['multipart body without payload_json', 'files[0] has no entry in payload_json.attachments']);

    const mismatched = await encode([['files[1]', file, 'a.txt'], ['note', 'x'], ['payload_json', JSON.stringify({ attachments: [{ id: '0' }] })]]);
    expect((await readMultipart(mismatched.raw, mismatched.type)).problems).toEqual([
      'multipart part note is neither payload_json nor a files[0-9] file',
      'files[1] has no entry in payload_json.attachments',
      'payload_json.attachments names id 0, but no files[0] part came',
    ]);

    const eleven = await encode([...Array.from({ length: 10 }, (_, i): [string, Blob, string] => [`files[${i}]`, file, `f${i}.txt`]), ['files[10]', file, 'f10.txt'], ['payload_json', '{}']]);
    expect((await readMultipart(eleven.raw, eleven.type)).problems).toContain('multipart part files[10] is neither payload_json nor a files[0-9] file');

    const twice = await encode([['files[0]', file, 'a.txt'], ['files[0]', file, 'b.txt'], ['payload_json', JSON.stringify({ attachments: [{ id: '0' }] })]]);
    expect((await readMultipart(twice.raw, twice.type)).problems).toEqual(['files[n] parts repeated: 0, 0']);
  });
});
