import { Routes, type InteractionEditReplyOptions, type InteractionReplyOptions, type MessageCreateOptions, type RepliableInteraction, type SendableChannels } from 'discord.js';
import type { Logger } from '../../src/log/logger.js';
import type { Reply } from '../../src/messages/reply.js';
import type { Db } from '../../storage/db.js';
import { saveComponent } from './componentStore.js';
import { withFiles } from './discordFiles.js';
import { EPHEMERAL } from './discordLimits.js';
import { shorten } from './discordText.js';
import { renderReplies, type ComponentSink, type DiscordMessage } from './renderMessages.js';

/** Never ping anyone from text the core wrote (names, quoted needs may contain @everyone). */
const NO_MENTIONS = { parse: [] as never[] };

/** A posted message in a server text channel, under which a thread can start. */
interface ThreadStarter {
  id: string;
  channelId: string;
  client: { rest: { post(route: `/${string}`, options: { body: unknown }): Promise<unknown> } };
}

const canStartThread = (m: unknown): m is ThreadStarter => {
  const msg = m as { guildId?: string | null; hasThread?: boolean; channel?: { isThread?: () => boolean }; client?: { rest?: unknown } } | undefined;
  return Boolean(msg?.guildId && msg.client?.rest) && !msg?.hasThread && !msg?.channel?.isThread?.();
};

export function componentSink(db: Db): ComponentSink {
  return {
    saveForm: (form) => saveComponent(db, 'form', { form, values: {} }),
    saveAction: (action) => saveComponent(db, 'action', action),
  };
}

/**
 * Renders replies and sends them, files included. Failures are logged with Discord's error code;
 * an interaction's answer then says sorry, a channel post's failure is rethrown to the caller.
 */
export class Delivery {
  constructor(
    readonly db: Db,
    private readonly log: Logger,
  ) {}

  render(replies: readonly Reply[]): Promise<DiscordMessage[]> {
    return renderReplies(replies, componentSink(this.db));
  }

  /**
   * Answers a deferred interaction. The deferral was ephemeral in servers (nothing leaks before
   * the core decides); a public first answer replaces it with a public follow-up. In DMs
   * everything is private anyway, so nothing is ephemeral there.
   */
  async toInteraction(interaction: RepliableInteraction, replies: readonly Reply[], opts: { deferredEphemeral: boolean }): Promise<void> {
    try {
      const messages = await this.render(replies);
      const [first, ...rest] = messages;
      if (!first) {
        await interaction.deleteReply();
        return;
      }
      if (!opts.deferredEphemeral || first.ephemeral) await interaction.editReply(withFiles(interaction, editOptions(first), first.files));
      else {
        await interaction.deleteReply();
        await interaction.followUp(withFiles(interaction, followOptions(first, true), first.files));
      }
      for (const m of rest) await interaction.followUp(withFiles(interaction, followOptions(m, opts.deferredEphemeral), m.files));
    } catch (err) {
      this.log.error({ err, code: codeOf(err) }, 'a Discord interaction answer could not be delivered');
      // Say so rather than leave "Liaison is thinking…" forever.
      await interaction
        .followUp({ content: 'Sorry, Discord did not accept my answer. Please try again; if it keeps happening, tell an admin.', ...(opts.deferredEphemeral ? { flags: EPHEMERAL } : {}), allowedMentions: NO_MENTIONS } as InteractionReplyOptions)
        .catch(() => undefined);
    }
  }

  /**
   * Posts replies into a channel (DMs, the brokers' channel); ephemeral has no meaning there.
   * With `threadName`, a thread is started under the first message (server text channels).
   */
  async toChannel(channel: SendableChannels, replies: readonly Reply[], opts: { threadName?: string } = {}): Promise<void> {
    try {
      let first: unknown;
      for (const m of await this.render(replies)) {
        const sent = await channel.send(withFiles(channel, createOptions(m), m.files));
        first ??= sent;
      }
      if (opts.threadName && canStartThread(first)) await this.startThread(first, opts.threadName);
    } catch (err) {
      this.log.error({ err, code: codeOf(err), channel: channel.id }, 'a Discord message could not be delivered');
      throw err;
    }
  }

  private async startThread(message: ThreadStarter, name: string): Promise<void> {
    try {
      // The REST route itself: discord.js's startThread adds a `type` this route does not take.
      await message.client.rest.post(Routes.threads(message.channelId, message.id), { body: { name: shorten(name, 100) || 'Discussion', auto_archive_duration: 10080 } });
    } catch (err) {
      this.log.warn({ err, code: codeOf(err) }, 'could not start a Discord thread (Create Public Threads permission?)');
    }
  }
}

function editOptions(m: DiscordMessage): InteractionEditReplyOptions {
  return { content: m.content ?? '', embeds: m.embeds, components: m.components, allowedMentions: NO_MENTIONS };
}

/** A follow-up: ephemeral when the reply is private, and only where ephemeral means something. */
function followOptions(m: DiscordMessage, canBeEphemeral: boolean): InteractionReplyOptions {
  return { ...createOptions(m), ...(canBeEphemeral && m.ephemeral ? { flags: EPHEMERAL } : {}) } as InteractionReplyOptions;
}

function createOptions(m: DiscordMessage): MessageCreateOptions {
  return { ...(m.content ? { content: m.content } : {}), embeds: m.embeds, components: m.components, allowedMentions: NO_MENTIONS };
}

/** Discord's JSON error code (e.g. 50035 invalid form body), or the HTTP status, for the log. */
export function codeOf(err: unknown): number | string | undefined {
  if (err && typeof err === 'object') {
    const e = err as { code?: number | string; status?: number };
    return e.code ?? e.status;
  }
  return undefined;
}
