import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { blockProblems, viewProblems } from './blockKitChecks.js';
import { FakeFileUploads } from './fakeFileUploads.js';
import { checkCall } from './slackApiSpec.js';

/** A Web API call or a response_url post the bot made. */
export interface RecordedCall {
  method: string;
  params: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Where the spec or Block Kit says Slack would have refused or flagged the call. */
  problems: string[];
  /** What the fake answered: 200 ok, or an injected failure. */
  status: number;
  at: number;
}

export type Failure = { status: 429; retryAfterSec: number } | { status: 500 } | { error: string };

/** Channels of the fake workspace by name, for posts that name their channel ("#brokers"). */
const CHANNELS: Record<string, string> = { general: 'C0GENERAL', brokers: 'C0BROKERS' };

/** JSON-valued parameters the Web API client sends as strings. */
const JSON_PARAMS = new Set(['blocks', 'view', 'attachments', 'files']);

/**
 * A local stand-in for slack.com: `/api/<method>` for the Web API, `/response/<id>` for
 * response_urls and `/upload/<file id>` for the upload_urls of files.getUploadURLExternal.
 * Records every call, checks it against the official OpenAPI spec and the Block Kit limits,
 * and answers 429s or errors on demand ('response' and 'upload' fail like methods do).
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  /** Files uploaded with files.uploadV2: declared, received and shared. */
  readonly uploads = new FakeFileUploads();
  private server?: Server;
  private readonly failures = new Map<string, Failure[]>();
  private ts = 1_700_000_000_000_100;
  port = 0;

  constructor(
    private readonly options: {
      grantedScopes?: readonly string[];
      botUserId?: string;
      socketModeUrl?: string;
      /** Names users.info gives, by user id; anyone else is Ada. */
      people?: Readonly<Record<string, string>>;
      /** Profile time zones (`tz`) users.info gives, by user id; nobody else has one. */
      timeZones?: Readonly<Record<string, string>>;
    } = {},
  ) {}

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** The next `times` calls of `method` (or 'response') fail as given. */
  failNext(method: string, failure: Failure, times = 1): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...Array<Failure>(times).fill(failure)]);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200);
  }

  allProblems(): string[] {
    return this.calls.flatMap((c) => c.problems);
  }

  async waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs = 15_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > until) throw new Error(`timed out waiting for Slack calls; got ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((ready) => this.server!.listen(0, '127.0.0.1', ready));
    this.port = (this.server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((done) => this.server?.close(() => done()) ?? done());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const bytes = await readBody(req);
    const upload = /^\/upload\/(.+)$/.exec(url.pathname);
    if (upload) return this.handleUpload(upload[1]!, bytes, req, res);
    const raw = bytes.toString('utf8');
    const response = /^\/response\/(.+)$/.exec(url.pathname);
    if (response) return this.handleResponseUrl(response[1]!, raw, req, res);
    const method = url.pathname.replace(/^\/api\//, '');
    const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
    const type = req.headers['content-type'] ?? '';
    if (type.includes('application/json') && raw) Object.assign(params, JSON.parse(raw));
    else for (const [k, v] of new URLSearchParams(raw)) params[k] = v;
    const bearer = /^Bearer ((xoxb|xapp)-\S+)$/.exec(req.headers.authorization ?? '');
    const problems = checkCall(method, params, Boolean(bearer), this.options.grantedScopes);
    if (!bearer && typeof params.token !== 'string') problems.push(`${method}: no token`);
    const appToken = bearer?.[2] === 'xapp';
    if (appToken !== (method === 'apps.connections.open')) problems.push(`${method}: called with the wrong kind of token`);
    for (const key of JSON_PARAMS) {
      if (typeof params[key] === 'string') {
        try {
          params[key] = JSON.parse(params[key] as string);
        } catch {
          problems.push(`${method}: ${key} is not JSON`);
        }
      }
    }
    if (params.blocks !== undefined) problems.push(...blockProblems(params.blocks, 50).map((p) => `${method} ${p}`));
    if (params.view !== undefined) problems.push(...viewProblems(params.view as Record<string, unknown>).map((p) => `${method} ${p}`));
    const failure = this.failures.get(method)?.shift();
    const status = failure && 'status' in failure ? failure.status : 200;
    const call: RecordedCall = { method, params, problems, status, at: Date.now() };
    this.calls.push(call);
    if (failure && 'status' in failure) return failWith(res, failure);
    const body = failure ? { ok: false, error: failure.error } : problems.some((p) => p.includes('required') || p.includes('no such')) ? { ok: false, error: 'invalid_arguments' } : this.answer(call);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  /** The upload_url of one file: no token needed (the URL itself is the credential). */
  private async handleUpload(fileId: string, bytes: Buffer, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const failure = this.failures.get('upload')?.shift();
    const status = failure && 'status' in failure ? failure.status : 200;
    const problems = req.method === 'POST' ? [] : [`upload: ${req.method} instead of POST`];
    const call: RecordedCall = { method: 'upload', params: { fileId, bytes: bytes.length }, problems, status, at: Date.now() };
    this.calls.push(call);
    if (failure && 'status' in failure) return failWith(res, failure);
    problems.push(...(await this.uploads.receive(fileId, bytes, req.headers['content-type'] ?? '')));
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
  }

  private handleResponseUrl(id: string, raw: string, req: IncomingMessage, res: ServerResponse): void {
    let params: Record<string, unknown> = {};
    const problems: string[] = [];
    try {
      params = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      problems.push('response_url body is not JSON');
    }
    if (!String(req.headers['content-type']).includes('application/json')) problems.push('response_url needs application/json');
    if (params.blocks !== undefined) problems.push(...blockProblems(params.blocks, 50).map((p) => `response_url ${p}`));
    if (typeof params.text !== 'string' && !params.delete_original) problems.push('response_url message without text');
    params.responseId = id;
    const failure = this.failures.get('response')?.shift();
    const status = failure && 'status' in failure ? failure.status : 200;
    this.calls.push({ method: 'response', params, problems, status, at: Date.now() });
    if (failure && 'status' in failure) return failWith(res, failure);
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  }

  private answer(call: RecordedCall): Record<string, unknown> {
    const { method, params } = call;
    const ts = () => `${String(this.ts++).slice(0, 10)}.${String(this.ts).slice(10)}`;
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://acme.slack.com/', team: 'Acme', user: 'liaison', team_id: 'T0ACME', user_id: this.options.botUserId ?? 'U0BOT', bot_id: 'B0BOT' };
      case 'chat.postMessage': {
        const channel = conversationId(String(params.channel));
        if (!channel) return { ok: false, error: 'channel_not_found' };
        return { ok: true, channel, ts: ts(), message: { text: params.text, user: this.options.botUserId ?? 'U0BOT', bot_id: 'B0BOT' } };
      }
      case 'chat.update':
        return { ok: true, channel: params.channel, ts: params.ts, text: params.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts() };
      case 'chat.delete':
        return { ok: true, channel: params.channel, ts: params.ts };
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: `V${this.ts++}`, ...(params.view as object) } };
      case 'apps.connections.open':
        return { ok: true, url: this.options.socketModeUrl };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(params.users).slice(1)}` } };
      case 'files.getUploadURLExternal': {
        const started = this.uploads.start(params, (id) => `http://127.0.0.1:${this.port}/upload/${id}`);
        call.problems.push(...started.problems);
        return started.body;
      }
      case 'files.completeUploadExternal': {
        const completed = this.uploads.complete(params);
        call.problems.push(...completed.problems);
        return completed.body;
      }
      case 'users.info': {
        const name = this.options.people?.[String(params.user)];
        const tz = this.options.timeZones?.[String(params.user)];
        const user = name ? { id: params.user, name, real_name: name, profile: { display_name: name } } : { id: params.user, name: 'ada', real_name: 'Ada Lovelace', profile: { display_name: 'Ada' } };
        return { ok: true, user: { ...user, ...(tz ? { tz } : {}) } };
      }
      default:
        return { ok: true };
    }
  }
}

/** Like Slack, a post answers with the conversation's id: "#name" is looked up, a user id is their DM. */
function conversationId(channel: string): string | undefined {
  if (channel.startsWith('#')) return CHANNELS[channel.slice(1)];
  return channel.startsWith('U') ? `D${channel.slice(1)}` : channel;
}

/** Answers an injected HTTP failure: 429 with Retry-After, or a 500. */
function failWith(res: ServerResponse, failure: { status: 429; retryAfterSec: number } | { status: 500 }): void {
  res.writeHead(failure.status, failure.status === 429 ? { 'retry-after': String(failure.retryAfterSec) } : {});
  res.end(failure.status === 429 ? '' : 'server error');
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d)).on('end', () => done(Buffer.concat(chunks))).on('error', fail);
  });
}
