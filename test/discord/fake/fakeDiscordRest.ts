import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OpenApiSpec } from './openapiSpec.js';
import { BOT_USER, dmChannelOf, knownUser, snowflake } from './fixtures.js';
import { readMultipart, type RestFile } from './multipartBody.js';

/** One call the bot made to the REST API. */
export interface RestCall {
  method: string;
  /** Path after /api/v10, e.g. /interactions/123/tok/callback. */
  path: string;
  /** The spec's route template, e.g. /interactions/{interaction_id}/{interaction_token}/callback. */
  route?: string;
  query: URLSearchParams;
  /** The JSON body (of a multipart body: its payload_json). */
  body: unknown;
  /** The files[n] parts of a multipart body. */
  files: RestFile[];
  at: number;
  status: number;
}

interface RateLimitRule {
  match: (call: { method: string; path: string }) => boolean;
  retryAfterSec: number;
  remaining: number;
}

/** An error Discord answers with: HTTP status, JSON error code and message. */
export interface DiscordError {
  status: number;
  code: number;
  message: string;
}

interface RefusalRule {
  match: (call: { method: string; path: string }) => boolean;
  error: DiscordError;
  remaining: number;
}

/** Discord's limits the OpenAPI schema does not spell out (5 action rows, 6,000 embed characters). */
function extraLimits(body: unknown): string[] {
  const problems: string[] = [];
  const b = body as { data?: unknown } | undefined;
  const msg = (b && typeof b === 'object' && 'type' in (b as object) ? b.data : body) as
    | { embeds?: { title?: string; description?: string; footer?: { text?: string }; fields?: { name: string; value: string }[] }[]; components?: { type: number }[] }
    | undefined;
  if (!msg || typeof msg !== 'object') return problems;
  const total = (msg.embeds ?? []).reduce(
    (n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text?.length ?? 0) + (e.fields ?? []).reduce((m, f) => m + f.name.length + f.value.length, 0),
    0,
  );
  if (total > 6000) problems.push(`embeds total ${total} characters (limit 6000)`);
  const rows = (msg.components ?? []).filter((c) => c.type === 1).length;
  if (rows > 5) problems.push(`${rows} action rows (limit 5)`);
  return problems;
}

/**
 * A local stand-in for https://discord.com/api: records every call, checks each against
 * Discord's OpenAPI spec (plus the limits the spec leaves out), answers like Discord, and can
 * answer 429 with Discord's rate-limit headers and body.
 */
export class FakeDiscordRest {
  readonly calls: RestCall[] = [];
  /** Spec violations: a test passes only when this stays empty. */
  readonly violations: string[] = [];
  gatewayUrl = 'ws://127.0.0.1:1';
  private readonly server: Server;
  private readonly spec = new OpenApiSpec();
  private readonly rateLimits: RateLimitRule[] = [];
  private readonly refusals: RefusalRule[] = [];
  private readonly waiters: { pred: (c: RestCall) => boolean; resolve: (c: RestCall) => void }[] = [];

