import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { SlackAdapter } from '../../adapters/slack/slackAdapter.js';
import { createRouter } from '../../src/commands/catalog.js';
import type { Db } from '../../storage/db.js';
import { openDb } from '../../storage/openDb.js';
import { testServices } from '../support/testServices.js';
import { FakeSlack } from './fakeSlack.js';
import { manifestBotScopes } from './slackHarness.js';
import { BOT_USER, dmEvent, eventCallback, slashCommandBody } from './slackRequests.js';

/**
 * Socket Mode against a local stand-in of Slack's WebSocket: apps.connections.open hands out its
 * URL, it says hello, sends envelopes and expects each acknowledged by envelope_id.
 */
describe('Slack adapter in Socket Mode', () => {
  let db: Db;
  let fake: FakeSlack;
  let wss: WebSocketServer;
  let adapter: SlackAdapter;
  let socket: WebSocket;
  const acks = new Map<string, { at: number; payload?: unknown }>();

  beforeAll(async () => {
    wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await once(wss, 'listening');
    const connected = new Promise<WebSocket>((resolve) =>
      wss.on('connection', (ws) => {
        ws.on('message', (data) => {
          const msg = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
          if (msg.envelope_id) acks.set(msg.envelope_id, { at: Date.now(), payload: msg.payload });
        });
        ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'applink-fake', approximate_connection_time: 18060 }, connection_info: { app_id: 'A0LIAISON' } }));
        resolve(ws);
      }),
    );
    fake = new FakeSlack({ grantedScopes: manifestBotScopes(), botUserId: BOT_USER, socketModeUrl: `ws://127.0.0.1:${(wss.address() as { port: number }).port}/link/?ticket=fake` });
    await fake.start();
    db = (await openDb({ dataDir: 'memory' })).db;
    const services = { ...testServices(db), adapters: ['slack'] };
    adapter = new SlackAdapter({ router: createRouter(services), services, settings: { mode: 'socket', botToken: 'xoxb-1-socket', appToken: 'xapp-1-A0LIAISON-1-abc', port: 3000, apiUrl: fake.apiUrl } });
    await adapter.start();
    socket = await connected;
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.stop();
    wss?.close();
    await db?.close();
  });

  const send = (envelope: Record<string, unknown>) => {
    const sentAt = Date.now();
    socket.send(JSON.stringify(envelope));
    return sentAt;
  };

  it('acknowledges a slash command envelope with the loading message and answers via response_url', async () => {
    const payload = Object.fromEntries(new URLSearchParams(slashCommandBody({ text: 'status', responseUrl: fake.responseUrl('sock1') })));
    const sentAt = send({ envelope_id: 'env-cmd-1', type: 'slash_commands', accepts_response_payload: true, payload });
    await fake.waitFor(() => acks.has('env-cmd-1'));
    expect(acks.get('env-cmd-1')!.at - sentAt).toBeLessThan(3000);
    expect(acks.get('env-cmd-1')!.payload).toMatchObject({ response_type: 'ephemeral' });
    await fake.waitFor((calls) => calls.some((c) => c.method === 'response' && c.params.responseId === 'sock1'));
    expect(JSON.stringify(fake.calls.find((c) => c.params.responseId === 'sock1')!.params.blocks)).toContain('Liaison status');
    expect(fake.calls.some((c) => c.method === 'apps.connections.open')).toBe(true);
  });

  it('answers a DM event once, even when Slack redelivers the envelope', async () => {
    const before = fake.calls.length;
    const wrapper = eventCallback(dmEvent('help'), 'Ev0SOCKET1');
    send({ envelope_id: 'env-ev-1', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: wrapper });
    send({ envelope_id: 'env-ev-2', type: 'events_api', accepts_response_payload: false, retry_attempt: 1, retry_reason: 'timeout', payload: wrapper });
    await fake.waitFor(() => acks.has('env-ev-1') && acks.has('env-ev-2') && fake.calls.slice(before).some((c) => c.method === 'chat.postMessage'));
    await new Promise((r) => setTimeout(r, 600));
    expect(fake.calls.slice(before).filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
    expect(fake.allProblems()).toEqual([]);
  });
});
