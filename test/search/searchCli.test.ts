import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/runCli.js';

const fixtures = resolve(import.meta.dirname, 'fixtures');

describe('liaison search / liaison embeddings on the command line', () => {
  it('indexes stored outcomes, searches with filters and refuses bad ones', async () => {
    const dir = tempDir();
    const env = { DATA_DIR: `${dir}/pgdata`, LOAD_SAMPLE_DATA: 'false' };
    const ingest = await runCli(['ingest', `${fixtures}/corpus.jsonl.gz`, '--format', 'beir'], { env, cwd: dir, timeoutMs: 240_000 });
    expect(ingest.code, ingest.stderr).toBe(0);
    const refresh = await runCli(['embeddings', 'refresh'], { env, cwd: dir, timeoutMs: 240_000 });
    expect(refresh.code, refresh.stderr).toBe(0);
    expect(refresh.stdout).toMatch(/Model: offline lsa-\d+ \(\d+-d\)\nOutcomes indexed: 8, embedded: \d/);

    const found = await runCli(['search', 'kiln exhaust waste heat', '--limit', '3'], { env, cwd: dir, timeoutMs: 240_000 });
    expect(found.code, found.stderr).toBe(0);
    expect(found.stdout).toMatch(/^1\. A plate heat exchanger recovers waste heat .* \[D1\]/);
    expect(found.stdout).toMatch(/matched: .*kiln/);

    const json = await runCli(['search', '冷库 耗电', '--json', '--mode', 'lexical'], { env, cwd: dir, timeoutMs: 240_000 });
    expect(JSON.parse(json.stdout.split('\n')[0]!)).toMatchObject({ sourceId: 'D3', explanation: { scores: { dense: null } } });

    const bad = await runCli(['search', 'kiln', '--trl', '12'], { env, cwd: dir, timeoutMs: 240_000 });
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/TRL must be from 1 to 9/);
    const translate = await runCli(['search', 'kiln', '--translate', 'llm'], { env, cwd: dir, timeoutMs: 240_000 });
    expect(translate.code).toBe(64);
    expect(translate.stderr).toMatch(/--translate must be offline or none/);
    const empty = await runCli(['search', '!!!'], { env, cwd: dir, timeoutMs: 240_000 });
    expect(empty.code).toBe(64);
    expect(empty.stderr).toMatch(/nothing to search for/);
  }, 900_000);
});
