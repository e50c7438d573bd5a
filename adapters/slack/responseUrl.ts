import type { Logger } from '../../src/log/logger.js';

/** A message body for a response_url (slash commands, buttons). */
export interface ResponseUrlBody {
  text: string;
  blocks?: unknown[];
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
  delete_original?: boolean;
  thread_ts?: string;
}

export class ResponseUrlError extends Error {
  readonly code = 'SLACK_RESPONSE_URL_FAILED';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ResponseUrlError';
  }
}

/**
 * Posts to a response_url, retrying network errors, 5xx and 429 (waiting Retry-After) up to
 * `attempts` times; a 4xx other than 429 (expired or used-up URL) is final.
 */
export async function postToResponseUrl(url: string, body: ResponseUrlBody, log: Logger, attempts = 4): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    let status: number | undefined;
    let wait = 250 * 2 ** (attempt - 1);
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
      status = res.status;
      const text = await res.text();
      if (res.ok) return;
      if (res.status === 429) wait = Math.max(wait, Number(res.headers.get('retry-after') ?? '1') * 1000);
      if (res.status < 500 && res.status !== 429) throw new ResponseUrlError(`response_url refused the message (${res.status} ${text.slice(0, 100)})`, res.status);
    } catch (err) {
      if (err instanceof ResponseUrlError) throw err;
      if (attempt >= attempts) throw new ResponseUrlError(`response_url unreachable: ${(err as Error).message}`);
      log.warn({ err, attempt }, 'posting to a Slack response_url failed; retrying');
      await sleep(wait);
      continue;
    }
    if (attempt >= attempts) throw new ResponseUrlError(`response_url failed ${attempts} times (last status ${status})`, status);
    log.warn({ status, attempt, waitMs: wait }, 'Slack response_url answered an error; retrying');
    await sleep(wait);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
