const NUL = /\u0000/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Postgres text refuses NUL characters and lone UTF-16 surrogates; a file may contain both. */
function clean(s: string): string {
  return s.replace(NUL, '').replace(LONE_SURROGATE, '\ufffd');
}

/**
 * The record with every string (and every string in an array) made storable, so one odd
 * character cannot fail a whole batch. Other values pass through for the schema to judge.
 */
export function cleanStrings(record: unknown): unknown {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return record;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    out[key] =
      typeof value === 'string'
        ? clean(value)
        : Array.isArray(value)
          ? value.map((v) => (typeof v === 'string' ? clean(v) : v))
          : value;
  }
  return out;
}
