import { OUTCOME_FIELDS, type Outcome } from '../outcome.js';

export type OutcomeField = keyof Outcome;
/** Our field name → the file's column (or JSON key) that holds it. */
export type FieldMap = Partial<Record<OutcomeField, string>>;

/** Common names other catalogues use for our fields; an explicit --map always wins. */
const ALIASES: Partial<Record<OutcomeField, string[]>> = {
  sourceId: ['id'],
  abstract: ['description', 'summary'],
  disciplines: ['discipline'],
  keywords: ['keyword'],
  language: ['lang'],
  region: ['country'],
  ipStatus: ['ip'],
};

/** Case, spaces, '_' and '-' do not matter: source_id, Source ID and sourceId are one name. */
const normalise = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');

export class FieldMapError extends Error {}

/** Parses "title=name,abstract=description" (ours=theirs); unknown field names are an error. */
export function parseFieldMap(text: string): FieldMap {
  const map: FieldMap = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = pair.indexOf('=');
    const ours = eq > 0 ? pair.slice(0, eq).trim() : '';
    const theirs = eq > 0 ? pair.slice(eq + 1).trim() : '';
    const field = OUTCOME_FIELDS.find((f) => normalise(f) === normalise(ours));
    if (!field || !theirs) {
      throw new FieldMapError(
        `Cannot read the mapping "${pair}": write ours=theirs, where ours is one of ${OUTCOME_FIELDS.join(', ')}.`,
      );
    }
    map[field] = theirs;
  }
  return map;
}

/**
 * Renames a file's record to our field names: an explicit mapping first, then our own name in
 * any spelling, then a known alias. Columns we do not know are dropped.
 */
export function createFieldRenamer(map: FieldMap = {}): (raw: Record<string, unknown>) => Record<string, unknown> {
  const wanted = new Map<string, OutcomeField>();
  for (const field of OUTCOME_FIELDS) {
    for (const alias of ALIASES[field] ?? []) wanted.set(normalise(alias), field);
  }
  for (const field of OUTCOME_FIELDS) wanted.set(normalise(field), field);
  const explicit = new Map(Object.entries(map).map(([field, column]) => [column, field as OutcomeField]));
  const mapped = new Set(explicit.values());
  // Key lists repeat from row to row: resolve each distinct key once.
  const cache = new Map<string, OutcomeField | null>();
  const resolve = (key: string): OutcomeField | null => {
    let field = cache.get(key);
    if (field === undefined) {
      field = explicit.get(key) ?? wanted.get(normalise(key)) ?? null;
      // A field the mapping assigns elsewhere is not also filled from its default column.
      if (field && !explicit.has(key) && mapped.has(field)) field = null;
      cache.set(key, field);
    }
    return field;
  };
  return (raw) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) {
      const field = resolve(key);
      // An exact name beats an alias when a file has both (e.g. "id" and "sourceId").
      if (field && (out[field] === undefined || normalise(key) === normalise(field))) out[field] = value;
    }
    return out;
  };
}
