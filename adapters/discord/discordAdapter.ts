import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { Services } from '../../src/app/services.js';
import type { Router } from '../../src/commands/router.js';
import type { Config } from '../../src/config/schema.js';
import type { AutocompleteHook, DiscordContext } from './discordContext.js';
import { pruneComponents } from './componentStore.js';
import { DiscordChannelNotifier } from './discordNotifier.js';
import { Delivery } from './delivery.js';
import { onInteraction } from './listenInteractions.js';
import { onMessage } from './listenMessages.js';

/** How this process talks to Discord, from the validated configuration. */
export interface DiscordSettings {
  token: string;
  applicationId: string;
  /** REST API base URL, e.g. https://discord.com/api (tests point it at a local fake). */
  apiUrl?: string;
}

/** The Discord settings when Discord is configured, otherwise undefined (the schema checked them). */
export function discordSettings(config: Config): DiscordSettings | undefined {
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) return undefined;
  return { token: config.DISCORD_TOKEN, applicationId: config.DISCORD_APPLICATION_ID, ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL.replace(/\/+$/, '') } : {}) };
}

/**
 * The gateway intents Liaison asks for, and no more: Guilds (slash commands, buttons and the
 * channels to post in) and DirectMessages (the plain-text conversation). Not the privileged
 * MessageContent: Discord delivers the text of DMs with the app without it.
 */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages];

/** Buttons and forms older than this are forgotten (pressing one then says it is no longer active). */
const COMPONENT_DAYS = 30;

export interface DiscordAdapterOptions {
  router: Router;
  services: Services;
  settings: DiscordSettings;
  /** Autocompletion of command options from the core (need ids, disciplines, regions…). */
  autocomplete?: AutocompleteHook;
  /** Extra discord.js client options (tests: faster REST retries). */
  clientOptions?: { restOffset?: number; restRetries?: number };
}

/**
 * Liaison on Discord as a gateway bot, on discord.js. Stateless apart from discord.js caches:
 * de-duplication and stored forms live in the database. discord.js reconnects and resumes
 * after the gateway drops, and waits out 429 rate limits before retrying.
 */
export class DiscordAdapter {
  readonly name = 'discord';
  readonly client: Client;
  /** Posts to Discord channels for the core (services.notifier). */
  readonly notifier: DiscordChannelNotifier;
  private readonly ctx: DiscordContext;

  constructor(private readonly options: DiscordAdapterOptions) {
    const { services, settings } = options;
    const log = services.log.child({ adapter: 'discord' });
    this.client = new Client({
      intents: INTENTS,
      // DM channels are not cached until used: without Partials.Channel their messages are dropped.
      partials: [Partials.Channel],
      rest: {
        ...(settings.apiUrl ? { api: settings.apiUrl } : {}),
        ...(options.clientOptions?.restOffset !== undefined ? { offset: options.clientOptions.restOffset } : {}),
        ...(options.clientOptions?.restRetries !== undefined ? { retries: options.clientOptions.restRetries } : {}),
      },
      allowedMentions: { parse: [] },
    });
    const delivery = new Delivery(services.db, log);
    this.notifier = new DiscordChannelNotifier(this.client, delivery, log);
    this.ctx = { router: options.router, db: services.db, log, delivery, workspaceId: settings.applicationId, ...(options.autocomplete ? { autocomplete: options.autocomplete } : {}) };
    this.client.on(Events.InteractionCreate, (i) => void onInteraction(this.ctx, i));
    this.client.on(Events.MessageCreate, (m) => void onMessage(this.ctx, m));
    this.client.rest.on('rateLimited', (info) => log.warn({ route: info.route, retryAfterMs: info.retryAfter, global: info.global }, 'Discord rate limit: waiting, then retrying'));
    this.client.on(Events.ShardDisconnect, (event, shard) => log.warn({ code: event.code, shard }, 'Discord gateway disconnected'));
    this.client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'Discord gateway resumed'));
    this.client.on(Events.Error, (err) => log.error({ err }, 'Discord client error'));
  }

  /** Logs in and waits until the gateway session is ready; forgets components over 30 days old. */
  async start(): Promise<void> {
    await pruneComponents(this.options.services.db, COMPONENT_DAYS).catch((err: unknown) => this.ctx.log.warn({ err }, 'could not prune old Discord components'));
    const ready = new Promise<void>((resolve) => this.client.once(Events.ClientReady, () => resolve()));
    await this.client.login(this.options.settings.token);
    await ready;
    this.ctx.log.info({ user: this.client.user?.tag }, 'Discord adapter started');
  }

  async stop(): Promise<void> {
    await this.client.destroy();
  }
}
