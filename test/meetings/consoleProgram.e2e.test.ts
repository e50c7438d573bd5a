import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/runCli.js';

const FIXTURE = resolve(import.meta.dirname, '../needs/fixtures/outcomes.jsonl');

/** The real program, one console, four people played with /as: from a need to a booked meeting with invites on disk. */
describe('meetings in the console program', () => {
  it('introduces, accepts on both sides, picks a time as each person and saves the invites', { timeout: 300_000 }, async () => {
    const dir = tempDir();
    const env = { DATA_DIR: join(dir, 'pgdata'), LOAD_SAMPLE_DATA: 'false', CONSOLE_USER: 'ada' };
    expect((await runCli(['ingest', FIXTURE], { env, cwd: dir })).code).toBe(0);
    const lines = [
      '/setup',
      '/as bob', '/help',
      '/as rita', '/help',
      '/as carol', 'Our steel pipes corrode quickly in seawater. We need a protective coating that lasts ten years.',
      'Acme Marine', '2', '2', '2', '4', '2', '1',
      '/as ada', '/role @bob broker', '/role @carol enterprise Acme Marine', '/role @rita researcher Ocean University',
      '/as bob', '/timezone Europe/Berlin', '/as carol', '/timezone Asia/Shanghai', '/as rita', '/timezone europe/berlin',
      '/as bob', '/intro 1 NB-001 @rita',
      '/as carol', '1', // Accept
      '/as rita', '1', // Accept
      '/as carol', '1', // the first time on offer
      '/as rita', '1',
      '/as bob', '1',
    ];
    const run = await runCli(['start'], { env, cwd: dir, stdin: `${lines.join('\n')}\n`, timeoutMs: 240_000 });
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('Thank you — need #1 is submitted.');
    expect(out).toContain('Introduction #1 requested: need #1 ↔ “Graphene-reinforced epoxy coating against seawater corrosion of steel”. I asked carol and rita separately');
    expect(out).toMatch(/You are now carol\. Direct messages for you \(1\):\n== Introduction #1 ==/);
    expect(out).toContain('Both sides accepted introduction #1.');
    expect(out).toMatch(/\[DM @carol\] == Meeting #1: pick the times that suit you ==/);
    expect(out).toMatch(/\[1\] \w{3} \d{1,2} \w{3}, \d{2}:\d{2}–\d{2}:\d{2} \(UTC\+8\)/); // carol's choices, in Shanghai time
    expect(out).toMatch(/Booked: meeting #1, .* Europe\/Berlin \(UTC\+[12]\)\. Everyone gets a calendar invite\./);
    const invite = join(dir, '.liaison', 'attachments', 'meeting-1.ics');
    expect(out).toContain(`[DM @carol] [file] ${invite}`);
    expect(existsSync(invite)).toBe(true);
    const ics = readFileSync(invite, 'utf8');
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toMatch(/DTSTART;TZID=Asia\/Shanghai:\d{8}T\d{6}/);
  });
});
