import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/loadConfig.js';
import { runCli } from '../support/runCli.js';

const problemsOf = (env: Record<string, string>) => {
  const result = loadConfig(env);
  return result.ok ? [] : result.problems;
};

describe('configuration', () => {
  it('starts with no settings at all, on the embedded defaults', () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.DATABASE_URL).toBeUndefined();
    expect(result.config.DATA_DIR).toBe('.liaison/pgdata');
    expect(result.config.CONSOLE_ENABLED).toBe(true);
  });

  it.each([
    ['LOG_LEVEL', 'loud', /^LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent \(got "loud"\)$/],
    ['DATABASE_URL', 'mysql://x@y/z', /^DATABASE_URL: expected a URL like postgres:\/\/user:password@host:5432\/database/],
    ['DB_POOL_SIZE', 'many', /^DB_POOL_SIZE: expected a whole number/],
    ['DB_POOL_SIZE', '0', /^DB_POOL_SIZE: expected a number of at least 1/],
    ['CONSOLE_ENABLED', 'perhaps', /^CONSOLE_ENABLED: expected true or false/],
    ['MAX_MESSAGE_CHARS', '2.5', /^MAX_MESSAGE_CHARS: expected a whole number/],
  ])('%s=%s gives its own clear message', (key, value, message) => {
    const problems = problemsOf({ [key]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('reports every problem at once, one line each', () => {
    const problems = problemsOf({ LOG_LEVEL: 'loud', DB_POOL_SIZE: '-3', CONSOLE_ENABLED: 'x' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['CONSOLE_ENABLED', 'DB_POOL_SIZE', 'LOG_LEVEL']);
  });

  it('never echoes a password from a malformed URL', () => {
    const [problem] = problemsOf({ DATABASE_URL: 'postgres://bob:hunter2@ho st/db' });
    expect(problem).toMatch(/^DATABASE_URL:/);
    expect(problem).not.toContain('hunter2');
  });

  it('stops the program with exit code 78 and no stack trace', async () => {
    const res = await runCli(['start'], { env: { LOG_LEVEL: 'loud', DB_POOL_SIZE: 'x' } });
    expect(res.code).toBe(78);
    expect(res.stderr).toContain('Liaison cannot start: fix these settings (see .env.example):');
    expect(res.stderr).toContain('  - LOG_LEVEL: expected one of');
    expect(res.stderr).toContain('  - DB_POOL_SIZE: expected a whole number');
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('names host and port (never the password) when the database is unreachable at start', async () => {
    const res = await runCli(['start'], { env: { DATABASE_URL: 'postgres://bob:topsecret@127.0.0.1:9/liaison' } });
    expect(res.code).toBe(69);
    expect(res.stderr).toContain('The database at 127.0.0.1:9/liaison is not reachable');
    expect(res.stderr).not.toContain('topsecret');
  });
});
