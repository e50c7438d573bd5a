import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/log/logger.js';

/** Bolt's and the Web API client's logs, into Liaison's pino log (component "slack"). */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  const text = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(' ');
  let level = LogLevel.INFO;
  // Bolt logs several debug lines per request: format them only when they will be written.
  return {
    debug: (...msg) => void (child.isLevelEnabled('debug') && child.debug(text(msg))),
    info: (...msg) => void (child.isLevelEnabled('info') && child.info(text(msg))),
    warn: (...msg) => child.warn(text(msg)),
    error: (...msg) => child.error(text(msg)),
    setLevel: (l) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}
