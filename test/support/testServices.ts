import pino from 'pino';
import type { Services } from '../../src/app/services.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import type { Db } from '../../storage/db.js';

/** Services around a test database, with default settings (plus overrides) and a silent log. */
export function testServices(db: Db, env: Record<string, string> = {}): Services {
  const result = loadConfig({ LOAD_SAMPLE_DATA: 'false', ...env });
  if (!result.ok) throw new Error(result.problems.join('; '));
  return {
    config: result.config,
    db,
    log: pino({ level: 'silent' }),
    adapters: ['console'],
    providers: {},
    now: () => new Date(),
  };
}
