import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../storage/db.js';
import { openPglite } from '../../storage/pgliteDb.js';
import { searchOutcomes } from '../../src/search/searchOutcomes.js';
import { refreshEmbeddings } from '../../src/search/refreshEmbeddings.js';
import type { EmbeddingSettings } from '../../src/embeddings/embeddingSettings.js';
import { loadOutcomes } from './searchFixture.js';

const DIM = 16;

/** A deterministic "embedding": hashed bag of lower-case words, so shared words mean closer vectors. */
function fakeEmbedding(text: string): number[] {
  const v = new Array<number>(DIM).fill(0);
  for (const w of text.toLowerCase().match(/[a-z]+|\p{Script=Han}/gu) ?? []) {
    let h = 0;
    for (const c of w) h = (h * 31 + c.codePointAt(0)!) >>> 0;
    v[h % DIM]! += 1;
  }
  v[0]! += 0.01;
  return v;
}

/** A local stand-in for an OpenAI-compatible /v1/embeddings endpoint. */
function startFakeEndpoint(state: { requests: { model: string; dimensions?: number; inputs: number }[]; failing: boolean; failingBody?: string; auth: string[] }) {
  return new Promise<{ server: Server; url: string }>((ready) => {
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        state.auth.push(String(req.headers.authorization));
        if (req.method !== 'POST' || req.url !== '/v1/embeddings') {
          res.writeHead(404).end();
          return;
        }
        if (state.failing || (state.failingBody !== undefined && body.includes(state.failingBody))) {
          res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'model is unloaded', type: 'invalid_request_error' } }));
          return;
        }
        const parsed = JSON.parse(body) as { model: string; input: string[] | string; dimensions?: number };
        const inputs = Array.isArray(parsed.input) ? parsed.input : [parsed.input];
        state.requests.push({ model: parsed.model, dimensions: parsed.dimensions, inputs: inputs.length });
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            object: 'list',
            model: parsed.model,
            data: inputs.map((t, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(t) })),
            usage: { prompt_tokens: 1, total_tokens: 1 },
          }),
        );
      });
    });
    server.listen(0, '127.0.0.1', () => ready({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/v1` }));
  });
}

describe('OpenAI-compatible embeddings (real openai client, local fake endpoint)', () => {
  const state = { requests: [] as { model: string; dimensions?: number; inputs: number }[], failing: false, failingBody: undefined as string | undefined, auth: [] as string[] };
  let server: Server;
  let db: Db;
  let settings: EmbeddingSettings;

  beforeAll(async () => {
    const fake = await startFakeEndpoint(state);
    server = fake.server;
    settings = { provider: 'openai', model: 'fake-embed-16', dim: DIM, baseURL: fake.url, apiKey: 'sk-test' };
    db = await openPglite();
    await loadOutcomes(db, undefined, settings);
  });
  afterAll(async () => {
    await db?.close();
    server?.close();
  });

  it('embeds every outcome through the endpoint and records the model', async () => {
    expect(state.requests.length).toBeGreaterThan(0);
    expect(state.requests[0]).toMatchObject({ model: 'fake-embed-16', dimensions: DIM });
    expect(state.auth[0]).toBe('Bearer sk-test');
    const models = await db.query<{ provider: string; name: string; dim: number }>('SELECT provider, name, dim FROM embedding_models WHERE active');
    expect(models.rows).toEqual([{ provider: 'openai', name: 'fake-embed-16', dim: DIM }]);
    const missing = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM outcome_search s LEFT JOIN outcome_vectors v USING (outcome_id) WHERE v.embedding IS NULL');
    expect(missing.rows[0]!.n).toBe(0);
  });

  it('embeds the query with the same model and fuses both sides', async () => {
    const results = await searchOutcomes({ db, embeddings: settings }, { text: 'rotary wheel ventilation exhaust air' });
    expect(results[0]!.sourceId).toBe('P-HRV');
    expect(results[0]!.explanation.scores.dense).toBeGreaterThan(0);
  });

  it('falls back to lexical results, with a warning, when the endpoint fails', async () => {
    state.failing = true;
    const warnings: string[] = [];
    try {
      const results = await searchOutcomes({ db, embeddings: settings, onWarning: (m) => warnings.push(m) }, { text: 'kiln exhaust' });
      expect(results[0]!.sourceId).toMatch(/^(P-KILN|K-LAB)$/);
      expect(results[0]!.explanation.scores.dense).toBeNull();
      expect(warnings).toEqual(['the embeddings provider failed; showing lexical results only']);
    } finally {
      state.failing = false;
    }
  });

  // A translated query embeds the text and the other language's terms (a blank text) at once.
  it.each([
    { fails: 'both requests', failingBody: '"input":' },
    { fails: 'only the other language’s request', failingBody: '"input":[" "]' },
  ])('goes lexical on both lists, warning once, when $fails of a translated query fail', async ({ failingBody }) => {
    state.failingBody = failingBody;
    const warnings: string[] = [];
    try {
      const results = await searchOutcomes(
        { db, embeddings: settings, onWarning: (m) => warnings.push(m) },
        { text: 'kiln exhaust', lexicalTerms: [{ term: '窑炉', weight: 1, lang: 'zh' }] },
      );
      expect(results.length).toBeGreaterThan(0);
      expect(results.every((r) => r.explanation.scores.dense === null)).toBe(true);
      expect(warnings).toEqual(['the embeddings provider failed; showing lexical results only']);
    } finally {
      state.failingBody = undefined;
    }
  });

  it('switching to the offline model is a command that re-embeds everything, never a silent mix', async () => {
    const report = await refreshEmbeddings(db, { provider: 'offline' }, { switchModel: true });
    expect(report).toMatchObject({ fitted: true, embedded: 12, indexRebuilt: true });
    const models = await db.query<{ provider: string }>('SELECT provider FROM embedding_models');
    expect(models.rows).toEqual([{ provider: 'offline' }]);
    const results = await searchOutcomes({ db, embeddings: settings }, { text: 'kiln exhaust heat' });
    expect(results[0]!.explanation.scores.dense).not.toBeNull();
  });
});
