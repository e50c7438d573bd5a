import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/loadConfig.js';
import { translatorProvider } from '../../src/translate/translatorFor.js';

describe('translation settings', () => {
  it('default to the offline translator with LLM_ALLOWED=false', () => {
    const r = loadConfig({});
    if (!r.ok) throw new Error(r.problems.join('; '));
    expect(r.config).toMatchObject({ TRANSLATOR: 'offline', LLM_ALLOWED: false, LLM_TIMEOUT_MS: 30_000, LLM_MAX_RETRIES: 2 });
    expect(translatorProvider(r.config)).toMatch(/^offline/);
  });

  it('name the variable when a value is malformed', () => {
    const r = loadConfig({ TRANSLATOR: 'gpt', LLM_ALLOWED: 'maybe', LLM_TIMEOUT_MS: 'soon', LLM_MAX_RETRIES: '99' });
    expect(r.ok).toBe(false);
    const text = r.ok ? '' : r.problems.join('\n');
    for (const key of ['TRANSLATOR', 'LLM_ALLOWED', 'LLM_TIMEOUT_MS', 'LLM_MAX_RETRIES']) expect(text).toMatch(new RegExp(`^${key}: `, 'm'));
  });

  it('require an endpoint when the LLM translator is allowed', () => {
    const r = loadConfig({ TRANSLATOR: 'llm', LLM_ALLOWED: 'true' });
    expect(r.ok ? '' : r.problems.join('\n')).toMatch(/^OPENAI_BASE_URL: required when TRANSLATOR=llm/m);
    const ok = loadConfig({ TRANSLATOR: 'llm', LLM_ALLOWED: 'true', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'qwen2.5' });
    if (!ok.ok) throw new Error(ok.problems.join('; '));
    expect(translatorProvider(ok.config)).toBe('llm (qwen2.5), offline fallback');
  });
});
