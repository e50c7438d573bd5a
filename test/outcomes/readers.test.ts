import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { readOutcomeFile, type ReadOutcomeFileOptions } from '../../src/outcomes/readers/readOutcomeFile.js';
import { readJsonLines } from '../../src/outcomes/readers/readJsonLines.js';
import { FieldMapError, parseFieldMap } from '../../src/outcomes/readers/fieldMap.js';
import type { SourceRow } from '../../src/outcomes/readers/sourceRow.js';
import { tempDir } from '../support/runCli.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

async function readAll(path: string, options?: ReadOutcomeFileOptions): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of readOutcomeFile(path, options)) rows.push(row);
  return rows;
}

describe('JSON Lines reader', () => {
  it('numbers every line and reports the one that is not JSON', async () => {
    const rows = await readAll(join(FIXTURES, 'outcomes-small.jsonl'));
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[4]).toMatchObject({ line: 5, error: expect.stringContaining('not valid JSON') });
    expect(rows[0]!.record).toMatchObject({ sourceId: 'TST-001', title: 'Heat exchanger for kiln exhaust', trl: 6 });
  });

  it('detects the language of a record that does not give one', async () => {
    const rows = await readAll(join(FIXTURES, 'outcomes-small.jsonl'));
    expect(rows[1]!.record).toMatchObject({ sourceId: 'TST-002', language: 'zh' });
    expect(rows[2]!.record).toMatchObject({ sourceId: 'TST-003', language: 'en' });
  });

  it('reads gzip by its magic bytes, whatever the name', async () => {
    const dir = tempDir();
    const plain = readFileSync(join(FIXTURES, 'outcomes-small.jsonl'));
    writeFileSync(join(dir, 'a.jsonl.gz'), gzipSync(plain));
    writeFileSync(join(dir, 'b.jsonl'), gzipSync(plain));
    const expected = await readAll(join(FIXTURES, 'outcomes-small.jsonl'));
    expect(await readAll(join(dir, 'a.jsonl.gz'))).toEqual(expected);
    expect(await readAll(join(dir, 'b.jsonl'))).toEqual(expected);
  });

  it('keeps going past binary garbage, CRLF, a BOM, blank lines and non-object JSON', async () => {
    const dir = tempDir();
    const good = (id: string) => JSON.stringify({ sourceId: id, kind: 'paper', title: id });
    const bytes = Buffer.concat([
      Buffer.from(`\uFEFF${good('G1')}\r\n\r\n`),
      Buffer.from([0x00, 0xff, 0xfe, 0x8b, 0x1f, 0x0a]),
      Buffer.from(`[1,2]\n"text"\n${good('G2')}\n`),
    ]);
    writeFileSync(join(dir, 'messy.jsonl'), bytes);
    const rows = await readAll(join(dir, 'messy.jsonl'));
    expect(rows.map((r) => [r.line, r.error === undefined ? (r.record as { sourceId: string }).sourceId : 'error'])).toEqual([
      [1, 'G1'],
      [3, 'error'],
      [4, 'error'],
      [5, 'error'],
      [6, 'G2'],
    ]);
  });

  it('skips an overlong line (binary without line breaks) and reads on', async () => {
    const good = JSON.stringify({ sourceId: 'G', kind: 'paper', title: 'G' });
    const input = Readable.from([Buffer.from(`${good}\n${'x'.repeat(700)}`), Buffer.from('y'.repeat(700)), Buffer.from(`z\n${good}\n`)]);
    const rows: SourceRow[] = [];
    for await (const row of readJsonLines(input, 1000)) rows.push(row);
    expect(rows.map((r) => [r.line, r.error ?? 'ok'])).toEqual([
      [1, 'ok'],
      [2, 'line longer than 1000 characters, skipped'],
      [3, 'ok'],
    ]);
  });

  it('reports a truncated gzip after the rows it could read', async () => {
    const dir = tempDir();
    const lines = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ sourceId: `T${i}`, kind: 'paper', title: `Title ${i} ${'x'.repeat(i % 97)}` }));
    const gz = gzipSync(`${lines.join('\n')}\n`);
    writeFileSync(join(dir, 'cut.jsonl.gz'), gz.subarray(0, Math.floor(gz.length / 2)));
    const rows = await readAll(join(dir, 'cut.jsonl.gz'));
    const last = rows.at(-1)!;
    expect(last.error).toContain('could not be read past this point');
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.slice(0, -1).every((r) => r.error === undefined)).toBe(true);
    expect(last.line).toBe(rows.length);
  });
});

