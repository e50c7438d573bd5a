import { z } from 'zod';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = (fallback: number, max: number) =>
  z.coerce
    .number({ message: 'expected a whole number' })
    .int({ message: 'expected a whole number' })
    .min(1, { message: 'expected a number of at least 1' })
    .max(max, { message: `expected a number of at most ${max}` })
    .default(fallback);

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v), {
    message: 'expected a URL like postgres://user:password@host:5432/database',
  });

const fraction = (fallback: number) =>
  z.coerce
    .number({ message: 'expected a number from 0 to 1' })
    .min(0, { message: 'expected a number from 0 to 1' })
    .max(1, { message: 'expected a number from 0 to 1' })
    .default(fallback);

/** Channel digests and reports (src/digests, src/reports). */
const digestSettings = {
  /** Share of a need's key terms (weighted by rarity) an outcome must cover to be reported as a good candidate (0-1). */
  DIGEST_MATCH_THRESHOLD: fraction(0.35),
  /** An open need whose best candidate covers less than this share is a bottleneck (0-1). */
  DIGEST_WEAK_MATCH: fraction(0.3),
  /** Most needs a digest searches candidates for (the most recent ones). */
  DIGEST_MAX_NEEDS: positiveInt(100, 1_000),
  /** Items listed per digest section in chat; the rest is counted and left to the report. */
  DIGEST_SECTION_ITEMS: positiveInt(8, 100),
  /** Most characters of text in one chat digest; longer digests are shortened with a pointer to the report. */
  DIGEST_MAX_CHARS: positiveInt(6_000, 40_000),
  /** Minutes after its scheduled time a digest is marked late (the bot was down). */
  DIGEST_LATE_MINUTES: positiveInt(15, 10_080),
  /** Seconds a process holds a digest it is composing before another may take it over. */
  DIGEST_LEASE_SECONDS: positiveInt(300, 86_400),
};

/** Meetings (src/meetings): introductions, scheduling, invites, reminders, feedback. */
const meetingSettings = {
  /** Hours an unanswered introduction waits for its one nudge; as long again after it, it is marked stale for the broker. */
  INTRO_NUDGE_HOURS: positiveInt(48, 720),
  /** Length of a matchmaking meeting, in minutes. */
  MEETING_MINUTES: z.coerce.number({ message: 'expected a whole number' }).int({ message: 'expected a whole number' }).min(15, { message: 'expected at least 15' }).max(240, { message: 'expected at most 240' }).default(45),
  /** How many times Liaison proposes for a meeting (3-5). */
  MEETING_SLOT_COUNT: z.coerce.number({ message: 'expected a whole number' }).int({ message: 'expected a whole number' }).min(3, { message: 'expected 3, 4 or 5' }).max(5, { message: 'expected 3, 4 or 5' }).default(4),
  /** Days ahead in which proposed times must lie. */
  MEETING_HORIZON_DAYS: positiveInt(14, 90),
  /** Hours of notice before the earliest proposed time. */
  MEETING_NOTICE_HOURS: z.coerce.number({ message: 'expected a whole number' }).int({ message: 'expected a whole number' }).min(0, { message: 'expected 0 or more' }).max(168, { message: 'expected at most 168' }).default(2),
  /** Reminders before a meeting, comma-separated lead times in m, h or d, e.g. "24h,1h"; "none" for no reminders. */
  MEETING_REMINDERS: z
    .string()
    .regex(/^\s*(none|\d{1,4}[mhd](\s*,\s*\d{1,4}[mhd])*)\s*$/i, { message: 'expected lead times like 24h,1h (m, h or d), or none' })
    .default('24h,1h')
    .transform((v) => (/none/i.test(v) ? [] : v.split(',').map((part) => {
      const n = Number.parseInt(part.trim(), 10);
      const unit = part.trim().slice(-1).toLowerCase();
      return unit === 'd' ? n * 1440 : unit === 'h' ? n * 60 : n;
    }))),
  /** Where meetings take place, put in invites: a video link or a room; {uid} becomes the meeting's own id. */
  MEETING_LOCATION: z.string().min(1).max(500).default('https://meet.jit.si/liaison-{uid}'),
};

