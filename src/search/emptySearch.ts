import type { Queryable } from '../../storage/db.js';
import { countFilterMatches, type FilterKey } from '../../storage/repositories/searchQueries.js';
import type { SearchFilters } from './searchQuery.js';

/** Why a search found nothing, said as a message and a hint. */
export interface EmptySearchReason {
  message: string;
  hint: string;
}

const quoted = (v: string) => (/\s/.test(v) ? `"${v}"` : v);
const range = (lo?: number, hi?: number) => (hi === undefined ? `${lo}+` : lo === hi ? `${lo}` : `${lo}-${hi}`);

/** A filter written as the person would type it (trl:4-7, institution:"Tongji University"). */
export function filterLabel(f: SearchFilters, key: FilterKey): string {
  switch (key) {
    case 'trl':
      return `trl:${range(f.trlMin ?? 1, f.trlMax)}`;
    case 'year':
      return `year:${range(f.yearMin ?? 1800, f.yearMax)}`;
    case 'kinds':
      return `kind:${f.kinds!.join(',')}`;
    case 'regions':
      return `region:${f.regions!.join(',')}`;
    case 'ipStatus':
      return `ip:${quoted(f.ipStatus!.join(','))}`;
    case 'disciplines':
      return `discipline:${quoted(f.disciplines!.join(','))}`;
    case 'institutions':
      return `institution:${quoted(f.institutions!.join(','))}`;
  }
}

/** The filters a search set, in the order a person reads them. */
export function setFilters(f: SearchFilters): FilterKey[] {
  const keys: FilterKey[] = [];
  if (f.kinds?.length) keys.push('kinds');
  if (f.trlMin !== undefined || f.trlMax !== undefined) keys.push('trl');
  if (f.regions?.length) keys.push('regions');
  if (f.yearMin !== undefined || f.yearMax !== undefined) keys.push('year');
  if (f.disciplines?.length) keys.push('disciplines');
  if (f.institutions?.length) keys.push('institutions');
  if (f.ipStatus?.length) keys.push('ipStatus');
  return keys;
}

/** Outcomes may not record a TRL or year at all; such an outcome never passes a filter on it. */
function unrecorded(keys: FilterKey[]): string {
  const what = [keys.includes('trl') ? 'TRL' : '', keys.includes('year') ? 'year' : ''].filter(Boolean);
  return what.length ? `; an outcome that records no ${what.join(' or ')} never passes a filter on it` : '';
}

/**
 * When a search with filters found nothing, whether the filters themselves leave no outcome:
 * one that no stored outcome passes ("trl:4-7" on a store whose outcomes record no TRL), or
 * several that none passes together. Undefined when outcomes pass the filters (the words then
 * found nothing among them).
 */
export async function filtersMatchingNothing(q: Queryable, filters: SearchFilters): Promise<EmptySearchReason | undefined> {
  const keys = setFilters(filters);
  if (keys.length === 0) return undefined;
  const { each, all } = await countFilterMatches(q, filters, keys);
  if (all > 0) return undefined;
  const none = keys.filter((k) => each.get(k) === 0);
  if (none.length > 0) {
    const labels = none.map((k) => filterLabel(filters, k));
    return {
      message: `No stored outcome matches ${labels.join(' or ')}.`,
      hint: `Leave ${none.length === 1 ? 'that filter' : 'those filters'} out or widen ${none.length === 1 ? 'it' : 'them'}${unrecorded(none)}.`,
    };
  }
  return {
    message: `No stored outcome matches ${keys.map((k) => filterLabel(filters, k)).join(' and ')} together.`,
    hint: 'Each of them matches some outcomes on its own: leave one out.',
  };
}
