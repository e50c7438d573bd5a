import type { Services } from '../../app/services.js';
import { UserFacingError } from '../../errors.js';
import { searchOutcomes } from '../../search/searchOutcomes.js';
import { embeddingSettingsFrom } from '../../embeddings/embeddingSettings.js';
import type { NeedQuery } from '../brief/needBrief.js';
import type { Candidate } from './candidate.js';

/** Candidates from the hybrid search (src/search), best first, never any of `excludeOutcomeIds`. */
export async function findCandidates(services: Services, query: NeedQuery, opts: { limit: number; excludeOutcomeIds: number[] }): Promise<Candidate[]> {
  try {
    const results = await searchOutcomes(
      { db: services.db, embeddings: embeddingSettingsFrom(services.config), onWarning: (message, err) => services.log.warn({ err }, message) },
      {
        text: query.text,
        lexicalTerms: query.lexicalTerms?.map((t) => (typeof t === 'string' ? { term: t, weight: 1 } : t)),
        denseText: query.denseText,
        limit: opts.limit,
        excludeOutcomeIds: opts.excludeOutcomeIds,
      },
    );
    return results.map((r) => ({
      outcomeId: r.id,
      sourceId: r.sourceId,
      kind: r.kind,
      title: r.title,
      institution: r.institution,
      trl: r.trl,
      region: r.region,
      matchedTerms: r.explanation.matchedTerms,
      evidence: r.explanation.evidence,
    }));
  } catch (err) {
    // A need with no searchable words has no candidates; that is not an error for the broker.
    if (err instanceof UserFacingError && err.code === 'search_empty') return [];
    throw err;
  }
}