/** Slack adapter (adapters/slack): on when SLACK_BOT_TOKEN plus an app token or signing secret are set. */
const slackSettings = {
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', { message: 'expected a bot token starting with xoxb-' }).optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', { message: 'expected an app-level token starting with xapp-' }).optional(),
  SLACK_SIGNING_SECRET: z.string().regex(/^[0-9a-f]{16,128}$/i, { message: 'expected the hex signing secret from the app\'s Basic Information page' }).optional(),
  SLACK_MODE: z.enum(['socket', 'http'], { message: 'expected socket or http' }).optional(),
  SLACK_PORT: positiveInt(3000, 65_535),
  SLACK_API_URL: z.url({ protocol: /^https?$/, message: 'expected an http(s) URL ending in /api/, like https://slack.com/api/' }).optional(),
};

function requireSlackBotToken(c: { SLACK_BOT_TOKEN?: string; SLACK_APP_TOKEN?: string; SLACK_SIGNING_SECRET?: string; SLACK_MODE?: string }, ctx: z.RefinementCtx): void {
  const wanted = c.SLACK_APP_TOKEN ?? c.SLACK_SIGNING_SECRET ?? c.SLACK_MODE;
  if (wanted !== undefined && !c.SLACK_BOT_TOKEN) ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'required when Slack is configured (the xoxb- token from OAuth & Permissions)' });
  if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'also set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)' });
  }
  if (c.SLACK_MODE === 'socket' && !c.SLACK_APP_TOKEN) ctx.addIssue({ code: 'custom', path: ['SLACK_APP_TOKEN'], message: 'required when SLACK_MODE=socket' });
  if (c.SLACK_MODE === 'http' && !c.SLACK_SIGNING_SECRET) ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'required when SLACK_MODE=http' });
}

/** Discord adapter (adapters/discord): on when DISCORD_TOKEN and DISCORD_APPLICATION_ID are set. */
const discordSettings = {
  DISCORD_TOKEN: z.string().regex(/^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/, { message: 'expected the bot token from the Developer Portal (Bot > Reset Token), three dot-separated parts' }).optional(),
  DISCORD_APPLICATION_ID: z.string().regex(/^\d{17,20}$/, { message: 'expected the application id, a snowflake of 17-20 digits (General Information > Application ID)' }).optional(),
  DISCORD_API_URL: z.url({ protocol: /^https?$/, message: 'expected an http(s) URL like https://discord.com/api' }).optional(),
};

function requireDiscordPair(c: { DISCORD_TOKEN?: string; DISCORD_APPLICATION_ID?: string }, ctx: z.RefinementCtx): void {
  if (c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID) ctx.addIssue({ code: 'custom', path: ['DISCORD_APPLICATION_ID'], message: 'required when DISCORD_TOKEN is set (General Information > Application ID)' });
  if (c.DISCORD_APPLICATION_ID && !c.DISCORD_TOKEN) ctx.addIssue({ code: 'custom', path: ['DISCORD_TOKEN'], message: 'required when DISCORD_APPLICATION_ID is set (Bot > Reset Token)' });
}

/** The openai embeddings provider needs to know which model and vector size to ask for. */
function requireEmbeddingModel(c: { EMBEDDINGS_PROVIDER: string; EMBEDDINGS_MODEL?: string; EMBEDDINGS_DIM?: number }, ctx: z.RefinementCtx): void {
  if (c.EMBEDDINGS_PROVIDER !== 'openai') return;
  if (!c.EMBEDDINGS_MODEL) ctx.addIssue({ code: 'custom', path: ['EMBEDDINGS_MODEL'], message: 'required when EMBEDDINGS_PROVIDER=openai (e.g. text-embedding-3-small)' });
  if (!c.EMBEDDINGS_DIM) ctx.addIssue({ code: 'custom', path: ['EMBEDDINGS_DIM'], message: 'required when EMBEDDINGS_PROVIDER=openai (the vector size, e.g. 1536)' });
}

/**
 * Every setting Liaison reads from the environment. Each key is documented in .env.example;
 * an empty value counts as unset.
 */
