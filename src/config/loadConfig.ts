import { configSchema, type Config } from './schema.js';

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Validates the environment; on failure returns one line per problem, naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const input: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') input[key] = value.trim();
  }
  const parsed = configSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? 'configuration');
    const shown = key in input ? ` (got ${JSON.stringify(redact(key, input[key]!))})` : '';
    return `${key}: ${issue.message}${shown}`;
  });
  return { ok: false, problems };
}

/** Secrets never appear in an error message; URLs lose their password. */
function redact(key: string, value: string): string {
  if (/TOKEN|SECRET|KEY|PASSWORD/.test(key)) return '***';
  return value.replace(/(\/\/[^:/@\s]+:)[^@\s]*@/, '$1***@');
}
