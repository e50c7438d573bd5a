import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../storage/migrate.js';
import { listBriefVersions, loadLatestBrief, saveBrief } from '../../storage/repositories/briefs.js';
import type { Db } from '../../storage/db.js';
import { testEngines } from '../support/testDb.js';

describe.each(testEngines)('need briefs ($name)', (engine) => {
  let db: Db;
  let needId: number;
  beforeAll(async () => {
    db = await engine.open();
    await migrate(db);
    await db.query("INSERT INTO workspaces (id, name) VALUES ('w', 'w')");
    const res = await db.query<{ id: string }>("INSERT INTO needs (workspace_id, text) VALUES ('w', 'tiles crack') RETURNING id");
    needId = Number(res.rows[0]!.id);
  });
  afterAll(async () => db?.close());

  it('saves versions and loads the latest', async () => {
    expect(await loadLatestBrief(db, needId)).toBeUndefined();
    const v1 = await saveBrief(db, needId, { problem: 'first' }, 'offline');
    const v2 = await saveBrief(db, needId, { problem: 'edited' }, 'llm (m)');
    expect([v1.version, v2.version]).toEqual([1, 2]);
    const latest = await loadLatestBrief<{ problem: string }>(db, needId);
    expect(latest).toMatchObject({ version: 2, translator: 'llm (m)', brief: { problem: 'edited' } });
    expect((await listBriefVersions(db, needId)).map((b) => b.version)).toEqual([1, 2]);
  });

  it('numbers concurrent saves without gaps or clashes', async () => {
    await Promise.all([1, 2, 3].map((i) => saveBrief(db, needId, { problem: `p${i}` }, 'offline')));
    expect((await listBriefVersions(db, needId)).map((b) => b.version)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a brief for a need that does not exist', async () => {
    await expect(saveBrief(db, 999_999, {}, 'offline')).rejects.toThrow(/does not exist/);
  });
});