export const configSchema = z.object({
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'expected one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('warn'),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default('.liaison/pgdata'),
  DB_POOL_SIZE: positiveInt(10, 100),
  CONSOLE_ENABLED: bool(true),
  CONSOLE_USER: z.string().min(1).max(64).optional(),
  MAX_MESSAGE_CHARS: positiveInt(8_000, 1_000_000),
  /** Channel where new needs are announced to brokers (a Slack/Discord channel id or name). */
  BROKER_CHANNEL: z.string().min(1).max(200).default('brokers'),
  /** Days a need may sit in one stage before /pipeline lists it as stale. */
  STAGE_STALE_DAYS: positiveInt(14, 3650),
  /** Candidates per page in /match, and in the brokers' channel announcement of a new need. */
  MATCH_PAGE_SIZE: positiveInt(5, 50),
  /** Load the bundled outcome sample (storage/sample) when the outcome store is empty. */
  LOAD_SAMPLE_DATA: bool(true),
  /** Embeddings for search: 'offline' = LSA model fitted on the stored outcomes; 'openai' = OPENAI_BASE_URL endpoint. */
  EMBEDDINGS_PROVIDER: z.enum(['offline', 'openai'], { message: 'expected offline or openai' }).default('offline'),
  /** Remote embedding model name (openai provider), e.g. text-embedding-3-small. */
  EMBEDDINGS_MODEL: z.string().min(1).max(200).optional(),
  /** Vector size: the remote model's (sent as `dimensions`) or the offline model's latent dimension (default 256). */
  EMBEDDINGS_DIM: z.coerce.number({ message: 'expected a whole number' }).int({ message: 'expected a whole number' }).min(2, { message: 'expected at least 2' }).max(2000, { message: 'expected at most 2000 (pgvector HNSW limit)' }).optional(),
  /** OpenAI-compatible endpoint (OpenAI, Azure, vLLM, Ollama), e.g. http://127.0.0.1:11434/v1; shared by the model ports. */
  OPENAI_BASE_URL: z.url({ protocol: /^https?$/, message: 'expected an http(s) URL such as https://api.openai.com/v1' }).optional(),
  /** API key for OPENAI_BASE_URL (local servers usually accept any value). */
  OPENAI_API_KEY: z.string().min(1).optional(),
  /** Translation: 'offline' (dictionaries + corpus statistics, the default) or 'llm' (OPENAI_MODEL, only when LLM_ALLOWED=true). */
  TRANSLATOR: z.enum(['offline', 'llm'], { message: 'expected offline or llm' }).default('offline'),
  /** Privacy switch: unless true, no need text is ever sent to a language model. */
  LLM_ALLOWED: bool(false),
  /** Chat model at OPENAI_BASE_URL used by the llm translator, e.g. gpt-4o-mini or qwen2.5:7b-instruct. */
  OPENAI_MODEL: z.string().min(1).max(200).default('gpt-4o-mini'),
  /** Milliseconds to wait for one model answer before retrying or falling back to the offline translator. */
  LLM_TIMEOUT_MS: positiveInt(30_000, 600_000),
  /** Retries (with backoff) on 429, 5xx and timeouts before the fallback. */
  LLM_MAX_RETRIES: z.coerce.number({ message: 'expected a whole number' }).int({ message: 'expected a whole number' }).min(0, { message: 'expected 0 or more' }).max(10, { message: 'expected at most 10' }).default(2),
  ...digestSettings,
  ...meetingSettings,
  ...slackSettings,
  ...discordSettings,
}).superRefine((c, ctx) => {
  if (c.TRANSLATOR === 'llm' && c.LLM_ALLOWED && !c.OPENAI_BASE_URL && !c.OPENAI_API_KEY) {
    ctx.addIssue({ code: 'custom', path: ['OPENAI_BASE_URL'], message: 'required when TRANSLATOR=llm (or set OPENAI_API_KEY to use api.openai.com)' });
  }
  requireSlackBotToken(c, ctx);
  requireDiscordPair(c, ctx);
  requireEmbeddingModel(c, ctx);
});

export type Config = z.infer<typeof configSchema>;
