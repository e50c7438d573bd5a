import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadImage } from '@napi-rs/canvas';
import { runCli, tempDir } from '../support/runCli.js';
import { openPglite } from '../../storage/pgliteDb.js';
import { castOf, NeedsWorld, submitNeedAs } from '../needs/support/needsWorld.js';

describe('liaison report (child process)', () => {
  it('refuses bad dates and formats with a friendly message, before opening the database', async () => {
    const env = { DATA_DIR: join(tempDir(), 'pgdata'), LOAD_SAMPLE_DATA: 'false' };
    const badDate = await runCli(['report', '--from', '2026-02-30'], { env });
    expect(badDate.code).toBe(64);
    expect(badDate.stderr).toMatch(/--from "2026-02-30" is not a date\. Use YYYY-MM-DD/);
    const badFormat = await runCli(['report', '--format', 'pdf'], { env });
    expect(badFormat.stderr).toMatch(/--format must be md, csv or json/);
    const reversed = await runCli(['report', '--from', '2026-11-20', '--to', '2026-11-10'], { env });
    expect(reversed.stderr).toMatch(/--from \(2026-11-20T00:00:00\.000Z\) must be before --to/);
    const badZone = await runCli(['report', '--tz', 'Atlantis/Capital'], { env });
    expect(badZone.stderr).toMatch(/"Atlantis\/Capital" is not a time zone I know/);
  }, 240_000); // four child processes; slow on a loaded machine

  it('writes a valid report saying there is nothing yet on an empty database', async () => {
    const dir = tempDir();
    const env = { DATA_DIR: join(dir, 'pgdata'), LOAD_SAMPLE_DATA: 'false' };
    const md = await runCli(['report', '--out', 'out'], { env, cwd: dir });
    expect(md.stderr).toBe('');
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/Nothing to report yet/);
    expect(readFileSync(join(dir, 'out', 'report.md'), 'utf8')).toMatch(/^# Digest · .+\n\nNothing to report yet for this period/);
    const json = await runCli(['report', '--format', 'json', '--out', 'out'], { env, cwd: dir });
    expect(json.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8'));
    expect(report).toMatchObject({ empty: true, newNeeds: [], charts: [] });
    expect(new Date(report.period.to).getTime() - new Date(report.period.from).getTime()).toBe(7 * 86_400_000);
  }, 240_000);

  it('writes the period\'s digest with its charts as PNG files in the same folder', async () => {
    const dir = tempDir();
    const dataDir = join(dir, 'pgdata');
    const world = await NeedsWorld.open({ name: 'pglite', open: () => openPglite(dataDir) });
    const cast = await castOf(world);
    const need = await submitNeedAs(cast.contact, 'Our steel pipes corrode quickly in seawater. We need a protective coating that lasts ten years.');
    await world.db.query('UPDATE needs SET confidential = true WHERE id = $1', [need]);
    await world.close();
    const env = { DATA_DIR: dataDir, LOAD_SAMPLE_DATA: 'false' };

    const md = await runCli(['report', '--out', 'md', '--language', 'zh'], { env, cwd: dir });
    expect(md.stderr).toBe('');
    expect(md.code).toBe(0);
    const text = readFileSync(join(dir, 'md', 'report.md'), 'utf8');
    expect(text).toMatch(/^# 摘要 · /);
    expect(text).toContain('![柱状图');
    expect(text).toContain(`#${need} · 已转译`);
    expect(text).not.toContain('Acme'); // mixed audience by default: confidential needs anonymised
    const png = await loadImage(readFileSync(join(dir, 'md', 'digest-pipeline.png')));
    expect([png.width, png.height]).toEqual([900, 450]);

    const csv = await runCli(['report', '--format', 'csv', '--out', 'csv', '--from', '2020-01-01', '--audience', 'brokers'], { env, cwd: dir });
    expect(csv.code).toBe(0);
    const needs = readFileSync(join(dir, 'csv', 'new-needs.csv'), 'utf8').trim().split('\r\n');
    expect(needs[0]).toBe('need_id,stage,who,broker,confidential,summary');
    expect(needs[1]).toMatch(new RegExp(`^${need},translated,Acme Marine,,`));
    expect(readFileSync(join(dir, 'csv', 'pipeline.csv'), 'utf8')).toContain('translated,0,1,1,0');
    expect(existsSync(join(dir, 'csv', 'digest-pipeline.png'))).toBe(true);
  }, 240_000);
});