describe('CSV reader', () => {
  it('maps columns by --map, aliases and our own names, and reports the wrong column count', async () => {
    const rows = await readAll(join(FIXTURES, 'outcomes-small.csv'), { map: parseFieldMap('title=name,abstract=description') });
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(rows[0]!.record).toEqual({
      sourceId: 'CSV-1',
      title: 'Regenerative braking controller',
      abstract: 'Controller that recovers braking energy, with a supercapacitor buffer.',
      kind: 'patent',
      disciplines: 'electrical engineering',
      keywords: 'regenerative braking; supercapacitor',
      year: '2018',
      trl: '7',
      region: 'US',
      language: 'en',
    });
    expect(rows[2]).toMatchObject({ line: 4, error: 'expected 9 columns, found 3' });
  });

  it('uses the default kind only where a row has none', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'k.csv'), 'sourceId,title,kind\nA,First,\nB,Second,patent\n');
    const rows = await readAll(join(dir, 'k.csv'), { defaultKind: 'project' });
    expect(rows.map((r) => (r.record as { kind: string }).kind)).toEqual(['project', 'patent']);
  });

  it('gives a multi-line quoted row the line it starts on, and reads .csv.gz', async () => {
    const dir = tempDir();
    const csv = 'source_id,title,abstract\nA,One,"first\nsecond\nthird"\nB,Two,plain\n';
    writeFileSync(join(dir, 'm.csv.gz'), gzipSync(csv));
    const rows = await readAll(join(dir, 'm.csv.gz'));
    expect(rows.map((r) => [r.line, (r.record as { sourceId: string }).sourceId])).toEqual([
      [2, 'A'],
      [5, 'B'],
    ]);
  });

  it('rejects a mapping to a field we do not have', () => {
    expect(() => parseFieldMap('colour=name')).toThrow(FieldMapError);
    expect(() => parseFieldMap('title')).toThrow(FieldMapError);
    expect(parseFieldMap('source_id=ref, ip_status=ip state')).toEqual({ sourceId: 'ref', ipStatus: 'ip state' });
  });
});

describe('BEIR reader', () => {
  it('maps _id and text, derives missing titles, tells patents by office and detects language', async () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'beir-small.jsonl'), join(dir, 'corpus.jsonl'));
    const rows = await readAll(join(dir, 'corpus.jsonl'), { format: 'beir' });
    expect(rows[0]!.record).toMatchObject({
      sourceId: 'US20170190327A1',
      kind: 'patent',
      title: 'A brake system for a vehicle having a master brake cylinder',
      abstract: 'A brake system for a vehicle having a master brake cylinder. The system recovers energy.',
      disciplines: ['IPC B60L 7/10'],
      region: 'US',
      language: 'en',
    });
    expect(rows[1]!.record).toMatchObject({
      sourceId: 'CSL-abc',
      kind: 'paper',
      title: '一种基于平方和优化的控制器设计方法',
      disciplines: ['工学', '兵器科学与技术'],
      keywords: ['平方和优化', 'Lyapunov函数'],
      language: 'zh',
    });
    expect(rows[2]!.record).toMatchObject({ sourceId: 'ARX-1', kind: 'paper', language: 'zh' });
    expect((rows[2]!.record as { title: string }).title).toMatch(/^我们提出了一种新的方法/);
  });

  it('honours the default kind for rows that are not patents', async () => {
    const rows = await readAll(join(FIXTURES, 'beir-small.jsonl'), { format: 'beir', defaultKind: 'project' });
    expect(rows.map((r) => (r.record as { kind: string }).kind)).toEqual(['patent', 'project', 'project', 'project']);
  });
});
