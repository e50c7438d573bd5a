import { afterEach, describe, expect, it } from 'vitest';
import { toSql } from 'pgvector';
import type { Db } from '../../storage/db.js';
import { loadMigrations, migrate } from '../../storage/migrate.js';
import { testEngines } from '../support/testDb.js';

describe.each(testEngines)('storage contract on $name', (engine) => {
  const opened: Db[] = [];
  const open = async () => {
    const db = await engine.open();
    opened.push(db);
    return db;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.close()));
  });

  it('migrates an empty database and records every migration', async () => {
    const db = await open();
    const applied = await migrate(db);
    const files = await loadMigrations();
    expect(applied).toEqual(files.map((m) => m.name));
    const recorded = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(recorded.rows.map((r) => r.version)).toEqual(files.map((m) => m.version));
    const tables = await db.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_name IN ('people', 'identities', 'needs', 'outcomes', 'orgs', 'audit_log')`,
    );
    expect(tables.rows.map((r) => r.t).sort()).toEqual(['audit_log', 'identities', 'needs', 'orgs', 'outcomes', 'people']);
  });

  it('re-running migrations is a no-op', async () => {
    const db = await open();
    await migrate(db);
    expect(await migrate(db)).toEqual([]);
    const count = await db.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations');
    expect(Number(count.rows[0]!.n)).toBe((await loadMigrations()).length);
  });

  it('two migrators racing apply each migration exactly once', async () => {
    const db = await open();
    const migrations = await loadMigrations();
    // On PostgreSQL these run on two pooled connections; on PGlite they queue on its one connection.
    const [a, b] = await Promise.all([migrate(db, migrations), migrate(db, migrations)]);
    expect([...a, ...b].sort()).toEqual(migrations.map((m) => m.name).sort());
    expect(a.length === 0 || b.length === 0).toBe(true);
  });

  it('rolls a transaction back when it throws', async () => {
    const db = await open();
    await migrate(db);
    await db.query(`INSERT INTO workspaces (id, name) VALUES ('w1', 'one')`);
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO workspaces (id, name) VALUES ('w2', 'two')`);
        await tx.query(`INSERT INTO workspaces (id, name) VALUES ('w1', 'duplicate')`);
      }),
    ).rejects.toThrow(/duplicate key|unique/i);
    const rows = await db.query<{ id: string }>('SELECT id FROM workspaces ORDER BY id');
    expect(rows.rows.map((r) => r.id)).toEqual(['w1']);
  });

  it('commits a transaction that resolves and returns its value', async () => {
    const db = await open();
    await migrate(db);
    const value = await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO workspaces (id, name) VALUES ('w3', 'three')`);
      return 42;
    });
    expect(value).toBe(42);
    expect((await db.query('SELECT 1 FROM workspaces WHERE id = $1', ['w3'])).rowCount).toBe(1);
  });

  it('stores vectors and finds nearest neighbours by cosine distance', async () => {
    const db = await open();
    await migrate(db);
    await db.exec('CREATE TABLE vec_probe (id int PRIMARY KEY, v vector(3))');
    const points: [number, number[]][] = [
      [1, [1, 0, 0]],
      [2, [0, 1, 0]],
      [3, [0.9, 0.1, 0]],
      [4, [0, 0, 1]],
    ];
    for (const [id, v] of points) await db.query('INSERT INTO vec_probe VALUES ($1, $2::vector)', [id, toSql(v)]);
    await db.exec('CREATE INDEX ON vec_probe USING hnsw (v vector_cosine_ops)');
    const near = await db.query<{ id: number; d: number }>(
      'SELECT id, v <=> $1::vector AS d FROM vec_probe ORDER BY v <=> $1::vector LIMIT 2',
      [toSql([1, 0.05, 0])],
    );
    expect(near.rows.map((r) => r.id)).toEqual([1, 3]);
    expect(near.rows[0]!.d).toBeLessThan(0.01);
  });

  it('passes parameters as data, never as SQL', async () => {
    const db = await open();
    await migrate(db);
    const evil = `x'); DROP TABLE workspaces; --`;
    await db.query('INSERT INTO workspaces (id, name) VALUES ($1, $2)', [evil, evil]);
    const back = await db.query<{ name: string }>('SELECT name FROM workspaces WHERE id = $1', [evil]);
    expect(back.rows[0]!.name).toBe(evil);
  });
});
