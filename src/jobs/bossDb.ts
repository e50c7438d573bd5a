import type { Db } from '../../storage/db.js';

/** What pg-boss needs of a database when it is given one (its `db` option) instead of a URL. */
export interface BossDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number }>;
}

// pg-boss's install and migration scripts are several statements joined by ';' and carry no
// parameters; everything else it sends is one statement. Its plans never put ';' in a literal.
const isScript = (sql: string) => /;\s*\S/.test(sql.trim());

/**
 * pg-boss on our one Db port, so the queue lives in the same database as everything else, on
 * PGlite as on PostgreSQL: scripts go through `exec()` (PGlite's `query()` takes one statement),
 * statements through parameterised `query()`.
 */
export function bossDb(db: Db): BossDb {
  return {
    async executeSql(text, values) {
      if ((!values || values.length === 0) && isScript(text)) {
        await db.exec(text);
        return { rows: [], rowCount: 0 };
      }
      return db.query(text, values ?? []);
    },
  };
}
