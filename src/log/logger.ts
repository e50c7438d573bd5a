import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Logs go to standard error, so standard output stays the chat transcript of the console
 * adapter. Pretty in a terminal, JSON lines otherwise (files, CI, log shippers).
 */
export function createLogger(level: string): Logger {
  if (process.stderr.isTTY && level !== 'silent') {
    return pino({ level }, pino.transport({ target: 'pino-pretty', options: { destination: 2, colorize: true } }));
  }
  return pino({ level }, pino.destination({ fd: 2, sync: true }));
}
