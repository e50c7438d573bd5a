import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/runCli.js';

const FIXTURE = resolve(import.meta.dirname, 'fixtures/outcomes.jsonl');

/** The README walkthrough, played with the real program: one embedded database, three people. */
describe('needs walkthrough in the console, end to end', () => {
  const dir = tempDir();
  const base = { DATA_DIR: join(dir, 'pgdata'), LOAD_SAMPLE_DATA: 'false' };
  const as = (user: string, lines: string[]) => runCli(['start'], { env: { ...base, CONSOLE_USER: user }, stdin: `${lines.join('\n')}\n` });

  it('submits a need as a contact, then matches, shortlists, dismisses and moves it as a broker', { timeout: 240_000 }, async () => {
    expect((await runCli(['ingest', FIXTURE], { env: base })).code).toBe(0);
    await as('bob', ['hello']); // people write once before they can be given a role
    const ada = await as('ada', ['/setup', '/role @bob broker']);
    expect(ada.stdout).toContain('ada, you are the admin of this workspace.');
    expect(ada.stdout).toContain('bob is now a broker.');

    const carol = await as('carol', [
      'Our steel pipes corrode quickly in seawater. We need a protective coating that lasts ten years.',
      'Acme Marine', '2', '2', '2', '4', '2', '1',
    ]);
    expect(carol.code).toBe(0);
    expect(carol.stdout).toContain('== Here is what I understood (#1) ==');
    expect(carol.stdout).toContain('Thank you — need #1 is submitted.');
    expect(carol.stdout).toContain('[#brokers] == New need #1 ==');
    expect(carol.stdout).toMatch(/\[#brokers\] 1\. Graphene-reinforced epoxy coating/);
    expect(carol.stdout).not.toMatch(/\[#brokers\].*Acme/);

    const bob = await as('bob', ['/needs', '/match 1', '1', '/match 1', '9', '/assign 1', '/note 1 Called their CTO', '/stage 1 intro_requested', '/pipeline']);
    expect(bob.code).toBe(0);
    expect(bob.stdout).toMatch(/#1 · translated · 0d · Acme Marine · broker: none/);
    expect(bob.stdout).toContain('Shortlisted “Graphene-reinforced epoxy coating against seawater corrosion of steel” for need #1.');
    expect(bob.stdout).toMatch(/Dismissed “.+” for need #1 \(Off-topic\)/);
    expect(bob.stdout).toContain('You now broker need #1.');
    expect(bob.stdout).toContain('Need #1: matched → intro_requested.');
    expect(bob.stdout).toContain('intro_requested: 1');

    const out = join(dir, 'verdicts.tsv');
    const exported = await runCli(['verdicts', 'export', '--out', out], { env: base });
    expect(exported.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('query-id\tcorpus-id\tscore');
    expect(lines).toContain('need-1\tNB-001\t1');
    expect(lines.filter((l) => l.endsWith('\t0'))).toHaveLength(1);
  });
});
