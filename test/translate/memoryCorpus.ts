import type { CorpusFeedback } from '../../src/translate/corpusFeedback.js';
import { indexTokens } from '../../src/translate/searchFeedback.js';

export interface MemoryDoc {
  id: string;
  text: string;
  lang?: string;
  title?: string;
  /** Author keywords, as a Chinese paper lists them. */
  keywords?: string[];
  /** Discipline labels, as the outcome was filed (一级学科, IPC class, free text). */
  disciplines?: string[];
}

/**
 * Outcomes held in memory behind the corpus statistics the offline translator reads, tokenised
 * by the store's own analyser: search ranks by the number of query tokens a record holds.
 */
export function memoryCorpus(docs: readonly MemoryDoc[]): CorpusFeedback {
  const tokensOf = docs.map((d) => new Set(indexTokens(`${d.title ?? ''} ${(d.keywords ?? []).join(' ')} ${d.text}`).map((t) => t.token)));
  return {
    tokens: indexTokens,
    async search(terms, { lang, limit }) {
      const q = new Set(terms.flatMap((t) => indexTokens(t.term).map((x) => x.token)));
      return docs
        .map((d, i) => ({ id: d.id, title: d.title ?? '', text: d.text, keywords: d.keywords ?? [], disciplines: d.disciplines ?? [], lang: d.lang ?? 'en', score: [...tokensOf[i]!].filter((t) => q.has(t)).length }))
        .filter((d) => d.score > 0 && (!lang || d.lang === lang))
        .sort((a, b) => b.score - a.score)
        .slice(0, limit);
    },
    async docFreq(tokens) {
      const found = await this.documents(tokens);
      return { total: docs.length, df: new Map([...found].map(([t, s]) => [t, s.size])) };
    },
    async documents(tokens) {
      return new Map(tokens.map((t) => [t, new Set(docs.filter((_, i) => tokensOf[i]!.has(t)).map((d) => d.id))]));
    },
  };
}