  constructor(private readonly token: string) {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `times` calls matching answer 429 (bucket limit) with Retry-After. */
  rateLimit(match: RateLimitRule['match'], retryAfterSec = 1, times = 1): void {
    this.rateLimits.push({ match, retryAfterSec, remaining: times });
  }

  /** The next `times` calls matching answer Discord's error (e.g. 50007 Cannot send messages to this user). */
  refuse(match: RefusalRule['match'], error: DiscordError, times = 1): void {
    this.refusals.push({ match, error, remaining: times });
  }

  /** Resolves with the first call (already made or still to come) that matches. */
  waitFor(pred: (c: RestCall) => boolean, timeoutMs = 40_000): Promise<RestCall> {
    const done = this.calls.find((c) => pred(c));
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching REST call within ${timeoutMs} ms; calls: ${this.calls.map((c) => `${c.method} ${c.path}`).join(', ')}`)), timeoutMs);
      this.waiters.push({ pred, resolve: (c) => (clearTimeout(timer), resolve(c)) });
    });
  }

  /** Calls on one route template (and method). */
  callsTo(method: string, route: string): RestCall[] {
    return this.calls.filter((c) => c.method === method && c.route === route);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ''));
    const type = req.headers['content-type'] ?? '';
    let body: unknown;
    let files: RestFile[] = [];
    const bodyProblems: string[] = [];
    if (type.startsWith('multipart/form-data')) {
      const multipart = await readMultipart(raw, type);
      body = multipart.json;
      files = multipart.files;
      bodyProblems.push(...multipart.problems);
      if (!this.spec.acceptsMultipart(method, path)) bodyProblems.push('takes no multipart/form-data body');
    } else if (raw.length > 0) {
      if (!type.startsWith('application/json')) bodyProblems.push(`body is ${type}, expected application/json`);
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        bodyProblems.push('body is not JSON');
      }
    }
    if (!url.pathname.startsWith('/api/v10/')) this.violations.push(`${method} ${url.pathname}: not under /api/v10`);
    const route = this.spec.route(path);
    const problems = [
      ...bodyProblems.map((p) => `${method} ${route ?? path}: ${p}`),
      ...this.spec.check(method, path, url.searchParams, body),
      ...extraLimits(body).map((p) => `${method} ${route ?? path}: ${p}`),
    ];
    const interactionCallback = route?.startsWith('/interactions/') || route?.startsWith('/webhooks/');
    this.violations.push(...problems);
    const call: RestCall = { method, path, query: url.searchParams, body, files, at: Date.now(), status: 0 };
    if (route) call.route = route;

    // Like Discord: a bot route without the right "Bot <token>" is refused (not a spec violation).
    if (!interactionCallback && req.headers.authorization !== `Bot ${this.token}`) {
      call.status = 401;
      this.record(call);
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ message: '401: Unauthorized', code: 0 }));
      return;
    }
    const limit = this.rateLimits.find((r) => r.remaining > 0 && r.match({ method, path }));
    if (limit) {
      limit.remaining -= 1;
      const reset = Date.now() / 1000 + limit.retryAfterSec;
      call.status = 429;
      this.record(call);
      res.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': String(Math.ceil(limit.retryAfterSec)),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': reset.toFixed(3),
        'x-ratelimit-reset-after': limit.retryAfterSec.toFixed(3),
        'x-ratelimit-bucket': 'f00dfeedbeef',
        'x-ratelimit-scope': 'user',
      });
      res.end(JSON.stringify({ message: 'You are being rate limited.', retry_after: limit.retryAfterSec, global: false }));
      return;
    }
    const refusal = this.refusals.find((r) => r.remaining > 0 && r.match({ method, path }));
    if (refusal) refusal.remaining -= 1;
    const [status, payload] = refusal
      ? [refusal.error.status, { message: refusal.error.message, code: refusal.error.code }]
      : problems.length > 0 && route === undefined
        ? [404, { message: '404: Not Found', code: 0 }]
        : this.answer(method, route, path, body, url.searchParams, files);
    call.status = status;
    this.record(call);
    const headers: Record<string, string> = { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '4', 'x-ratelimit-reset-after': '1.000', 'x-ratelimit-bucket': 'b0ba' };
    if (payload === undefined) {
      res.writeHead(status, headers).end();
      return;
    }
    res.writeHead(status, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(payload));
  }

  private record(call: RestCall): void {
    this.calls.push(call);
    for (const w of [...this.waiters]) {
      if (w.pred(call)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(call);
      }
    }
  }

  /** Answers as Discord does for the routes a bot uses. */
  private answer(method: string, route: string | undefined, path: string, body: unknown, query: URLSearchParams, files: RestFile[]): [number, unknown] {
    const parts = path.split('/');
    const b = (body ?? {}) as Record<string, unknown>;
    switch (`${method} ${route}`) {
      case 'GET /gateway/bot':
        return [200, { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } }];
      case 'POST /interactions/{interaction_id}/{interaction_token}/callback':
        return query.get('with_response') === 'true' ? [200, { interaction: { id: parts[2], type: 2 } }] : [204, undefined];
      case 'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original':
      case 'POST /webhooks/{webhook_id}/{webhook_token}':
        return [200, message(b, files, '111111111111111111', parts[2]!)];
      case 'DELETE /webhooks/{webhook_id}/{webhook_token}/messages/@original':
        return [204, undefined];
      case 'POST /channels/{channel_id}/messages':
        return [200, message(b, files, parts[2]!)];
      case 'POST /users/@me/channels': {
        const recipient = String(b.recipient_id);
        return [200, { id: dmChannelOf(recipient), type: 1, last_message_id: null, flags: 0, recipients: [knownUser(recipient)] }];
      }
      case 'GET /channels/{channel_id}': // channels the bot can see came with GUILD_CREATE
        return [404, { message: 'Unknown Channel', code: 10003 }];
      case 'POST /channels/{channel_id}/typing':
        return [204, undefined];
      case 'POST /channels/{channel_id}/messages/{message_id}/threads':
        return [201, { id: snowflake(), type: 11, guild_id: '222222222222222222', parent_id: parts[2], name: b.name, owner_id: BOT_USER.id, thread_metadata: { archived: false, auto_archive_duration: b.auto_archive_duration ?? 4320, archive_timestamp: new Date().toISOString(), locked: false }, message_count: 0, member_count: 1 }];
      case 'PUT /applications/{application_id}/commands':
      case 'PUT /applications/{application_id}/guilds/{guild_id}/commands':
        return [200, (Array.isArray(body) ? body : []).map((c: Record<string, unknown>) => ({ ...c, id: snowflake(), application_id: parts[2], version: snowflake(), default_member_permissions: null }))];
      default:
        return [404, { message: 'Unknown route in the fake', code: 0 }];
    }
  }
}

function message(b: Record<string, unknown>, files: RestFile[], channelId: string, applicationId?: string): Record<string, unknown> {
  const described = new Map(((b.attachments ?? []) as { id: string; description?: string }[]).map((a) => [String(a.id), a.description]));
  return {
    id: snowflake(),
    type: applicationId ? 20 : 0,
    channel_id: channelId,
    author: BOT_USER,
    content: b.content ?? '',
    embeds: b.embeds ?? [],
    components: b.components ?? [],
    attachments: files.map((f) => {
      const id = snowflake();
      const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${f.filename}`;
      const description = described.get(String(f.index));
      return { id, filename: f.filename, size: f.data.length, url, proxy_url: url, content_type: f.contentType, ...(description ? { description } : {}) };
    }),
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: b.flags ?? 0,
    ...(applicationId ? { application_id: applicationId, webhook_id: applicationId } : {}),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
