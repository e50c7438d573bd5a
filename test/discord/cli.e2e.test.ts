import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { LIAISON_BIN, runCli, tempDir } from '../support/runCli.js';
import { FakeDiscordRest } from './fake/fakeDiscordRest.js';
import { FakeGateway } from './fake/fakeGateway.js';
import { APP_ID, slashCommand, TOKEN } from './fake/fixtures.js';

describe('liaison CLI with Discord settings', () => {
  let rest: FakeDiscordRest;
  let gateway: FakeGateway;
  let env: Record<string, string>;

  beforeAll(async () => {
    rest = new FakeDiscordRest(TOKEN);
    await rest.listen();
    gateway = new FakeGateway(TOKEN);
    await gateway.ready();
    rest.gatewayUrl = gateway.url;
    env = { LOG_LEVEL: 'error', DATA_DIR: 'memory', LOAD_SAMPLE_DATA: 'false', DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: rest.url };
  });

  afterAll(async () => {
    await gateway?.close();
    await rest?.close();
    expect([...new Set(rest?.violations ?? [])].join('\n')).toBe('');
  });

  it('`liaison discord register --guild ID` overwrites the server commands once', async () => {
    const res = await runCli(['discord', 'register', '--guild', '1100000000000000001'], { env });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/Registered \d+ slash commands in server 1100000000000000001/);
    expect(rest.callsTo('PUT', '/applications/{application_id}/guilds/{guild_id}/commands')).toHaveLength(1);
    const bad = await runCli(['discord', 'register', '--guild', 'nope'], { env });
    expect(bad.code).toBe(64);
  }, 60_000);

  it('`liaison start` stops with code 69 when Discord refuses the token', async () => {
    const res = await runCli(['start'], { env: { ...env, CONSOLE_ENABLED: 'false', DISCORD_TOKEN: TOKEN.replace(/.$/, 'X') } });
    expect(res.code).toBe(69);
    expect(res.stderr).toContain('Liaison cannot start Discord');
  }, 60_000);

  it('`liaison start` runs Discord without the console and answers until SIGTERM', async () => {
    const child = spawn(process.execPath, [LIAISON_BIN, 'start'], {
      cwd: tempDir(),
      env: { PATH: process.env.PATH ?? '', ...env, CONSOLE_ENABLED: 'false' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((done) => child.on('close', done));
    onTestFinished(() => void child.kill('SIGKILL')); // a failed expectation must not leave the bot running
    await gateway.waitForOp((o) => o.op === 2, 60_000);
    await new Promise((r) => setTimeout(r, 300));
    const i = slashCommand('status');
    gateway.dispatch('INTERACTION_CREATE', i);
    const edit = await rest.waitFor((c) => c.path.includes(i.token) && c.route === '/webhooks/{webhook_id}/{webhook_token}', 30_000);
    expect(JSON.stringify(edit.body)).toMatch(/discord/);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  }, 90_000);
});
