import type { Services } from '../app/services.js';
import type { NeedRecord } from '../../storage/repositories/needs.js';
import { dismissedOutcomeIds } from '../../storage/repositories/matchVerdicts.js';
import { queryOfNeed } from '../needs/matching/candidatesForNeed.js';
import { findCandidates } from '../needs/matching/findCandidates.js';
import type { Candidate } from '../needs/matching/candidate.js';
import { termRarity } from '../../storage/repositories/digestQueries.js';
import { keyTerms, matchStrength, needTerms } from './matchStrength.js';

export interface ScoredCandidate extends Candidate {
  strength: number;
}

export interface NeedMatches {
  need: NeedRecord;
  /** The search's best candidates (never one a broker dismissed for the need), strongest first. */
  candidates: ScoredCandidate[];
}

/** Candidates searched per need: the best match and the new ones among the top of the list. */
const CANDIDATES_PER_NEED = 20;

/** Searches candidates for each need (one after another: the database is shared) and scores them. */
export async function matchNeeds(services: Services, needs: readonly NeedRecord[]): Promise<NeedMatches[]> {
  const queries = needs.map((need) => ({ need, query: queryOfNeed(need) }));
  const terms = new Map(queries.map(({ need, query }) => [need.id, needTerms(query)]));
  const idf = await termRarity(services.db, [...new Set([...terms.values()].flatMap((t) => [...t.keys()]))]);
  const out: NeedMatches[] = [];
  for (const { need, query } of queries) {
    const excluded = await dismissedOutcomeIds(services.db, need.id);
    const found = await findCandidates(services, query, { limit: CANDIDATES_PER_NEED, excludeOutcomeIds: excluded });
    const key = keyTerms(terms.get(need.id)!, idf, need.language);
    const candidates = found
      .map((c) => ({ ...c, strength: matchStrength(key, c) }))
      .sort((a, b) => b.strength - a.strength);
    out.push({ need, candidates });
  }
  return out;
}
