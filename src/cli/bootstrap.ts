import { config as loadDotenv } from 'dotenv';
import { loadConfig } from '../config/loadConfig.js';
import type { Config } from '../config/schema.js';
import { createLogger } from '../log/logger.js';
import type { Services } from '../app/services.js';
import { openDb } from '../../storage/openDb.js';
import { DataDirLockedError, DatabaseUnavailableError } from '../../storage/errors.js';
import { CliExit, EXIT } from './exitCodes.js';
import { translatorProvider } from '../translate/translatorFor.js';

/**
 * Reads .env (if present) and the environment, with a command's flags over both (`overrides`,
 * validated like the settings they stand for), or stops with one line per problem.
 */
export function readConfig(overrides: Record<string, string> = {}): Config {
  loadDotenv({ quiet: true });
  const result = loadConfig({ ...process.env, ...overrides });
  if (result.ok) return result.config;
  const lines = result.problems.map((p) => `  - ${p}`).join('\n');
  throw new CliExit(EXIT.config, `Liaison cannot start: fix these settings (see .env.example):\n${lines}`);
}

/** Opens the database and wires the services every command uses. */
export async function connectServices(config: Config, adapters: string[]): Promise<Services> {
  const log = createLogger(config.LOG_LEVEL);
  try {
    const { db, applied } = await openDb({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      poolSize: config.DB_POOL_SIZE,
      onError: (err) => log.warn({ err }, 'database connection error'),
    });
    if (applied.length > 0) log.info({ applied }, 'database migrated');
    return { config, db, log, adapters, providers: { translator: translatorProvider(config) }, now: () => new Date() };
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) {
      throw new CliExit(EXIT.unavailable, `Liaison cannot start: ${err.message} Check DATABASE_URL and that the server is running.`);
    }
    if (err instanceof DataDirLockedError) throw new CliExit(EXIT.tempFail, `Liaison cannot start: ${err.message}`);
    throw err;
  }
}
