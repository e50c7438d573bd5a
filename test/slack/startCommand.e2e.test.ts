import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { LIAISON_BIN, tempDir } from '../support/runCli.js';
import { FakeSlack } from './fakeSlack.js';
import { manifestBotScopes } from './slackHarness.js';
import { SIGNING_SECRET, sendToBot, slashCommandBody } from './slackRequests.js';

const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

describe('liaison start with Slack settings', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = new FakeSlack({ grantedScopes: manifestBotScopes() });
    await fake.start();
  });
  afterAll(async () => fake?.stop());

  it('runs Slack beside the console; piped console input ending does not stop it; SIGTERM does', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [LIAISON_BIN, 'start'], {
      cwd: tempDir(),
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'error', DATA_DIR: 'memory', LOAD_SAMPLE_DATA: 'false', SLACK_BOT_TOKEN: 'xoxb-1-2-start', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_PORT: String(port), SLACK_API_URL: fake.apiUrl.replace(/\/$/, '') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((done) => child.on('close', done));
    onTestFinished(() => void child.kill('SIGKILL')); // a failed expectation must not leave the bot running
    child.stdin.end('/status\n');

    // The console answered its piped line, and the process is still up for Slack.
    const until = Date.now() + 60_000;
    while (!stdout.includes('Adapters') && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(stdout).toMatch(/Adapters: console, slack/);
    // A chat server reads the translator's dictionaries before it connects, not inside a request.
    expect(stdout).toMatch(/Offline dictionaries: CC-CEDICT, WordNet 3\.1, jieba: in memory \(loaded at start in \d+\.\d s\)/);
    await new Promise((r) => setTimeout(r, 500));
    expect(child.exitCode).toBeNull();

    const res = await sendToBot(`http://127.0.0.1:${port}/slack/events`, slashCommandBody({ text: 'help', responseUrl: fake.responseUrl('start1') }), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    await fake.waitFor((calls) => calls.some((c) => c.method === 'response' && c.params.responseId === 'start1'));
    expect(fake.calls.some((c) => c.method === 'auth.test')).toBe(true);
    expect(fake.allProblems()).toEqual([]);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  }, 90_000);
});
