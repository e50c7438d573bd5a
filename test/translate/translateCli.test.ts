import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { researchBriefSchema } from '../../src/translate/brief.js';
import { runCli, tempDir } from '../support/runCli.js';
import { completion, fakeOpenAi, GOOD_BRIEF } from './fakeOpenAi.js';

const fixtures = resolve(import.meta.dirname, '../search/fixtures');
const NEED = 'Our tiles crack when we fire them faster; we need a fix within 6 months, TRL 6 or more.';
const run = (args: string[], env: Record<string, string>) => runCli(['translate', ...args], { env, cwd: env.DATA_DIR!.replace(/\/pgdata$/, ''), timeoutMs: 240_000 });
const storeEnv = () => ({ DATA_DIR: `${tempDir()}/pgdata`, LOAD_SAMPLE_DATA: 'false' });

let server: Awaited<ReturnType<typeof fakeOpenAi>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('liaison translate on the command line', () => {
  it('prints the brief in the language of the need, as /translate shows it, and the same as JSON', async () => {
    const env = storeEnv();
    const en = await run([NEED], env);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/^== Research brief ==\nProblem: .*tiles/);
    expect(en.stdout).toMatch(/^Keywords: .*crack/m);
    expect(en.stdout).toMatch(/^TRL: 6$/m);
    expect(en.stdout).toMatch(/Translated by: offline .*Preview only: nothing was stored/);
    // An empty store gives the translator no corpus to draw on: it says how to fill it.
    expect(en.stderr).toMatch(/no outcomes are stored yet\. `npm start` loads the bundled sample/);

    const json = await run([NEED, '--json'], env);
    const result = JSON.parse(json.stdout.trim()) as { kind: string; brief: unknown };
    expect(result.kind).toBe('brief');
    const brief = researchBriefSchema.parse(result.brief);
    expect(brief).toMatchObject({ language: 'en', constraints: { trl: { min: 6 } } });
    expect(brief.translator).toMatch(/^offline/);

    const zh = await run(['我们的冷库压缩机耗电太大，想节能改造'], env);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toMatch(/^== 研究需求简报 ==\n问题: /);
  }, 900_000);

  it('asks back for text with nothing technical, and refuses what it cannot translate', async () => {
    const env = storeEnv();
    const vague = await run(['hello there'], env);
    expect(vague.code, vague.stderr).toBe(0);
    expect(vague.stdout).not.toMatch(/Research brief/);
    expect(vague.stdout).toMatch(/\?/);

    const short = await run(['a'], env);
    expect(short.code).toBe(64);
    expect(short.stderr).toMatch(/too short/);
    const badFlag = await run([NEED, '--translator', 'gpt'], env);
    expect(badFlag.code).toBe(64);
    expect(badFlag.stderr).toMatch(/--translator must be offline or llm/);
    const noEndpoint = await run([NEED, '--translator', 'llm'], { ...env, LLM_ALLOWED: 'true' });
    expect(noEndpoint.code).toBe(78);
    expect(noEndpoint.stderr).toMatch(/OPENAI_BASE_URL: required when TRANSLATOR=llm/);
  }, 900_000);

  it('uses the model only when LLM_ALLOWED=true, and falls back to the offline translator when it fails', async () => {
    server = await fakeOpenAi((req, res) => (req.n === 1 ? completion(res, JSON.stringify(GOOD_BRIEF)) : completion(res, 'not json at all')));
    const env = { ...storeEnv(), OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'test', OPENAI_MODEL: 'fake-model', LLM_MAX_RETRIES: '0' };

    const blocked = await run([NEED, '--translator', 'llm'], env);
    expect(blocked.code, blocked.stderr).toBe(0);
    expect(blocked.stderr).toMatch(/LLM_ALLOWED=false/);
    expect(blocked.stdout).toMatch(/Translated by: offline/);
    expect(server.requests).toHaveLength(0);

    // Allowed in the working directory's .env: the flag overrides TRANSLATOR only, the file still counts.
    writeFileSync(resolve(env.DATA_DIR, '../.env'), 'LLM_ALLOWED=true\n');
    const llm = await run([NEED, '--translator', 'llm'], env);
    expect(llm.code, llm.stderr).toBe(0);
    expect(llm.stdout).toMatch(/Translated by: llm \(fake-model\)/);
    expect(llm.stdout).toMatch(/thermal shock resistance/);
    expect(server.requests).toHaveLength(1);

    const garbage = await run([NEED, '--translator', 'llm'], env);
    expect(garbage.code, garbage.stderr).toBe(0);
    expect(garbage.stderr).toMatch(/the LLM translator failed .*the offline translator answered/);
    expect(garbage.stdout).toMatch(/Translated by: offline/);
  }, 900_000);

  it('searches the stored outcomes with the brief (--search)', async () => {
    const env = storeEnv();
    const ingest = await runCli(['ingest', `${fixtures}/corpus.jsonl.gz`, '--format', 'beir'], { env, timeoutMs: 240_000 });
    expect(ingest.code, ingest.stderr).toBe(0);
    const found = await run(['Our ceramic kiln wastes a lot of heat through its exhaust', '--search', '--limit', '2'], env);
    expect(found.code, found.stderr).toBe(0);
    expect(found.stderr).not.toMatch(/no outcomes are stored/);
    expect(found.stdout).toMatch(/== Research brief ==[\s\S]*\n== \d outcomes for this brief ==\n1\. .*\[D1\]\n/);
    expect(found.stdout).toMatch(/matched: .*kiln/);
    const lines = (await run(['冷库 耗电 节能', '--search', '--json', '--limit', '1'], env)).stdout.trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ kind: 'brief', brief: { language: 'zh' } });
    expect(JSON.parse(lines[1]!)).toMatchObject({ sourceId: 'D3' });
  }, 900_000);
});
