import type { SearchQuery } from '../search/searchQuery.js';
import type { ResearchBrief } from './brief.js';

/** Weight of each keyword of a brief without query terms (a model's brief), per the search's text counts. */
const KEYWORD_WEIGHT = 1.5;
/** Weight of the words of the research questions and hypothetical abstract. */
const PROSE_WEIGHT = 0.3;

/**
 * What a search for a need uses from its brief. The caller keeps the need's own text as
 * `text`; the brief adds weighted lexical terms (the offline expansion, or the keywords and
 * the research prose of a model's brief) and the dense side reads the research question and
 * the hypothetical abstract.
 */
export function briefToSearchQuery(brief: ResearchBrief): Partial<SearchQuery> {
  const lexicalTerms = brief.queryTerms?.length
    ? brief.queryTerms.map((t) => ({ ...t }))
    : [
        ...brief.keywords.flatMap((k) => [
          { term: k.term, weight: KEYWORD_WEIGHT, lang: k.lang },
          ...k.synonyms.map((s) => ({ term: s, weight: KEYWORD_WEIGHT / 2, lang: k.lang })),
        ]),
        ...[...brief.researchQuestions, brief.hypotheticalAbstract].map((p) => ({ term: p, weight: PROSE_WEIGHT })),
      ];
  // An offline brief's prose is sentence frames around the same terms: the dense side reads
  // the need and its terms instead. A model's brief has real research prose.
  if (brief.queryTerms?.length) return { lexicalTerms };
  return { lexicalTerms, denseText: [brief.problem, ...brief.researchQuestions, brief.hypotheticalAbstract].join('\n') };
}
