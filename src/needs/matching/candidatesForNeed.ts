import type { Services } from '../../app/services.js';
import type { NeedRecord } from '../../../storage/repositories/needs.js';
import { dismissedOutcomeIds } from '../../../storage/repositories/matchVerdicts.js';
import { queryOfStoredBrief, type NeedQuery } from '../brief/needBrief.js';
import type { Candidate } from './candidate.js';
import { findCandidates } from './findCandidates.js';

/** The query stored with the need's brief, or its text when there is no brief yet. */
export function queryOfNeed(need: NeedRecord): NeedQuery {
  return queryOfStoredBrief(need.brief, need.text);
}

/** One page of candidates for a need, never one dismissed for it; `more` when another page exists. */
export async function candidatePage(services: Services, query: NeedQuery, page: number, excludeOutcomeIds: number[]): Promise<{ items: Candidate[]; more: boolean }> {
  const size = services.config.MATCH_PAGE_SIZE;
  // Search returns at most 1,000 results; later pages are simply empty.
  const all = await findCandidates(services, query, { limit: Math.min((page + 1) * size + 1, 1000), excludeOutcomeIds });
  return { items: all.slice(page * size, (page + 1) * size), more: all.length > (page + 1) * size };
}

export async function candidatesForNeed(services: Services, need: NeedRecord, page: number): Promise<Candidate[]> {
  const excluded = await dismissedOutcomeIds(services.db, need.id);
  return (await candidatePage(services, queryOfNeed(need), page, excluded)).items;
}
