import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const LIAISON_BIN = resolve(import.meta.dirname, '../../scripts/liaison.mjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh temporary folder, used as working directory so no developer .env leaks in. */
export const tempDir = (prefix = 'liaison-test-') => mkdtempSync(join(tmpdir(), prefix));

/**
 * Runs the real `liaison` program as a child process, writes `stdin` and closes it,
 * and resolves when it exits. The environment is only what the test passes (plus PATH).
 */
export function runCli(args: string[], options: { stdin?: string | Buffer; env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [LIAISON_BIN, ...args], {
      cwd: options.cwd ?? tempDir(),
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'error', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}
