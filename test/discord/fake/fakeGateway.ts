import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { guildCreatePayload, readyPayload } from './fixtures.js';

/** A payload the bot sent on the gateway. */
export interface SentOp {
  op: number;
  d: unknown;
}

/**
 * A local stand-in for Discord's gateway (v10, JSON, no compression): HELLO, IDENTIFY → READY
 * and GUILD_CREATE, heartbeats answered with ACKs, RESUME → missed events replayed, then
 * RESUMED. Tests dispatch events, and drop the connection to see the client resume.
 */
export class FakeGateway {
  readonly received: SentOp[] = [];
  /** How many IDENTIFY (new sessions) and RESUME (continued sessions) the bot sent. */
  identifies = 0;
  resumes = 0;
  heartbeats = 0;
  private readonly wss: WebSocketServer;
  private socket?: WebSocket;
  private seq = 0;
  private readonly history: { s: number; t: string; d: unknown }[] = [];
  private sessionId = randomUUID().replace(/-/g, '');
  private readonly listeners: { pred: (op: SentOp) => boolean; resolve: () => void }[] = [];
  /** Query of every connection (v, encoding), to check the client asked for v10 JSON. */
  readonly connectQueries: URLSearchParams[] = [];

  constructor(
    private readonly expectedToken: string,
    private readonly heartbeatIntervalMs = 2_000,
  ) {
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    this.wss.on('connection', (ws, req) => this.accept(ws, new URL(req.url ?? '/', 'ws://127.0.0.1').searchParams));
  }

  async ready(): Promise<void> {
    if (this.wss.address()) return;
    await new Promise<void>((resolve) => this.wss.once('listening', resolve));
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  /** Sends a dispatch (op 0) with the next sequence number; kept for replay on RESUME. */
  dispatch(t: string, d: unknown): number {
    const s = ++this.seq;
    this.history.push({ s, t, d });
    this.socket?.send(JSON.stringify({ op: 0, t, s, d }));
    return s;
  }

  /** Cuts the connection without a close frame, as a network drop does. */
  drop(): void {
    this.socket?.terminate();
    this.socket = undefined;
  }

  /** Dispatches while disconnected are only delivered by the replay after RESUME. */
  dispatchWhileDown(t: string, d: unknown): number {
    const s = ++this.seq;
    this.history.push({ s, t, d });
    return s;
  }

  /** Resolves when the bot sends an op matching `pred` (already sent or to come). */
  waitForOp(pred: (op: SentOp) => boolean, timeoutMs = 30_000): Promise<void> {
    if (this.received.some(pred)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`gateway: no matching op within ${timeoutMs} ms (got ${this.received.map((o) => o.op).join(',')})`)), timeoutMs);
      this.listeners.push({ pred, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  private accept(ws: WebSocket, query: URLSearchParams): void {
    this.connectQueries.push(query);
    this.socket = ws;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs, _trace: ['["gateway-prd-fake",{"micros":0}]'] }, s: null, t: null }));
    ws.on('message', (raw) => this.onMessage(ws, JSON.parse(raw.toString()) as SentOp));
  }

  private onMessage(ws: WebSocket, msg: SentOp): void {
    this.received.push(msg);
    for (const l of [...this.listeners]) {
      if (l.pred(msg)) {
        this.listeners.splice(this.listeners.indexOf(l), 1);
        l.resolve();
      }
    }
    const d = msg.d as Record<string, unknown> | null;
    switch (msg.op) {
      case 1: // HEARTBEAT
        this.heartbeats += 1;
        ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
        break;
      case 2: {
        // IDENTIFY
        this.identifies += 1;
        if (d?.token !== this.expectedToken) return void ws.close(4004, 'Authentication failed.');
        this.sessionId = randomUUID().replace(/-/g, '');
        this.seq = 0;
        this.history.length = 0;
        const s = ++this.seq;
        ws.send(JSON.stringify({ op: 0, t: 'READY', s, d: readyPayload(this.sessionId, this.url) }));
        this.history.push({ s, t: 'READY', d: null });
        this.dispatch('GUILD_CREATE', guildCreatePayload());
        break;
      }
      case 6: {
        // RESUME
        this.resumes += 1;
        if (d?.token !== this.expectedToken) return void ws.close(4004, 'Authentication failed.');
        if (d?.session_id !== this.sessionId) return void ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
        const after = Number(d?.seq ?? 0);
        for (const e of this.history.filter((h) => h.s > after && h.t !== 'READY')) ws.send(JSON.stringify({ op: 0, t: e.t, s: e.s, d: e.d }));
        ws.send(JSON.stringify({ op: 0, t: 'RESUMED', s: ++this.seq, d: { _trace: ['["gateway-prd-fake",{"micros":0}]'] } }));
        this.history.push({ s: this.seq, t: 'RESUMED', d: null });
        break;
      }
      default:
        break;
    }
  }
}
