import { UserFacingError } from '../errors.js';
import type { SearchFilters, SearchQuery } from './searchQuery.js';

export const MAX_LIMIT = 1_000;

const wholeIn = (v: number | undefined, lo: number, hi: number, what: string) => {
  if (v === undefined) return;
  if (!Number.isInteger(v) || v < lo || v > hi) {
    throw new UserFacingError('search_bad_filter', `${what} must be a whole number from ${lo} to ${hi} (got ${v}).`);
  }
};

/** Checks filter values a person could have typed wrong; throws a UserFacingError naming the problem. */
export function validateFilters(f: SearchFilters = {}): void {
  wholeIn(f.trlMin, 1, 9, 'TRL');
  wholeIn(f.trlMax, 1, 9, 'TRL');
  wholeIn(f.yearMin, 1800, 2100, 'Year');
  wholeIn(f.yearMax, 1800, 2100, 'Year');
  if (f.trlMin !== undefined && f.trlMax !== undefined && f.trlMin > f.trlMax) {
    throw new UserFacingError('search_bad_filter', `The TRL range ${f.trlMin}-${f.trlMax} is empty.`, 'Write the lower level first, e.g. trl:4-7.');
  }
  if (f.yearMin !== undefined && f.yearMax !== undefined && f.yearMin > f.yearMax) {
    throw new UserFacingError('search_bad_filter', `The year range ${f.yearMin}-${f.yearMax} is empty.`, 'Write the earlier year first, e.g. year:2015-2020.');
  }
}

export function validateQuery(query: SearchQuery): void {
  validateFilters(query.filters);
  if (query.limit !== undefined && (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_LIMIT)) {
    throw new UserFacingError('search_bad_limit', `The number of results must be from 1 to ${MAX_LIMIT}.`);
  }
}
