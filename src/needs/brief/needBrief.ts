import type { Services } from '../../app/services.js';
import { researchBriefSchema } from '../../translate/brief.js';
import { briefToSearchQuery } from '../../translate/briefToSearchQuery.js';
import { translateAndSaveBrief } from '../../translate/translateNeed.js';
import { UserFacingError } from '../../errors.js';
import type { SearchQuery } from '../../search/searchQuery.js';
import { setNeedBrief } from '../../../storage/repositories/needs.js';

/**
 * The one place needs/ meets the translator (src/translate): it turns a need's text into a
 * research brief stored with the need (every version in need_briefs, the current one in
 * needs.brief), and a stored brief back into a search query. Elsewhere briefs are read
 * through `briefSummary`.
 */

/** The search side of a brief: the need's text plus the brief's weighted terms and dense text. */
export type NeedQuery = Pick<SearchQuery, 'text' | 'lexicalTerms' | 'denseText'>;

/** A brief was stored, or the translator needs a clearer description first (its question). */
export type BriefOutcome = { kind: 'stored' } | { kind: 'clarify'; question: string };

export async function storeBrief(
  services: Services,
  needId: number,
  text: string,
  who: { confidential: boolean; company?: string; contactName?: string },
): Promise<BriefOutcome> {
  let translated;
  try {
    translated = await translateAndSaveBrief(services, needId, {
      text,
      confidential: who.confidential,
      knownOrgs: who.company ? [who.company] : undefined,
      knownNames: who.contactName ? [who.contactName] : undefined,
    });
  } catch (err) {
    // Text the translator cannot take (too long, another language…): ask for another description.
    if (err instanceof UserFacingError) return { kind: 'clarify', question: err.withHint() };
    throw err;
  }
  if (translated.result.kind === 'clarify') return { kind: 'clarify', question: translated.result.question };
  // need_briefs keeps every version (the translator's history); needs.brief holds the one in force.
  await setNeedBrief(services.db, needId, translated.result.brief);
  return { kind: 'stored' };
}

/** The query to search with for a stored brief; the need's text alone when there is none. */
export function queryOfStoredBrief(brief: unknown, text: string): NeedQuery {
  const parsed = researchBriefSchema.safeParse(brief);
  return parsed.success ? { text, ...briefToSearchQuery(parsed.data) } : { text };
}

/** Who a need's brief must not name (redacted before any external model sees the text). */
export function briefPrivacy(need: { confidential: boolean; constraints: Record<string, string>; orgName?: string; ownerName?: string }) {
  return { confidential: need.confidential, company: need.constraints.company ?? need.orgName, contactName: need.ownerName };
}
