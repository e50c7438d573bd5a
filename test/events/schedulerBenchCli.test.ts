import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/runCli.js';
import { EXIT } from '../../src/cli/exitCodes.js';

const EXAMPLE = resolve(import.meta.dirname, '../../bench/event-instance.example.json');
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, number>;

describe('liaison bench scheduler', () => {
  it('runs a generated event and ends with the figures as JSON', async () => {
    const { code, stdout } = await runCli(['bench', 'scheduler', '--participants', '60', '--seed', '3']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/participants\s+requests/);
    const figures = lastJson(stdout);
    expect(figures).toMatchObject({ participants: 60, kept_after_changes: 1 });
    expect(figures.scheduled).toBeLessThanOrEqual(figures.upper_bound!);
    expect(figures.ratio).toBeGreaterThan(0.9);
    for (const key of ['requests', 'scheduled', 'upper_bound', 'ratio', 'seconds']) expect(typeof figures[key]).toBe('number');
  }, 120_000);

  it('schedules an instance file, and explains a bad one', async () => {
    const good = await runCli(['bench', 'scheduler', '--instance', EXAMPLE]);
    expect(good.code).toBe(0);
    expect(lastJson(good.stdout)).toMatchObject({ requests: 7, scheduled: 7, upper_bound: 7, ratio: 1 });
    const bad = join(tempDir(), 'bad.json');
    writeFileSync(bad, JSON.stringify({ slotMinutes: 20, slots: 4, tables: 1, participants: [{ id: 'a' }], requests: [{ a: 'a', b: 'b' }] }));
    const refused = await runCli(['bench', 'scheduler', '--instance', bad]);
    expect(refused.code).toBe(EXIT.usage);
    expect(refused.stderr).toContain('The instance file is not valid: Request r1 names an unknown participant b.');
  }, 120_000);
});
