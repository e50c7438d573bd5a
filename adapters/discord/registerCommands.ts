import { REST, Routes } from 'discord.js';
import type { Command } from '../../src/commands/types.js';
import type { DiscordSettings } from './discordAdapter.js';
import { slashCommands, type SlashCommandJson } from './slashCommands.js';

/**
 * The permissions the bot needs, and no more: View Channels (1024), Send Messages (2048),
 * Embed Links (16384) to post in the brokers' channel, Attach Files (32768) for the charts of
 * digests posted there, Create Public Threads (1 << 35) and Send Messages in Threads (1 << 38)
 * for a thread under each announced need. Answers to slash commands and buttons need no
 * permission at all.
 */
export const BOT_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 35n) | (1n << 38n);

/** The URL that adds the bot to a server: scopes bot and applications.commands. */
export function inviteUrl(applicationId: string): string {
  const q = new URLSearchParams({ client_id: applicationId, scope: 'bot applications.commands', permissions: BOT_PERMISSIONS.toString() });
  return `https://discord.com/oauth2/authorize?${q.toString()}`;
}

/**
 * Replaces the application's slash commands with Liaison's (one bulk overwrite: commands that
 * no longer exist disappear). Global commands reach every server; `guildId` registers them in
 * one server only, where they appear at once (useful while trying Liaison out).
 */
export async function registerCommands(settings: DiscordSettings, commands: readonly Command[], opts: { guildId?: string; autocompleted?: readonly string[] } = {}): Promise<SlashCommandJson[]> {
  const rest = new REST({ version: '10', ...(settings.apiUrl ? { api: settings.apiUrl } : {}) }).setToken(settings.token);
  const body = slashCommands(commands, new Set(['help', ...(opts.autocompleted ?? [])]));
  const route = opts.guildId ? Routes.applicationGuildCommands(settings.applicationId, opts.guildId) : Routes.applicationCommands(settings.applicationId);
  await rest.put(route, { body });
  return body;
}
