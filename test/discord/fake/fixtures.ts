/**
 * Gateway and REST payloads shaped like Discord's (API v10), for the fakes and the tests:
 * READY, GUILD_CREATE, INTERACTION_CREATE of every kind Liaison handles, MESSAGE_CREATE in a DM.
 */
const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A fresh snowflake (timestamp, worker 1, process 1, increment), as Discord makes them. */
export function snowflake(at = Date.now()): string {
  increment = (increment + 1n) % 4096n;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | (1n << 12n) | increment).toString();
}

export const TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0Mw.GhIjKl.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN';
export const APP_ID = '1098765432109876543';
export const GUILD_ID = '1100000000000000001';
export const GENERAL_ID = '1100000000000000002';
export const BROKERS_ID = '1100000000000000003';
export const DM_CHANNEL_ID = '1100000000000000009';

export const BOT_USER = { id: APP_ID, username: 'Liaison', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0, public_flags: 0 };

export interface UserFixture {
  id: string;
  username: string;
  global_name: string | null;
  bot?: boolean;
}

export const ALICE: UserFixture = { id: '1200000000000000001', username: 'alice.broker', global_name: 'Alice' };
export const LI: UserFixture = { id: '1200000000000000002', username: 'li.wei', global_name: '李伟' };
export const OTHER_BOT: UserFixture = { id: '1200000000000000099', username: 'otherbot', global_name: null, bot: true };
/** A broker, an enterprise contact and a researcher, for introductions and meetings. */
export const BOB: UserFixture = { id: '1200000000000000011', username: 'bob', global_name: 'bob' };
export const CAROL: UserFixture = { id: '1200000000000000012', username: 'carol', global_name: 'carol' };
export const RITA: UserFixture = { id: '1200000000000000013', username: 'rita', global_name: 'rita' };

/** The DM channel of the bot with a person: one per person, like Discord's. */
export const dmChannelOf = (userId: string): string => `13${userId.slice(2)}`;

/** A user object for an id: a known fixture, else a plain person with that id. */
export function knownUser(id: string) {
  const fixture = [ALICE, LI, OTHER_BOT, BOB, CAROL, RITA].find((u) => u.id === id);
  return user(fixture ?? { id, username: `user${id.slice(-4)}`, global_name: null });
}

const user = (u: UserFixture) => ({ id: u.id, username: u.username, discriminator: '0', global_name: u.global_name, avatar: null, public_flags: 0, flags: 0, ...(u.bot ? { bot: true } : {}), primary_guild: null, collectibles: null, display_name_styles: null, avatar_decoration_data: null, clan: null });

export function readyPayload(sessionId: string, resumeUrl: string) {
  return {
    v: 10,
    user_settings: {},
    user: { ...BOT_USER, verified: true, mfa_enabled: false, email: null },
    guilds: [{ id: GUILD_ID, unavailable: true }],
    guild_join_requests: [],
    relationships: [],
    private_channels: [],
    presences: [],
    session_id: sessionId,
    session_type: 'normal',
    resume_gateway_url: resumeUrl,
    shard: [0, 1],
    application: { id: APP_ID, flags: 565248 },
    geo_ordered_rtc_regions: ['frankfurt', 'rotterdam'],
    auth: {},
    _trace: ['["gateway-prd-fake",{"micros":1234}]'],
  };
}

const textChannel = (id: string, name: string, position: number) => ({
  id, type: 0, guild_id: GUILD_ID, name, position, flags: 0, parent_id: null, topic: null, nsfw: false,
  permission_overwrites: [], rate_limit_per_user: 0, last_message_id: null, icon_emoji: null, theme_color: null, version: 1700000000000,
});

export function guildCreatePayload() {
  return {
    id: GUILD_ID,
    name: 'Tech Transfer Office',
    icon: null, splash: null, discovery_splash: null, banner: null, description: null,
    owner_id: ALICE.id,
    region: 'deprecated', afk_channel_id: null, afk_timeout: 300,
    verification_level: 1, default_message_notifications: 1, explicit_content_filter: 2, mfa_level: 0,
    features: [], roles: [{ id: GUILD_ID, name: '@everyone', color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null }, hoist: false, icon: null, unicode_emoji: null, position: 0, permissions: '2248473465835073', managed: false, mentionable: false, flags: 0 }],
    emojis: [], stickers: [], system_channel_id: GENERAL_ID, system_channel_flags: 0, rules_channel_id: null,
    max_members: 25000000, vanity_url_code: null, premium_tier: 0, premium_subscription_count: 0,
    preferred_locale: 'en-US', public_updates_channel_id: null, nsfw_level: 0, premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null, application_id: null, latest_onboarding_question_id: null, incidents_data: null,
    joined_at: '2026-11-01T09:00:00.000000+00:00', large: false, unavailable: false, member_count: 3,
    lazy: true, voice_states: [], members: [], channels: [textChannel(GENERAL_ID, 'general', 0), textChannel(BROKERS_ID, 'brokers', 1)],
    threads: [], presences: [], stage_instances: [], guild_scheduled_events: [], soundboard_sounds: [], embedded_activities: [],
    activity_instances: [], application_command_counts: {}, version: 1700000000000, home_header: null, hub_type: null,
  };
}

