import type { Queryable } from '../../storage/db.js';
import { loadIndexableOutcomes, writeSearchRows } from '../../storage/repositories/searchIndex.js';
import { searchableText } from './searchableText.js';
import { termCounts, tokenizeText } from './tokenizeText.js';

/** Tokenises the given outcomes and replaces their lexical index rows (embeddings come later). */
export async function indexOutcomeText(q: Queryable, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const outcomes = await loadIndexableOutcomes(q, ids);
  await writeSearchRows(
    q,
    outcomes.map((o) => {
      const tokens = tokenizeText(searchableText(o));
      return { outcomeId: o.id, terms: termCounts(tokens), docLen: tokens.length };
    }),
  );
}
