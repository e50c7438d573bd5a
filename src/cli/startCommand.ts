import { userInfo } from 'node:os';
import { runConsole } from '../../adapters/console/runConsole.js';
import { ConsoleChannelPosts } from '../../adapters/console/consoleChannelPosts.js';
import { SlackAdapter, slackSettings } from '../../adapters/slack/slackAdapter.js';
import { withFairScheduling } from '../../adapters/slack/fairDb.js';
import { DiscordAdapter, discordSettings } from '../../adapters/discord/discordAdapter.js';
import { allJobs, createRouter } from '../commands/catalog.js';
import { startJobQueue } from '../jobs/jobQueue.js';
import { loadSampleIfEmpty } from '../outcomes/sample.js';
import { ensureSearchIndexes } from '../search/ensureSearchIndexes.js';
import { createOutcomeIndexer } from '../search/outcomeIndexer.js';
import { embeddingSettingsFrom } from '../embeddings/embeddingSettings.js';
import { hasOutcomes } from '../../storage/repositories/outcomes.js';
import { loadOfflineLexicons } from '../translate/lexicon/offlineLexicons.js';
import type { Services } from '../app/services.js';
import { CliExit, EXIT } from './exitCodes.js';
import { connectServices, readConfig } from './bootstrap.js';

/** A chat adapter this process runs: started once the services exist, stopped before the database closes. */
interface RunningAdapter {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** `liaison start`: the bot, with every adapter the settings enable. */
export async function startCommand(): Promise<void> {
  const config = readConfig();
  const slack = slackSettings(config);
  const discord = discordSettings(config);
  const adapters = [...(config.CONSOLE_ENABLED ? ['console'] : []), ...(slack ? ['slack'] : []), ...(discord ? ['discord'] : [])];
  if (adapters.length === 0) {
    throw new CliExit(EXIT.config, 'Liaison cannot start: no adapter is enabled. Set CONSOLE_ENABLED=true (or configure Slack or Discord).');
  }
  const channelPosts = new ConsoleChannelPosts();
  const services = { ...(await connectServices(config, adapters)), notifier: channelPosts };
  const running: RunningAdapter[] = [];
  const shutdown = onceShutdown(services, running);
  process.once('SIGINT', () => void shutdown(EXIT.ok));
  process.once('SIGTERM', () => void shutdown(EXIT.ok));
  await loadSample(services);
  if (await ensureSearchIndexes(services.db)) process.stderr.write('Built the missing search indexes of the stored outcomes.\n');
  // A chat server loads the offline dictionaries before it connects: inside the first request
  // that translates, the load would hold up the acknowledgement of any request arriving meanwhile.
  if (slack || discord) services.log.info({ ms: loadOfflineLexicons() }, 'offline dictionaries loaded');
  // Embedded PGlite: let Slack and Discord requests be acknowledged between queries (both allow 3 s).
  if (slack || discord) services.db = withFairScheduling(services.db);
  const shared: Services = services;
  shared.jobs = await startJobQueue(services, allJobs());
  const router = createRouter(services);
  if (slack) {
    const adapter = new SlackAdapter({ router, services, settings: slack });
    shared.notifier = adapter.notifier; // channel posts go to Slack when it runs
    try {
      await adapter.start();
      running.push(adapter);
    } catch (err) {
      process.stderr.write(`Liaison cannot start Slack (${slack.mode} mode): ${err instanceof Error ? err.message : String(err)}. Check SLACK_BOT_TOKEN, SLACK_APP_TOKEN or SLACK_SIGNING_SECRET and SLACK_PORT.\n`);
      return shutdown(EXIT.unavailable);
    }
  }
  if (discord) {
    const adapter = new DiscordAdapter({ router, services, settings: discord });
    if (!slack) shared.notifier = adapter.notifier; // channel posts go to Discord unless Slack has them
    try {
      await adapter.start();
      running.push(adapter);
    } catch (err) {
      process.stderr.write(`Liaison cannot start Discord: ${err instanceof Error ? err.message : String(err)}. Check DISCORD_TOKEN and DISCORD_APPLICATION_ID.\n`);
      return shutdown(EXIT.unavailable);
    }
  }
  services.log.info({ adapters }, 'Liaison started');
  // Without the console (or when its piped input ends), the other adapters run until a signal.
  if (!config.CONSOLE_ENABLED) return;
  const user = config.CONSOLE_USER ?? safeUserName();
  await runConsole({
    router,
    actor: { platform: 'console', workspaceId: 'console', userId: user, displayName: user, direct: true },
    channelPosts,
  });
  if (running.length === 0 || process.stdin.isTTY) await shutdown(EXIT.ok);
}

/** Stops the adapters, closes the database once (PGlite must flush its data directory) and exits. */
function onceShutdown(services: Services, running: readonly RunningAdapter[]): (code: number) => Promise<void> {
  let closing: Promise<void> | undefined;
  return (code) => {
    closing ??= Promise.allSettled(running.map((a) => a.stop()))
      .then(() => services.jobs?.stop())
      .then(() => services.db.close())
      .catch((err) => services.log.error({ err }, 'closing the database failed'))
      .finally(() => {
        services.log.flush();
        process.exit(code);
      });
    return closing;
  };
}

/** First start of the embedded default: the bundled sample, so search has something to find. */
async function loadSample(services: Services): Promise<void> {
  const { config, db } = services;
  if (!config.LOAD_SAMPLE_DATA || db.engine !== 'pglite' || (await hasOutcomes(db))) return;
  process.stderr.write('First start: loading the bundled sample outcomes and fitting the search model (once)…\n');
  const result = await loadSampleIfEmpty(services, { indexer: createOutcomeIndexer(embeddingSettingsFrom(config)) });
  if (result.loaded) {
    process.stderr.write(`Loaded ${result.summary.added.toLocaleString('en')} sample outcomes in ${result.summary.seconds.toFixed(1)} s.\n`);
  }
}

function safeUserName(): string {
  try {
    return userInfo().username || 'console';
  } catch {
    return 'console';
  }
}
