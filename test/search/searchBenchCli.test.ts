import { describe, expect, it } from 'vitest';
import { runCli } from '../support/runCli.js';
import { SHARED_DATA_DIR } from '../support/sharedDir.js';

const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as { size: number; runs: Record<string, number | string>[] };

describe('liaison bench search', () => {
  it('runs each cell in a process of its own and prints every cell, then the figures as JSON', async () => {
    const { code, stdout, stderr } = await runCli(['bench', 'search', '--engine', 'pglite', '--size', '40,60', '--queries', '3'], { env: { LIAISON_DATA_DIR: SHARED_DATA_DIR } });
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/engine\s+size\s+ingest_s/);
    // Announced by this process, then again by the child process that runs the cell.
    expect(stderr.split('search bench: pglite, 40 outcomes').length - 1).toBe(2);
    const figures = lastJson(stdout);
    expect(figures.size).toBe(60);
    expect(figures.runs.map((r) => [r.engine, r.size])).toEqual([['pglite', 40], ['pglite', 60]]);
    for (const run of figures.runs) {
      for (const key of ['ingest_per_s', 'p50_ms', 'p95_ms', 'p95_warm_ms', 'p50_translated_ms', 'p95_translated_ms', 'recall@10', 'rss_mb']) expect(typeof run[key]).toBe('number');
      expect(run['recall@10']).toBe(1); // exact and approximate search agree on a store this small
    }
  }, 180_000);
});
