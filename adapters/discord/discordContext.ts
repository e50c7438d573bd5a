import type { Router } from '../../src/commands/router.js';
import type { Actor } from '../../src/commands/types.js';
import type { Logger } from '../../src/log/logger.js';
import type { Db } from '../../storage/db.js';
import { claimEvent } from '../../storage/repositories/platformEvents.js';
import type { Delivery } from './delivery.js';

/** A suggestion in a command's autocompletion list. */
export interface AutocompleteChoice {
  name: string;
  value: string;
}

/**
 * Where autocompletion of a command's `text` option asks the core (need ids, disciplines,
 * regions…). `commands` are the command names it serves; Discord shows at most 25 choices.
 */
export interface AutocompleteHook {
  commands: readonly string[];
  suggest(req: { command: string; typed: string; actor: Actor }): Promise<AutocompleteChoice[]>;
}

/** What every listener needs to turn a Discord event into router work and answers. */
export interface DiscordContext {
  router: Router;
  db: Db;
  log: Logger;
  delivery: Delivery;
  /** Liaison workspace id of Discord people. */
  workspaceId: string;
  autocomplete?: AutocompleteHook;
}

/**
 * Claims a delivery id in the shared database: true the first time, false when the gateway
 * replays it (a resume, a restart, another shard), on whichever process it lands.
 */
export async function firstDelivery(ctx: DiscordContext, id: string): Promise<boolean> {
  const first = await claimEvent(ctx.db, 'discord', id);
  if (!first) ctx.log.info({ id }, 'Discord delivery already handled; ignoring the replay');
  return first;
}
