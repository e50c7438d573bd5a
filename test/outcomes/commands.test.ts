import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../adapters/console/consoleSession.js';
import { allCommands } from '../../src/commands/catalog.js';
import { Router } from '../../src/commands/router.js';
import { ingestOutcomes } from '../../src/outcomes/ingest.js';
import { readOutcomeFile } from '../../src/outcomes/readers/readOutcomeFile.js';
import { openDb } from '../../storage/openDb.js';
import type { Db } from '../../storage/db.js';
import { testServices } from '../support/testServices.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

describe('/imports and /outcome', () => {
  let db: Db;
  let session: ConsoleSession;

  beforeAll(async () => {
    ({ db } = await openDb({ dataDir: 'memory' }));
    session = new ConsoleSession(new Router(testServices(db), allCommands()), {
      platform: 'console',
      workspaceId: 'ws-outcomes',
      userId: 'admin1',
      displayName: 'Ada',
      direct: true,
    });
  });
  afterAll(() => db.close());

  it('says when nothing has been imported yet', async () => {
    expect(await session.send('/imports')).toContain('No outcomes have been imported yet.');
  });

  it('lists the last import first, with its counts and first rejected rows', async () => {
    await ingestOutcomes(db, readOutcomeFile(join(FIXTURES, 'beir-small.jsonl'), { format: 'beir' }), { source: 'beir-small.jsonl', actor: 'cli:ops' });
    const person = await db.query<{ id: string }>(`SELECT id FROM people WHERE display_name = 'Ada'`);
    await ingestOutcomes(db, readOutcomeFile(join(FIXTURES, 'outcomes-small.jsonl')), {
      source: 'outcomes-small.jsonl',
      actorPersonId: Number(person.rows[0]!.id),
    });
    const text = await session.send('/imports');
    const first = text.indexOf('#2 outcomes-small.jsonl');
    const second = text.indexOf('#1 beir-small.jsonl');
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(text).toMatch(/#2 outcomes-small\.jsonl — .* UTC by Ada, finished: 4 added, 0 updated, 0 unchanged, 2 rejected/);
    expect(text).toMatch(/#1 beir-small\.jsonl — .* by cli:ops, finished: 3 added, 0 updated, 0 unchanged, 1 rejected/);
    expect(text).toContain('First rejected rows of import #2');
    expect(text).toContain('line 4: kind must be one of patent, paper, project, capability, instrument');
    expect(text).toContain('line 5: not valid JSON');
  });

  it('limits the list to the count asked for, and refuses nonsense', async () => {
    const one = await session.send('/imports 1');
    expect(one).toContain('#2 outcomes-small.jsonl');
    expect(one).not.toContain('#1 beir-small.jsonl');
    expect(await session.send('/imports lots')).toContain('Give a number of imports from 1 to 50.');
  });

  it('shows one outcome by source id or number', async () => {
    const bySource = await session.send('/outcome TST-001');
    expect(bySource).toContain('Heat exchanger for kiln exhaust');
    expect(bySource).toContain('Tongji University');
    expect(bySource).toContain('TRL 6');
    expect(bySource).toContain('https://patents.google.com/patent/CN000001A');
    const id = (await db.query<{ id: string }>(`SELECT id FROM outcomes WHERE source_id = 'CSL-abc'`)).rows[0]!.id;
    const byNumber = await session.send(`/outcome ${id}`);
    expect(byNumber).toContain('一种基于平方和优化的控制器设计方法');
    expect(byNumber).toContain('工学, 兵器科学与技术');
    expect(await session.send(`/outcome #${id}`)).toContain('一种基于平方和优化的控制器设计方法');
    expect(await session.send('/outcome NOPE-1')).toContain('There is no outcome "NOPE-1".');
    expect(await session.send('/outcome')).toContain('Which outcome?');
  });
});
