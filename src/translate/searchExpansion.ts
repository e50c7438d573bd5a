import type { Db } from '../../storage/db.js';
import type { SearchQuery } from '../search/searchQuery.js';
import { DEFAULT_EXPANSION, expandNeed } from './offline/expandNeed.js';
import { MIN_SHOWN_SHARE, shownTranslations } from './offline/offlineBrief.js';
import { searchTermsOf } from './offline/offlineTranslator.js';
import { searchFeedback } from './searchFeedback.js';

/**
 * Longest search text that is translated: longer ones are pasted documents, searched as typed
 * (their own words say enough, and expanding them takes seconds).
 */
export const MAX_TRANSLATED_SEARCH_CHARS = 2_000;

/** Translations shown with the results, so the person sees what else was searched. */
const SHOWN_TRANSLATIONS = 6;

export interface SearchExpansion {
  /** Query parts to add to the typed text (translations, feedback terms); empty when none. */
  query: Partial<SearchQuery>;
  /**
   * The other language's words searched besides the typed ones ("冷凝 锅炉" → boiler, heat…);
   * none when that language's outcomes look unlikely to answer (collection selection), since
   * its words then barely count.
   */
  alsoSearched: string[];
}

/** A search of the words as typed. */
export const AS_TYPED: SearchExpansion = Object.freeze({ query: {}, alsoSearched: [] });

/**
 * What `/search` adds to the words typed: their translations into the other language, as the
 * offline expansion of a need's search weighs them (CC-CEDICT, corpus co-occurrence, collection
 * selection), so a search in Chinese also finds English outcomes and the reverse. Always
 * offline: a search is never sent to a model. Very long texts are searched as typed.
 */
export async function searchExpansion(db: Db, text: string): Promise<SearchExpansion> {
  if ([...text].length > MAX_TRANSLATED_SEARCH_CHARS) return AS_TYPED;
  const corpus = searchFeedback(db);
  const e = await expandNeed(text, corpus, DEFAULT_EXPANSION, 'translations');
  if (e.source.length === 0) return AS_TYPED;
  // Only the other language's terms: in its own language a search stays the words typed (a
  // need's synonyms and feedback words would drift from a few keywords), the translations and
  // their weight as a need's search sizes them reach the outcomes written in the other.
  const lexicalTerms = searchTermsOf(e, corpus.tokens(text).length).filter((t) => t.lang !== e.lang);
  return {
    query: lexicalTerms.length ? { lexicalTerms } : {},
    alsoSearched: e.blocks[e.lang === 'en' ? 'zh' : 'en'].share >= MIN_SHOWN_SHARE ? shownTranslations(e, SHOWN_TRANSLATIONS) : [],
  };
}
