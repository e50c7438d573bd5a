/** Raised when the database cannot be reached; the message names host and port, never credentials. */
export class DatabaseUnavailableError extends Error {
  readonly code = 'DB_UNAVAILABLE';
  constructor(readonly where: string, cause?: unknown) {
    super(`The database at ${where} is not reachable${causeText(cause)}.`, { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

/** Raised when another Liaison process already holds an embedded data directory. */
export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(readonly dir: string, readonly pid: number) {
    super(
      `Another Liaison process (pid ${pid}) is using the data directory ${dir}. ` +
        'PGlite allows one process per directory: stop the other one, or set DATA_DIR to another folder, or use DATABASE_URL for a shared PostgreSQL.',
    );
    this.name = 'DataDirLockedError';
  }
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08006',
]);

/** True when an error means "the database is not there right now", as opposed to a bad query. */
export function isConnectionError(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  if (err instanceof AggregateError) return err.errors.some(isConnectionError);
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(err.message);
}

function causeText(cause: unknown): string {
  if (!(cause instanceof Error)) return '';
  const code = (cause as { code?: unknown }).code;
  return typeof code === 'string' ? ` (${code})` : '';
}
