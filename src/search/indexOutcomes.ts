import type { Queryable } from '../../storage/db.js';
import { encodeSearchRows, loadIndexableOutcomes, writeSearchRows, type IndexableOutcome } from '../../storage/repositories/searchIndex.js';
import { CountTable } from '../embeddings/countTable.js';
import { searchableText } from './searchableText.js';
import { termCounts, tokenizeText } from './tokenizeText.js';

/** What the lexical index keeps of one outcome: its token counts and length. */
export interface OutcomeTerms {
  terms: Map<string, number>;
  docLen: number;
}

/** Tokenises an outcome's searchable text (no database: imports do it before a batch's transaction). */
export function outcomeTerms(o: Pick<IndexableOutcome, 'title' | 'abstract' | 'keywords'>): OutcomeTerms {
  const tokens = tokenizeText(searchableText(o));
  return { terms: termCounts(tokens), docLen: tokens.length };
}

/** Tokenises the given stored outcomes and replaces their lexical index rows (embeddings come later). */
export async function indexOutcomeText(q: Queryable, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const outcomes = await loadIndexableOutcomes(q, ids); // in id order: the postings key is filled in order
  const dictionary = new CountTable();
  const packed = outcomes.map((o) => {
    const t = outcomeTerms(o);
    return { ...dictionary.pack(t.terms), docLen: t.docLen };
  });
  await writeSearchRows(q, await encodeSearchRows(packed, dictionary.terms, { keyOrder: true }), outcomes.map((o) => o.id));
}
