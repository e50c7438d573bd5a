import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/runCli.js';

/** The console adapter as a new user meets it: the real program, commands piped on stdin. */
describe('console adapter, end to end', () => {
  const dir = tempDir();
  const env = { DATA_DIR: join(dir, 'pgdata'), LOAD_SAMPLE_DATA: 'false', CONSOLE_USER: 'alice' };

  it('answers help, status, an unknown command and an empty line, in order, then exits 0', async () => {
    const res = await runCli(['start'], { env, stdin: 'help\n/status\n/stauts\n\n/help status\n' });
    expect(res.code).toBe(0);
    const out = res.stdout;
    expect(out).toContain('== Liaison commands ==');
    expect(out).toMatch(/\/status — Show the database/);
    expect(out).toMatch(/Database: PGlite, embedded \(PostgreSQL \d+\.\d+, pgvector \d+\.\d+/);
    expect(out).toMatch(/Outcomes: \d+/);
    expect(out).toContain('Needs (this workspace): 0');
    expect(out).toContain('Adapters: console');
    // A console-only run loads the translator's dictionaries when first needed, not at start.
    expect(out).toContain('Offline dictionaries: CC-CEDICT, WordNet 3.1, jieba: loaded on first use');
    expect(out).toContain('! There is no command /stauts. Did you mean /status?');
    expect(out).toContain('! I got an empty message.');
    expect(out).toContain('Usage: /status');
    // answers come in the order the lines were typed
    expect(out.indexOf('Liaison commands')).toBeLessThan(out.indexOf('Liaison status'));
    expect(out.indexOf('Liaison status')).toBeLessThan(out.indexOf('/stauts'));
  });

  it('reuses its data directory on the next start', async () => {
    const first = await runCli(['start'], { env, stdin: '/status\n' });
    const second = await runCli(['start'], { env, stdin: '/status\n' });
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`Location: ${env.DATA_DIR}`);
  });

  it('refuses a 1 MB line politely and keeps going', async () => {
    const huge = 'x'.repeat(1024 * 1024);
    const res = await runCli(['start'], { env, stdin: `${huge}\n/status\n` });
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/! That message is too long for me \(1,048,576 characters; the limit is 8,000\)/);
    expect(res.stdout).toContain('== Liaison status ==');
  });

  it('refuses invalid UTF-8 politely and keeps going', async () => {
    const bad = Buffer.concat([Buffer.from('/search caf'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('\n/status\n')]);
    const res = await runCli(['start'], { env, stdin: bad });
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('! Some of that message could not be read as text');
    expect(res.stdout).toContain('== Liaison status ==');
  });

  it('treats odd Unicode and plain chatter without crashing', async () => {
    const res = await runCli(['start'], { env, stdin: '/😀\n\u0000\u0007/status\nblah blah\n' });
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('! There is no command /😀.');
    expect(res.stdout).toContain('== Liaison status ==');
    expect(res.stdout).toContain('! I did not understand that.');
    expect(res.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('refuses a second process on the same data directory', async () => {
    const { spawn } = await import('node:child_process');
    const { LIAISON_BIN } = await import('../support/runCli.js');
    // The first process waits on an open stdin, holding the directory.
    const holder = spawn(process.execPath, [LIAISON_BIN, 'start'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    try {
      await new Promise<void>((ready) => {
        holder.stdout.on('data', () => ready());
        holder.stdin.write('/status\n');
      });
      const second = await runCli(['start'], { env, stdin: '/status\n' });
      expect(second.code).toBe(75);
      expect(second.stderr).toContain(`Another Liaison process (pid ${holder.pid}) is using the data directory`);
      expect(second.stdout).toBe('');
    } finally {
      holder.stdin.end();
      await new Promise((closed) => holder.on('close', closed));
    }
  });
});
