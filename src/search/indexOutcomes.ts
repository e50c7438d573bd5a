import type { Queryable } from '../../storage/db.js';
import { loadIndexableOutcomes, writeSearchRows } from '../../storage/repositories/searchIndex.js';
import { searchableText } from './searchableText.js';
import { termCounts, tokenizeText } from './tokenizeText.js';

/**
 * Tokenises the given outcomes and replaces their lexical index rows (embeddings come later).
 * Returns each outcome's token counts (the import keeps them for fitting the offline model).
 */
export async function indexOutcomeText(q: Queryable, ids: readonly number[]): Promise<Map<number, Map<string, number>>> {
  const counts = new Map<number, Map<string, number>>();
  if (ids.length === 0) return counts;
  const outcomes = await loadIndexableOutcomes(q, ids);
  await writeSearchRows(
    q,
    outcomes.map((o) => {
      const tokens = tokenizeText(searchableText(o));
      const terms = termCounts(tokens);
      counts.set(o.id, terms);
      return { outcomeId: o.id, terms, docLen: tokens.length };
    }),
  );
  return counts;
}
