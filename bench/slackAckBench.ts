/**
 * How fast Liaison acknowledges Slack: time from a signed slash-command request to its HTTP
 * acknowledgement (Slack gives 3 s). The bot runs as it does in production, `liaison start` in
 * its own process with the HTTP receiver, the real router and a real database behind it (the
 * embedded PGlite in a temporary data directory, or DATABASE_URL when set); this process plays
 * Slack: it sends the signed requests and is the Web API and the response_urls (a local fake).
 * Prints a table and, as its last line, a JSON object.
 *
 *   liaison bench slack [--concurrency 1,10,50] [--requests 300]
 *
 * Each level first opens its connections with one unmeasured request per client, as Slack
 * keeps its connections to an app alive, and waits until every answer was posted.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SLACK_EVENTS_PATH } from '../adapters/slack/slackAdapter.js';
import { FakeSlack } from '../test/slack/fakeSlack.js';
import { SIGNING_SECRET, sendToBot, slashCommandBody } from '../test/slack/slackRequests.js';

const LIAISON_BIN = resolve(import.meta.dirname, '../scripts/liaison.mjs');

interface Level {
  concurrency: number;
  requests: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  failures: number;
  /** Request → its answer at the response_url (the work after the acknowledgement). */
  answer_p50_ms: number;
  answer_p99_ms: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const round = (ms: number) => Math.round(ms * 10) / 10;

export async function slackAckBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { concurrency: { type: 'string', multiple: true }, requests: { type: 'string' } }, allowPositionals: false });
  const levels = (values.concurrency ?? ['1,10,50']).flatMap((v) => v.split(',')).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const perLevel = Number(values.requests ?? 300);

  const fake = new FakeSlack();
  await fake.start();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'liaison-bench-'));
  const bot = spawn(process.execPath, [LIAISON_BIN, 'start'], {
    cwd: dataDir,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
      DATA_DIR: join(dataDir, 'pgdata'),
      LOAD_SAMPLE_DATA: 'false',
      LOG_LEVEL: 'error',
      CONSOLE_ENABLED: 'false',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_PORT: String(port),
      SLACK_API_URL: fake.apiUrl,
    },
  });
  let botErrors = '';
  bot.stderr.setEncoding('utf8').on('data', (d: string) => (botErrors += d));
  const url = `http://127.0.0.1:${port}${SLACK_EVENTS_PATH}`;
  await waitUntilUp(`http://127.0.0.1:${port}/healthz`, bot);
  const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite on disk';

  let sent = 0;
  const sentAt = new Map<string, number>();
  const once = async (): Promise<number | undefined> => {
    const id = `b${sent++}`;
    sentAt.set(id, Date.now());
    const body = slashCommandBody({ text: sent % 2 ? 'status' : 'help', responseUrl: fake.responseUrl(id), user: `U${sent % 40}` });
    const res = await sendToBot(url, body, 'application/x-www-form-urlencoded');
    return res.status === 200 ? res.ms : undefined;
  };

  // Every request gets one answer at its own response_url: the bot is idle once all have one.
  const answered = () => new Set(fake.calls.filter((c) => c.method === 'response').map((c) => c.params.responseId)).size;
  /** Request → first answer at its response_url, for the requests sent from `fromId` on. */
  const answerTimes = (fromId: number) => {
    const first = new Map<string, number>();
    for (const c of fake.calls) if (c.method === 'response' && !first.has(c.params.responseId)) first.set(c.params.responseId, c.at);
    return [...first].filter(([id]) => Number(id.slice(1)) >= fromId).map(([id, at]) => at - sentAt.get(id)!).sort((a, b) => a - b);
  };
  const drain = () => fake.waitFor(() => answered() >= sent, 120_000).catch(() => undefined);

  const results: Level[] = [];
  try {
    for (let i = 0; i < 30; i++) await once(); // warm-up: JIT, first inserts
    for (const concurrency of levels) {
      // Open the level's connections first (Slack keeps its connections alive), unmeasured.
      await Promise.all(Array.from({ length: concurrency }, once));
      await drain();
      const firstId = sent;
      const times: number[] = [];
      let failures = 0;
      let next = 0;
      const worker = async () => {
        while (next++ < perLevel) {
          const ms = await once();
          if (ms === undefined) failures++;
          else times.push(ms);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      await drain(); // levels do not overlap
      times.sort((a, b) => a - b);
      const answers = answerTimes(firstId);
      results.push({ concurrency, requests: times.length + failures, p50_ms: round(percentile(times, 50)), p95_ms: round(percentile(times, 95)), p99_ms: round(percentile(times, 99)), max_ms: round(times.at(-1) ?? NaN), failures, answer_p50_ms: round(percentile(answers, 50)), answer_p99_ms: round(percentile(answers, 99)) });
    }
  } finally {
    const exited = new Promise((done) => bot.once('close', done));
    bot.kill('SIGTERM');
    await exited;
    await fake.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (botErrors.trim()) process.stderr.write(`The bot logged errors:\n${botErrors.slice(0, 2000)}\n`);
  const out = process.stdout;
  out.write(`Slack slash command → HTTP acknowledgement (HTTP receiver, ${engine}, ${perLevel} requests per level)\n`);
  out.write('                         acknowledgement (ms)            answer (ms)\n');
  out.write('concurrency  requests    p50    p95    p99    max  failures    p50    p99\n');
  const cell = (n: number) => n.toFixed(1).padStart(6);
  for (const r of results) {
    out.write(`${String(r.concurrency).padStart(11)}  ${String(r.requests).padStart(8)} ${cell(r.p50_ms)} ${cell(r.p95_ms)} ${cell(r.p99_ms)} ${cell(r.max_ms)}  ${String(r.failures).padStart(8)} ${cell(r.answer_p50_ms)} ${cell(r.answer_p99_ms)}\n`);
  }
  const top = results.at(-1);
  out.write(`${JSON.stringify({ bench: 'slack', p50_ms: top?.p50_ms, p95_ms: top?.p95_ms, p99_ms: top?.p99_ms, requests: results.reduce((n, r) => n + r.requests, 0), concurrency: top?.concurrency, engine: process.env.DATABASE_URL ? 'postgres' : 'pglite', levels: results })}\n`);
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer().once('error', fail).listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

async function waitUntilUp(url: string, bot: ReturnType<typeof spawn>): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (bot.exitCode !== null) throw new Error(`the bot exited with code ${bot.exitCode} before it was ready`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the bot did not start within 120 s');
}
