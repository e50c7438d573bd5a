import type { Db } from '../../storage/db.js';
import type { Config } from '../config/schema.js';
import type { Logger } from '../log/logger.js';
import type { ChannelNotifier } from '../notify/channelNotifier.js';
import type { JobQueue } from '../jobs/jobQueue.js';

/** What every capability may use: the ports, wired once at start-up by the composition root. */
export interface Services {
  config: Config;
  db: Db;
  log: Logger;
  /** Adapters running in this process, e.g. ['console', 'slack']. */
  adapters: string[];
  /** Active provider per port, e.g. { translator: 'offline' }, shown by /status. */
  providers: Record<string, string>;
  now: () => Date;
  /** Posts to shared channels (brokers' channel); absent when no adapter can post, then posts are logged. */
  notifier?: ChannelNotifier;
  /** The Postgres-backed job queue (reminders, digests); absent in commands that run no jobs. */
  jobs?: JobQueue;
}
