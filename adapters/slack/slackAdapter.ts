import type { Server } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, webApi, type Receiver } from '@slack/bolt';
import type { Services } from '../../src/app/services.js';
import type { Router } from '../../src/commands/router.js';
import type { Config } from '../../src/config/schema.js';
import { firstDelivery, type SlackContext } from './answer.js';
import { AfterAck } from './afterAck.js';
import { boltLogger } from './boltLogger.js';
import { Delivery } from './delivery.js';
import { listenCommands } from './listenCommands.js';
import { listenHome } from './listenHome.js';
import { listenInteractions } from './listenInteractions.js';
import { listenMessages } from './listenMessages.js';
import { pruneEvents } from '../../storage/repositories/platformEvents.js';
import { pruneForms } from './formStore.js';
import { DisplayNames } from './slackActor.js';
import { SlackChannelNotifier } from './slackNotifier.js';

/** How this process talks to Slack, from the validated configuration. */
export interface SlackSettings {
  mode: 'socket' | 'http';
  botToken: string;
  appToken?: string;
  signingSecret?: string;
  /** HTTP receiver port; 0 picks a free one (tests). */
  port: number;
  /** Web API base URL ending in /api/ (tests, proxies). */
  apiUrl?: string;
}

/** The Slack settings when Slack is configured, otherwise undefined (the schema checked them). */
export function slackSettings(config: Config): SlackSettings | undefined {
  const botToken = config.SLACK_BOT_TOKEN;
  if (!botToken || (!config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET)) return undefined;
  const mode = config.SLACK_MODE ?? (config.SLACK_APP_TOKEN ? 'socket' : 'http');
  const apiUrl = config.SLACK_API_URL && (config.SLACK_API_URL.endsWith('/') ? config.SLACK_API_URL : `${config.SLACK_API_URL}/`);
  return { mode, botToken, appToken: config.SLACK_APP_TOKEN, signingSecret: config.SLACK_SIGNING_SECRET, port: config.SLACK_PORT, ...(apiUrl ? { apiUrl } : {}) };
}

export interface SlackAdapterOptions {
  router: Router;
  services: Services;
  settings: SlackSettings;
  /** Show "Working on it…" when an answer takes longer than this; default 400 ms. */
  loadingAfterMs?: number;
  /** Web API retries for network errors and 5xx (429s are always waited out and retried). */
  apiRetries?: number;
}

/** Where Slack posts in HTTP mode: events, slash commands and interactivity share one URL. */
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * Liaison in Slack, on @slack/bolt. Stateless apart from a display-name cache: de-duplication
 * and stored forms live in the database, so any number of HTTP replicas can sit behind a load
 * balancer. Every slash command, message, button, select and form goes to `router.handle`.
 */
export class SlackAdapter {
  readonly name = 'slack';
  readonly app: App;
  /** Posts to Slack channels for the core (services.notifier). */
  readonly notifier: SlackChannelNotifier;
  private server?: Server;
  private pruner?: NodeJS.Timeout;

  constructor(private readonly options: SlackAdapterOptions) {
    const { services, settings } = options;
    const logger = boltLogger(services.log);
    this.app = new App({
      token: settings.botToken,
      receiver: createReceiver(settings, logger),
      logger,
      deferInitialization: true,
      convoStore: false, // conversation state lives in the database, not in one process's memory
      clientOptions: {
        ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
        rejectRateLimitedCalls: false,
        retryConfig: { retries: options.apiRetries ?? 5, factor: 2, minTimeout: 200, maxTimeout: 30_000, randomize: true },
        timeout: 15_000,
      },
    });
    this.app.client.on(webApi.WebClientEvent.RATE_LIMITED, (retryAfterSec: number, { method }: { method: string }) =>
      services.log.warn({ method, retryAfterSec }, 'Slack rate limit: waiting Retry-After, then retrying'),
    );
    const log = services.log.child({ adapter: 'slack' });
    const delivery = new Delivery(this.app.client, services.db, log);
    this.notifier = new SlackChannelNotifier(delivery, log);
    const ctx: SlackContext = {
      router: options.router,
      db: services.db,
      log,
      delivery,
      names: new DisplayNames(this.app.client, services.log),
      loadingAfterMs: options.loadingAfterMs ?? 400,
      afterAck: new AfterAck(),
    };
    // Events API retries (x-slack-retry-num) carry the event_id of the first delivery.
    this.app.use(async ({ body, next }) => {
      const eventId = (body as { type?: string; event_id?: string }).type === 'event_callback' ? (body as { event_id?: string }).event_id : undefined;
      if (!eventId) return next(); // commands and interactions acknowledge first, then queue their work
      await ctx.afterAck.run(async () => {
        if (await firstDelivery(ctx, `event:${eventId}`)) await next();
      });
    });
    listenCommands(this.app, ctx);
    listenMessages(this.app, ctx);
    listenInteractions(this.app, ctx);
    listenHome(this.app, ctx);
    this.app.error(async (error) => {
      services.log.error({ err: error, code: error.code }, 'Slack request failed');
    });
  }

  /** Checks the bot token (auth.test), then listens (HTTP) or connects (Socket Mode). */
  async start(): Promise<void> {
    await this.app.init();
    const started = await this.app.start(this.options.settings.port);
    if (this.options.settings.mode === 'http') this.server = started as Server;
    // Slack retries for minutes, forms are opened within days: keep both tables small.
    const prune = () =>
      Promise.all([pruneEvents(this.options.services.db, 24), pruneForms(this.options.services.db, 30)]).catch((err: unknown) =>
        this.options.services.log.warn({ err }, 'pruning old Slack deliveries and forms failed'),
      );
    void prune();
    this.pruner = setInterval(() => void prune(), 3_600_000).unref();
    this.options.services.log.info({ mode: this.options.settings.mode, port: this.port }, 'Slack adapter started');
  }

  async stop(): Promise<void> {
    clearInterval(this.pruner);
    await this.app.stop();
  }

  /** The HTTP receiver's port once started (HTTP mode). */
  get port(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? address.port : undefined;
  }
}

function createReceiver(settings: SlackSettings, logger: ReturnType<typeof boltLogger>): Receiver {
  if (settings.mode === 'socket') {
    if (!settings.appToken) throw new Error('Socket Mode needs SLACK_APP_TOKEN');
    // installerOptions.clientOptions is where Bolt lets apps.connections.open use another API URL.
    return new SocketModeReceiver({ appToken: settings.appToken, logger, ...(settings.apiUrl ? { installerOptions: { clientOptions: { slackApiUrl: settings.apiUrl } } } : {}) });
  }
  if (!settings.signingSecret) throw new Error('HTTP mode needs SLACK_SIGNING_SECRET');
  return new HTTPReceiver({
    signingSecret: settings.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    processBeforeResponse: false,
    logger,
    customRoutes: [{ path: '/healthz', method: ['GET'], handler: (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok') }],
  });
}
