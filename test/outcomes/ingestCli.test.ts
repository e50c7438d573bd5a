import { copyFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/runCli.js';
import { openDb } from '../../storage/openDb.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

describe('liaison ingest (child process)', () => {
  const dir = tempDir();
  const env = { DATA_DIR: join(dir, 'pgdata'), LOAD_SAMPLE_DATA: 'false' };

  it('imports a file, reports rejected lines, and changes nothing the second time', async () => {
    const file = join(dir, 'outcomes-small.jsonl');
    copyFileSync(join(FIXTURES, 'outcomes-small.jsonl'), file);
    const first = await runCli(['ingest', file], { env, cwd: dir });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Imported outcomes-small\.jsonl in [\d.]+ s: 4 added, 0 updated, 0 unchanged, 2 rejected\./);
    expect(first.stdout).toContain('line 4: kind must be one of patent, paper, project, capability, instrument');
    expect(first.stdout).toMatch(/line 5: not valid JSON/);

    const second = await runCli(['ingest', file], { env, cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('0 added, 0 updated, 4 unchanged, 2 rejected.');
  });

  it('reads gzip CSV with a column mapping and a default kind', async () => {
    const file = join(dir, 'catalogue.csv.gz');
    writeFileSync(file, gzipSync('ref,name,summary\nC-1,Cold plasma sterilisation,Low temperature plasma for food packaging.\n'));
    const res = await runCli(['ingest', file, '--map', 'sourceId=ref,title=name', '--kind', 'capability', '--source', 'lab catalogue'], {
      env,
      cwd: dir,
    });
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Imported lab catalogue in');
    expect(res.stdout).toContain('1 added, 0 updated, 0 unchanged, 0 rejected.');
  });

  it('exits 65 when every row is rejected', async () => {
    const file = join(dir, 'all-bad.jsonl');
    writeFileSync(file, '{"title":"no id"}\nnot json\n');
    const bad = await runCli(['ingest', file], { env, cwd: dir });
    expect(bad.code).toBe(65);
    expect(bad.stdout).toContain('0 added, 0 updated, 0 unchanged, 2 rejected.');
    expect(bad.stderr).toContain('No row could be imported.');
  });

  it('exits 64 on usage errors, before opening the database', async () => {
    const file = join(FIXTURES, 'outcomes-small.jsonl');
    // None of these reaches the database, so they may run side by side.
    const [none, map, missing, kind] = await Promise.all([
      runCli(['ingest'], { env, cwd: dir }),
      runCli(['ingest', file, '--map', 'colour=name'], { env, cwd: dir }),
      runCli(['ingest', join(dir, 'missing.jsonl')], { env, cwd: dir }),
      runCli(['ingest', file, '--kind', 'gadget'], { env, cwd: dir }),
    ]);
    expect([none.code, map.code, missing.code, kind.code]).toEqual([64, 64, 64, 64]);
    expect(none.stderr).toContain('Give exactly one file to import.');
    expect(map.stderr).toContain('Cannot read the mapping "colour=name"');
    expect(missing.stderr).toContain('no such file');
    expect(kind.stderr).toContain('--kind must be one of');
  });

  it('left the rows and the import runs in the data directory', async () => {
    const { db } = await openDb({ dataDir: env.DATA_DIR });
    try {
      const outcomes = await db.query<{ source_id: string; kind: string }>('SELECT source_id, kind FROM outcomes ORDER BY source_id');
      expect(outcomes.rows.map((r) => `${r.source_id}:${r.kind}`)).toEqual([
        'C-1:capability',
        'TST-001:patent',
        'TST-002:paper',
        'TST-003:capability',
        'TST-006:instrument',
      ]);
      const runs = await db.query<{ source: string; status: string; actor: string }>('SELECT source, status, actor FROM outcome_imports ORDER BY id');
      expect(runs.rows.map((r) => [r.source, r.status])).toEqual([
        ['outcomes-small.jsonl', 'finished'],
        ['outcomes-small.jsonl', 'finished'],
        ['lab catalogue', 'finished'],
        ['all-bad.jsonl', 'finished'],
      ]);
      expect(runs.rows[0]!.actor).toMatch(/^cli:/);
    } finally {
      await db.close();
    }
  });
});
