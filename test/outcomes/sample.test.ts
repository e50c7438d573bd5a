import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleIfEmpty, SAMPLE_PATH } from '../../src/outcomes/sample.js';
import { readOutcomeFile } from '../../src/outcomes/readers/readOutcomeFile.js';
import { outcomeSchema } from '../../src/outcomes/outcome.js';
import { openDb } from '../../storage/openDb.js';
import type { Db } from '../../storage/db.js';
import { testServices } from '../support/testServices.js';

describe('bundled sample', () => {
  it('is valid outcomes, in both languages, with patents and papers', async () => {
    const kinds = new Map<string, number>();
    const languages = new Map<string, number>();
    let rows = 0;
    for await (const row of readOutcomeFile(SAMPLE_PATH)) {
      rows++;
      const o = outcomeSchema.parse(row.record);
      kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1);
      languages.set(o.language, (languages.get(o.language) ?? 0) + 1);
    }
    expect(rows).toBe(4000);
    expect(Object.fromEntries(kinds)).toEqual({ patent: 1500, paper: 2500 });
    expect(Object.fromEntries(languages)).toEqual({ en: 2500, zh: 1500 });
  });
});

describe('loadSampleIfEmpty', () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await openDb({ dataDir: 'memory' }));
  });
  afterAll(() => db.close());

  it('does nothing when LOAD_SAMPLE_DATA is false', async () => {
    expect(await loadSampleIfEmpty(testServices(db, { LOAD_SAMPLE_DATA: 'false' }))).toEqual({
      loaded: false,
      reason: 'LOAD_SAMPLE_DATA is false',
    });
  });

  it('loads the sample into an empty store, once', async () => {
    const services = testServices(db, { LOAD_SAMPLE_DATA: 'true' });
    const first = await loadSampleIfEmpty(services);
    expect(first).toMatchObject({ loaded: true, summary: { added: 4000, rejected: 0 } });
    const count = await db.query<{ n: string }>('SELECT count(*) AS n FROM outcomes');
    expect(Number(count.rows[0]!.n)).toBe(4000);
    expect(await loadSampleIfEmpty(services)).toEqual({ loaded: false, reason: 'the outcome store is not empty' });
    const imports = await db.query<{ n: string }>('SELECT count(*) AS n FROM outcome_imports');
    expect(Number(imports.rows[0]!.n)).toBe(1);
  });
});
