import type { TranslateInput, TranslationResult, Translator } from './translator.js';

/**
 * Uses `primary` (the LLM translator) and falls back to `fallback` (offline) when it throws:
 * endpoint down, timeout after retries, malformed or schema-violating output. The broker
 * sees which translator produced the brief and why the fallback happened.
 */
export function withFallback(primary: Translator, fallback: Translator, onFailure?: (err: unknown) => void): Translator {
  return {
    name: `${primary.name}, falling back to ${fallback.name}`,
    async translate(input: TranslateInput): Promise<TranslationResult> {
      try {
        return await primary.translate(input);
      } catch (err) {
        onFailure?.(err);
        const result = await fallback.translate(input);
        const reason = err instanceof Error ? err.message : String(err);
        if (result.kind === 'brief') {
          return { kind: 'brief', brief: { ...result.brief, translator: `${fallback.name} — fallback: ${primary.name} failed`, note: `The model's answer was not used: ${reason}.`.slice(0, 500) } };
        }
        return result;
      }
    },
  };
}
