import { userInfo } from 'node:os';
import { runConsole } from '../../adapters/console/runConsole.js';
import { createRouter } from '../commands/catalog.js';
import type { Services } from '../app/services.js';
import { CliExit, EXIT } from './exitCodes.js';
import { connectServices, readConfig } from './bootstrap.js';

/** `liaison start`: the bot, with every adapter the settings enable. */
export async function startCommand(): Promise<void> {
  const config = readConfig();
  const adapters = config.CONSOLE_ENABLED ? ['console'] : [];
  if (adapters.length === 0) {
    throw new CliExit(EXIT.config, 'Liaison cannot start: no adapter is enabled. Set CONSOLE_ENABLED=true (or configure Slack or Discord).');
  }
  const services = await connectServices(config, adapters);
  const shutdown = onceShutdown(services);
  process.once('SIGINT', () => void shutdown(EXIT.ok));
  process.once('SIGTERM', () => void shutdown(EXIT.ok));
  const router = createRouter(services);
  services.log.info({ adapters }, 'Liaison started');
  const user = config.CONSOLE_USER ?? safeUserName();
  await runConsole({
    router,
    actor: { platform: 'console', workspaceId: 'console', userId: user, displayName: user, direct: true },
  });
  await shutdown(EXIT.ok);
}

/** Closes the database once (PGlite must flush its data directory) and exits. */
function onceShutdown(services: Services): (code: number) => Promise<void> {
  let closing: Promise<void> | undefined;
  return (code) => {
    closing ??= services.db
      .close()
      .catch((err) => services.log.error({ err }, 'closing the database failed'))
      .finally(() => {
        services.log.flush();
        process.exit(code);
      });
    return closing;
  };
}

function safeUserName(): string {
  try {
    return userInfo().username || 'console';
  } catch {
    return 'console';
  }
}
