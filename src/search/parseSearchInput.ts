import { UserFacingError } from '../errors.js';
import { isOutcomeKind, OUTCOME_KINDS } from '../outcomes/outcome.js';
import type { SearchFilters } from './searchQuery.js';

export interface ParsedSearch {
  text: string;
  filters: SearchFilters;
}

const KEYS: Record<string, keyof typeof HANDLERS> = {
  kind: 'kind', kinds: 'kind', type: 'kind',
  trl: 'trl',
  region: 'region', regions: 'region', country: 'region',
  year: 'year', years: 'year',
  discipline: 'discipline', disciplines: 'discipline', field: 'discipline',
  institution: 'institution', inst: 'institution', university: 'institution', lab: 'institution',
  ip: 'ip', ip_status: 'ip', ipstatus: 'ip',
};

/** key:value, key:"a value", key:'a value' (values may be comma-separated lists). */
const FILTER = /(^|\s)([A-Za-z_]+):(?:"([^"]*)"|'([^']*)'|(\S+))/g;

const list = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);

function range(v: string, what: string, lo: number, hi: number, example: string): [number | undefined, number | undefined] {
  const m = /^(\d{1,6})(?:\s*(-|–|\.\.)\s*(\d{1,6}))?(\+)?$/.exec(v.trim());
  if (!m) throw new UserFacingError('search_bad_filter', `I could not read ${what} "${v.slice(0, 40)}".`, `Write a number or a range, e.g. ${example}.`);
  const a = Number(m[1]);
  const b = m[3] !== undefined ? Number(m[3]) : m[4] ? undefined : a;
  for (const x of [a, b]) {
    if (x !== undefined && (x < lo || x > hi)) {
      throw new UserFacingError('search_bad_filter', `${what} must be from ${lo} to ${hi} (got ${x}).`, `For example ${example}.`);
    }
  }
  if (b !== undefined && a > b) throw new UserFacingError('search_bad_filter', `The ${what} range ${a}-${b} is empty.`, `Write the lower value first, e.g. ${example}.`);
  return [a, b];
}

const HANDLERS = {
  kind(v: string, f: SearchFilters) {
    const kinds = list(v.toLowerCase()).map((k) => k.replace(/s$/, ''));
    const bad = kinds.filter((k) => !isOutcomeKind(k));
    if (bad.length > 0) throw new UserFacingError('search_bad_filter', `Unknown kind "${bad[0]!.slice(0, 40)}".`, `Kinds are ${OUTCOME_KINDS.join(', ')}.`);
    f.kinds = [...(f.kinds ?? []), ...kinds];
  },
  trl(v: string, f: SearchFilters) {
    [f.trlMin, f.trlMax] = range(v, 'TRL', 1, 9, 'trl:4-7 or trl:6+');
  },
  year(v: string, f: SearchFilters) {
    [f.yearMin, f.yearMax] = range(v, 'year', 1800, 2100, 'year:2015-2020 or year:2018+');
  },
  region(v: string, f: SearchFilters) {
    f.regions = [...(f.regions ?? []), ...list(v).map((r) => r.toUpperCase())];
  },
  discipline(v: string, f: SearchFilters) {
    f.disciplines = [...(f.disciplines ?? []), ...list(v)];
  },
  institution(v: string, f: SearchFilters) {
    f.institutions = [...(f.institutions ?? []), ...list(v)];
  },
  ip(v: string, f: SearchFilters) {
    f.ipStatus = [...(f.ipStatus ?? []), ...list(v)];
  },
};

/**
 * Splits `/search` arguments into the free text and the filters it names, e.g.
 * `heat pump kind:patent trl:4-7 region:CN year:2015-2020 institution:"Zhejiang University"`.
 * Words with a colon whose key is not a filter stay in the text. Bad values throw a UserFacingError.
 */
export function parseSearchInput(input: string): ParsedSearch {
  const filters: SearchFilters = {};
  const text = input.replace(FILTER, (whole, lead: string, key: string, dq?: string, sq?: string, bare?: string) => {
    const handler = KEYS[key.toLowerCase()];
    if (!handler) return whole;
    HANDLERS[handler]((dq ?? sq ?? bare ?? '').trim(), filters);
    return lead;
  });
  return { text: text.replace(/\s+/g, ' ').trim(), filters };
}
