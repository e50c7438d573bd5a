import { researchBriefSchema } from '../brief.js';
import { clarifyingQuestion } from '../clarify.js';
import type { CorpusFeedback } from '../corpusFeedback.js';
import { analyse } from '../text/tokenize.js';
import type { TranslateInput, TranslationResult, Translator } from '../translator.js';
import { DEFAULT_EXPANSION, expandNeed, type Expansion, type ExpansionSettings } from './expandNeed.js';
import { offlineBrief } from './offlineBrief.js';
import { expansionQueryTerms } from './queryTerms.js';

export const OFFLINE_TRANSLATOR_NAME = 'offline (WordNet, CC-CEDICT, jieba, corpus feedback)';

/** Most expansion terms a search takes (the heaviest). */
const MAX_QUERY_TERMS = 200;

/** The weighted terms a search for the expanded text adds to it (the brief's `queryTerms`). */
export function searchTermsOf(e: Expansion, textTokens: number, settings: ExpansionSettings = DEFAULT_EXPANSION) {
  return expansionQueryTerms(e, textTokens, settings).slice(0, MAX_QUERY_TERMS);
}

/** Fewer content words than this and the translator asks instead of guessing. */
const MIN_CONTENT_TERMS = 2;

/**
 * The default translator: no network, no download. Dictionaries (CC-CEDICT, WordNet, jieba)
 * and statistics of the outcome store (relevance feedback, collection selection) when a
 * corpus is given; without one it still restates and translates the need.
 */
export function createOfflineTranslator(corpus?: () => CorpusFeedback | undefined, settings: ExpansionSettings = DEFAULT_EXPANSION): Translator {
  return {
    name: OFFLINE_TRANSLATOR_NAME,
    async translate(input: TranslateInput): Promise<TranslationResult> {
      const feedback = corpus?.();
      const e = await expandNeed(input.text, feedback, settings);
      // Content words of the need itself (before any corpus filtering): a greeting has none or one.
      const content = e.source.length;
      if (content < MIN_CONTENT_TERMS) {
        return { kind: 'clarify', question: clarifyingQuestion(e.lang, input.text), language: e.lang, translator: OFFLINE_TRANSLATOR_NAME };
      }
      const textTokens = feedback ? feedback.tokens(input.text).length : analyse(input.text).length;
      const brief = researchBriefSchema.parse({
        ...offlineBrief(input.text, e),
        language: e.lang,
        translator: OFFLINE_TRANSLATOR_NAME,
        queryTerms: searchTermsOf(e, textTokens, settings),
      });
      return { kind: 'brief', brief };
    },
  };
}
