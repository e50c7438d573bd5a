import OpenAI from 'openai';
import { z } from 'zod';
import { briefContentSchema, researchBriefSchema } from '../brief.js';
import { FOS_2007 } from '../fos2007.js';
import { fillPrompt } from '../promptFiles.js';
import { redact } from '../redact.js';
import { needLanguage } from '../offline/expandNeed.js';
import type { TranslateInput, TranslationResult, Translator } from '../translator.js';
import type { LlmSettings } from './llmSettings.js';

/** Why the model's answer was not used; the fallback brief carries it as its note. */
export class LlmFailure extends Error {
  constructor(readonly reason: 'timeout' | 'http' | 'connection' | 'malformed' | 'schema' | 'refused' | 'empty', message: string) {
    super(message);
    this.name = 'LlmFailure';
  }
}

const taxonomy = () => FOS_2007.map((f) => `${f.code} ${f.en} (${f.zh})`).join('\n');
const LANGUAGE_NAME = { en: 'English', zh: 'Chinese (简体中文)' } as const;

/**
 * The LLM translator: any OpenAI-compatible chat endpoint, asked for a JSON object that must
 * pass the brief schema. Personal data is redacted first. Throws LlmFailure when the endpoint
 * fails (after the SDK's retries with backoff on 429/5xx) or the reply is not a valid brief;
 * `withFallback` turns that into an offline brief.
 */
export function createLlmTranslator(s: LlmSettings): Translator {
  if (!s.allowed) throw new Error('LLM_ALLOWED is false: the LLM translator must not be created.');
  const client = new OpenAI({
    baseURL: s.baseURL,
    apiKey: s.apiKey || 'not-needed',
    timeout: s.timeoutMs,
    maxRetries: s.maxRetries,
  });
  const name = `llm (${s.model})`;
  return {
    name,
    async translate(input: TranslateInput): Promise<TranslationResult> {
      const language = needLanguage(input.text);
      const { text } = redact(input.text, input);
      const [system, user] = await Promise.all([
        fillPrompt('translate-need.system', { language_name: LANGUAGE_NAME[language], taxonomy: taxonomy() }),
        fillPrompt('translate-need.user', { need: text }),
      ]);
      let content: string | null | undefined;
      try {
        const res = await client.chat.completions.create({
          model: s.model,
          temperature: 0.2,
          messages: [
            { role: 'system', content: system },
            { role: 'user', content: user },
          ],
          response_format: { type: 'json_schema', json_schema: { name: 'research_brief', schema: z.toJSONSchema(briefContentSchema, { io: 'input' }) as Record<string, unknown> } },
        });
        const choice = res.choices[0];
        if (choice?.message.refusal) throw new LlmFailure('refused', `the model refused: ${choice.message.refusal.slice(0, 200)}`);
        content = choice?.message.content;
      } catch (err) {
        throw toFailure(err);
      }
      if (!content?.trim()) throw new LlmFailure('empty', 'the model returned an empty reply');
      let json: unknown;
      try {
        json = JSON.parse(stripFences(content));
      } catch {
        throw new LlmFailure('malformed', 'the model reply was not valid JSON');
      }
      const parsed = briefContentSchema.safeParse(json);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new LlmFailure('schema', `the model reply did not match the brief schema (${first ? `${first.path.join('.') || 'root'}: ${first.message}` : 'invalid'})`);
      }
      const brief = researchBriefSchema.parse({ ...parsed.data, language, translator: name });
      return { kind: 'brief', brief };
    },
  };
}

/** Some endpoints wrap JSON in a ```json fence despite the response format. */
const stripFences = (s: string) => s.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');

function toFailure(err: unknown): LlmFailure {
  if (err instanceof LlmFailure) return err;
  if (err instanceof OpenAI.APIConnectionTimeoutError) return new LlmFailure('timeout', 'the model did not answer in time');
  if (err instanceof OpenAI.APIConnectionError) return new LlmFailure('connection', 'the model endpoint could not be reached');
  if (err instanceof OpenAI.APIError) return new LlmFailure('http', `the model endpoint answered HTTP ${err.status ?? '?'}`);
  return new LlmFailure('connection', err instanceof Error ? err.message.slice(0, 200) : String(err));
}