const member = (u: UserFixture, roles: string[] = []) => ({
  user: user(u), roles, nick: null, avatar: null, banner: null, premium_since: null, pending: false, mute: false, deaf: false, flags: 0,
  joined_at: '2026-11-02T10:00:00.000000+00:00', communication_disabled_until: null, unusual_dm_activity_until: null,
  permissions: '2248473465835073',
});

interface Where {
  /** In the server's #general (default) or in a DM with the bot. */
  dm?: boolean;
  from?: UserFixture;
  /** The DM's channel id (default DM_CHANNEL_ID). */
  dmChannel?: string;
}

function base(type: number, data: unknown, where: Where = {}) {
  const from = where.from ?? ALICE;
  const id = snowflake();
  const common = {
    id,
    application_id: APP_ID,
    type,
    data,
    token: `aW50ZXJhY3Rpb246${id}OkFiQ2RFZkdoSWpLbE1uT3BRclN0VXZXeFl6MDEyMzQ1Njc4OQ`,
    version: 1,
    locale: 'en-US',
    app_permissions: '2248473465835073',
    entitlements: [],
    entitlement_sku_ids: [],
    attachment_size_limit: 10_485_760,
  };
  if (where.dm) {
    const dmChannel = where.dmChannel ?? DM_CHANNEL_ID;
    return {
      ...common,
      user: user(from),
      channel_id: dmChannel,
      channel: { id: dmChannel, type: 1, last_message_id: null, flags: 0, recipients: [user(from)] },
      authorizing_integration_owners: { '0': GUILD_ID },
      context: 1,
    };
  }
  return {
    ...common,
    guild_id: GUILD_ID,
    guild: { id: GUILD_ID, locale: 'en-US', features: [] },
    guild_locale: 'en-US',
    channel_id: GENERAL_ID,
    channel: textChannel(GENERAL_ID, 'general', 0),
    member: member(from),
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
  };
}

/** A slash command: `/name text:<text>` (type 2, APPLICATION_COMMAND). */
export function slashCommand(name: string, text?: string, where?: Where) {
  const options = text === undefined ? [] : [{ name: 'text', type: 3, value: text }];
  return base(2, { id: snowflake(), name, type: 1, options, ...(where?.dm ? {} : { guild_id: GUILD_ID }) }, where);
}

/** Autocompletion while typing the text option (type 4, APPLICATION_COMMAND_AUTOCOMPLETE). */
export function autocomplete(name: string, typed: string, where?: Where) {
  return base(4, { id: snowflake(), name, type: 1, options: [{ name: 'text', type: 3, value: typed, focused: true }] }, where);
}

/** The message a component was on, as Discord sends it with a component interaction. */
function sourceMessage(components: unknown[], where?: Where) {
  return {
    id: snowflake(Date.now() - 60_000), type: 20, channel_id: where?.dm ? (where.dmChannel ?? DM_CHANNEL_ID) : GENERAL_ID, author: user({ ...BOT_USER, bot: true }),
    content: '', embeds: [], components, attachments: [], mentions: [], mention_roles: [], mention_everyone: false, pinned: false, tts: false,
    timestamp: new Date(Date.now() - 60_000).toISOString(), edited_timestamp: null, flags: 0, application_id: APP_ID, webhook_id: APP_ID,
  };
}

/** A button press (type 3, MESSAGE_COMPONENT, component_type 2). */
export function buttonPress(customId: string, where?: Where) {
  return { ...base(3, { custom_id: customId, component_type: 2 }, where), message: sourceMessage([{ type: 1, id: 1, components: [{ type: 2, id: 2, style: 2, label: 'Button', custom_id: customId }] }], where) };
}

/** A string select choice (component_type 3). */
export function selectChoice(customId: string, value: string, where?: Where) {
  return { ...base(3, { custom_id: customId, component_type: 3, values: [value] }, where), message: sourceMessage([{ type: 1, id: 1, components: [{ type: 3, id: 2, custom_id: customId, options: [{ label: 'x', value }] }] }], where) };
}

/** A submitted modal (type 5, MODAL_SUBMIT): label components holding text inputs or selects. */
export function modalSubmit(customId: string, values: Record<string, string | string[]>, where?: Where) {
  let n = 1;
  const components = Object.entries(values).map(([id, v]) => ({
    type: 18,
    id: n++,
    component: Array.isArray(v) ? { type: 3, id: n++, custom_id: id, values: v } : { type: 4, id: n++, custom_id: id, value: v },
  }));
  return base(5, { custom_id: customId, components }, where);
}

/** MESSAGE_CREATE in a DM with the bot. */
export function dmMessage(content: string, from: UserFixture = ALICE, extra: Record<string, unknown> = {}) {
  return {
    id: snowflake(), type: 0, channel_id: DM_CHANNEL_ID, channel_type: 1, author: user(from), content,
    attachments: [], embeds: [], mentions: [], mention_roles: [], mention_everyone: false, pinned: false, tts: false,
    timestamp: new Date().toISOString(), edited_timestamp: null, flags: 0, components: [], nonce: snowflake(),
    ...extra,
  };
}

/** MESSAGE_CREATE in the server's #general. */
export function guildMessage(content: string, from: UserFixture = ALICE) {
  return { ...dmMessage(content, from), channel_id: GENERAL_ID, guild_id: GUILD_ID, channel_type: 0, member: { ...member(from), user: undefined } };
}
