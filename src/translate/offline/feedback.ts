import type { CorpusFeedback, FeedbackDoc, Lang, WeightedTerm } from '../corpusFeedback.js';
import { wordnet } from '../lexicon/wordnet.js';
import { isCharacterBigram } from '../../search/tokenizeText.js';

export interface FeedbackResult {
  /** Expansion terms (readable surface forms) with relevance-model weights summing to 1. */
  terms: WeightedTerm[];
  /**
   * The terms that tell a reader something (for the brief), in `terms` order: rare enough in the
   * store, and in English words that may name a thing, since the claim language of patents
   * ("comprises", "respective", "preferably") fills the top outcomes of any subject.
   */
  distinctive: string[];
  docs: FeedbackDoc[];
}

/**
 * Most outcomes, as a share of the store, a feedback word may be in and still be shown to a
 * broker: "first", "second", "device" or "control" are in a tenth of a patent-rich store; they
 * help the query a little but name no topic.
 */
const DISTINCTIVE_DF_SHARE = 0.05;

export interface FeedbackOptions {
  docs: number;
  /** Expansion terms to pick; 0: the feedback outcomes only. */
  terms: number;
}

/**
 * Pseudo-relevance feedback (a relevance model, RM3-style): the top outcomes in one language
 * for the query, each index token weighted by Σ P(doc) · P(token | doc) · idf(token). Pulls
 * the research vocabulary of the documents a lay query already finds into the query.
 */
export async function relevanceFeedback(
  corpus: CorpusFeedback,
  query: WeightedTerm[],
  lang: Lang,
  opts: FeedbackOptions,
): Promise<FeedbackResult> {
  const docs = await corpus.search(query, { lang, limit: opts.docs });
  if (!docs.length || opts.terms === 0) return { terms: [], distinctive: [], docs };
  const queryTokens = new Set(query.flatMap((q) => corpus.tokens(q.term).map((t) => t.token)));
  const top = docs[0]!.score || 1;
  const docWeights = docs.map((d) => Math.exp((d.score - top) / (top * 0.25)));
  const norm = docWeights.reduce((a, b) => a + b, 0);
  const model = new Map<string, number>();
  const surface = new Map<string, string>();
  docs.forEach((d, i) => {
    const tokens = corpus.tokens(`${d.title} ${d.keywords.join(' ')} ${d.text}`).filter((t) => t.lang === lang);
    if (!tokens.length) return;
    const tf = new Map<string, number>();
    for (const t of tokens) {
      tf.set(t.token, (tf.get(t.token) ?? 0) + 1);
      if (!surface.has(t.token)) surface.set(t.token, t.surface);
    }
    for (const [t, c] of tf) model.set(t, (model.get(t) ?? 0) + (docWeights[i]! / norm) * (c / tokens.length));
  });
  // Character bigrams ("_" tokens) are the index's safety net, not words: feedback takes words only.
  const candidates = [...model.keys()].filter((t) => !queryTokens.has(t) && !isCharacterBigram(t) && !/^\d+$/.test(t) && [...surface.get(t)!].length > 1);
  const { total, df } = await corpus.docFreq(candidates);
  const scored = candidates
    .map((t) => {
      const n = df.get(t) ?? 0;
      // Only terms shared by at least two outcomes, and not by a fifth of them, carry a topic.
      const idf = n >= 2 && n < total * 0.2 ? Math.log(total / n) : 0;
      return { token: t, score: model.get(t)! * idf };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  const picked: { term: string; score: number; distinctive: boolean }[] = [];
  const seen = new Set<string>();
  for (const x of scored) {
    const term = surface.get(x.token)!;
    if (seen.has(term)) continue;
    seen.add(term);
    const rare = (df.get(x.token) ?? 0) <= total * DISTINCTIVE_DF_SHARE;
    picked.push({ term, score: x.score, distinctive: rare && (lang !== 'en' || wordnet().mayBeNoun(term)) });
    if (picked.length >= opts.terms) break;
  }
  const sum = picked.reduce((a, x) => a + x.score, 0) || 1;
  return {
    terms: picked.map((x) => ({ term: x.term, weight: x.score / sum, lang })),
    distinctive: picked.filter((x) => x.distinctive).map((x) => x.term),
    docs,
  };
}
