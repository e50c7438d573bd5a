import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Reply = (req: { body: Record<string, unknown>; n: number }, res: ServerResponse) => void | Promise<void>;

/** A local OpenAI-compatible endpoint (POST /v1/chat/completions) that answers with `reply`. */
export async function fakeOpenAi(reply: Reply): Promise<{ url: string; requests: Record<string, unknown>[]; close(): Promise<void> }> {
  const requests: Record<string, unknown>[] = [];
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(raw) as Record<string, unknown>;
    requests.push(body);
    await reply({ body, n: requests.length }, res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

/** A chat completion whose message content is `content`. */
export function completion(res: ServerResponse, content: string): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(
    JSON.stringify({
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1,
      model: 'fake-model',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content, refusal: null } }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    }),
  );
}

export const GOOD_BRIEF = {
  problem: 'Ceramic tiles crack under shortened firing cycles: thermal shock during rapid firing.',
  researchQuestions: ['How do heating rate and body composition affect thermal shock resistance of ceramic tiles in rapid firing?'],
  keywords: [
    { term: 'thermal shock resistance', lang: 'en', synonyms: ['thermal stress cracking'], origin: 'model' },
    { term: '抗热震性', lang: 'zh', synonyms: [], origin: 'model' },
    { term: 'sintering kinetics', lang: 'en', synonyms: [], origin: 'model' },
  ],
  disciplines: [{ code: '2.5', confidence: 0.9 }],
  hypotheticalAbstract: 'We study crack propagation in ceramic bodies fired on fast cycles and propose a body composition with improved thermal shock resistance.',
  constraints: { timeline: 'within 6 months' },
  openQuestions: ['What kiln and firing curve do you use today?'],
};
