import type { Db } from '../../storage/db.js';
import { hasIterativeScan, hybridSearch, tuneSearch, type HybridRow } from '../../storage/repositories/searchQueries.js';
import { indexedVectorType } from '../../storage/repositories/searchIndex.js';
import { activeEmbeddingModel } from '../../storage/repositories/searchModels.js';
import { UserFacingError } from '../errors.js';
import { embedderFor } from '../embeddings/activeEmbedder.js';
import { DEFAULT_EMBEDDINGS, type EmbeddingSettings } from '../embeddings/embeddingSettings.js';
import { vectorText } from '../embeddings/vectorText.js';
import { bestEvidence, displayTerms } from './bestEvidence.js';
import type { SearchQuery, WeightedTerm } from './searchQuery.js';
import type { SearchResult } from './searchResult.js';
import { DEFAULT_TUNING, type SearchTuning } from './searchTuning.js';
import { queryTokens, tokenWeights, type QueryToken } from './queryTokens.js';
import { surfaceForms, tokenizeText } from './tokenizeText.js';
import { validateQuery } from './validateSearch.js';

export interface SearchDeps {
  db: Db;
  embeddings?: EmbeddingSettings;
  tuning?: Partial<SearchTuning>;
  /** Told when the dense side had to be skipped (e.g. the embeddings endpoint is down). */
  onWarning?: (message: string, err?: unknown) => void;
}

const iterativeScan = new WeakMap<Db, boolean>();

/**
 * Searches outcomes: BM25 and embedding candidates under the query's filters, fused, capped per
 * institution, each with an explanation. Empty queries and impossible filters throw a
 * UserFacingError; a failing embeddings endpoint degrades to lexical results.
 */
export async function searchOutcomes(deps: SearchDeps, query: SearchQuery): Promise<SearchResult[]> {
  validateQuery(query);
  const tuning = { ...DEFAULT_TUNING, ...deps.tuning };
  const mode = query.mode ?? 'hybrid';
  const limit = query.limit ?? 10;
  const tokens = queryTokens(query.text ?? '', query.lexicalTerms);
  const counts = tokenWeights(tokens); // for the explanations
  const terms = topTerms(tokens, tuning.maxQueryTerms);
  const denseText = query.denseText?.trim() || query.text || '';
  if (terms.length === 0 && !(mode === 'dense' && query.denseText?.trim())) {
    throw new UserFacingError(
      'search_empty',
      'There is nothing to search for in that text.',
      'Use a few words that describe the technology or problem, e.g. /search waste heat recovery kiln.',
    );
  }
  const { db } = deps;
  const model = mode === 'lexical' ? undefined : await activeEmbeddingModel(db);
  let embedFailed = false;
  const embed = async (text: string, extra: WeightedTerm[]): Promise<string | null> => {
    if (!model || embedFailed) return null;
    try {
      const v = await embedderFor(db, model, deps.embeddings ?? DEFAULT_EMBEDDINGS).embedQuery(text, extra);
      return v ? vectorText(v) : null;
    } catch (err) {
      if (!embedFailed) deps.onWarning?.('the embeddings provider failed; showing lexical results only', err); // once, though a translated query embeds twice at once
      embedFailed = true;
      return null;
    }
  };
  // Split the added terms by language: the text's own and the other (a translation).
  const textLang = query.text?.trim() ? languageOf(query.text) : undefined;
  const extra = query.lexicalTerms ?? [];
  const same = textLang ? extra.filter((t) => termLang(t) === textLang) : extra;
  const other = textLang ? extra.filter((t) => termLang(t) !== textLang) : [];
  const textWeight = tokenizeText(denseText).length;
  const denseExtra = mode === 'dense' && tuning.denseTermShare > 0 ? scaleTerms(same, tuning.denseTermShare * Math.max(1, textWeight)) : [];
  let iterative = iterativeScan.get(db);
  if (iterative === undefined) iterativeScan.set(db, (iterative = await hasIterativeScan(db)));
  const pool = Math.max(tuning.pool, limit);
  const run = (runTerms: { term: string; weight: number }[], vector: string | null) =>
    db.transaction(async (tx) => {
      await tuneSearch(tx, Math.max(tuning.efSearch, pool), iterative);
      return hybridSearch(tx, {
        terms: runTerms,
        vector,
        modelId: model?.id ?? null,
        dim: model?.dim ?? 1,
        indexedAs: indexedVectorType(db.engine),
        filters: { ...query.filters, excludeIds: query.excludeOutcomeIds },
        pool,
        limit,
        useLexical: mode !== 'dense',
        useDense: mode !== 'lexical',
        k1: tuning.k1,
        b: tuning.b,
        fusion: mode === 'hybrid' ? tuning.fusion : 'convex',
        denseWeight: mode === 'lexical' ? 0 : mode === 'dense' ? 1 : tuning.denseWeight,
        rrfK: tuning.rrfK,
        maxPerInstitution: tuning.maxPerInstitution,
        postingsBudget: tuning.postingsBudget,
        completeCandidates: Math.max(tuning.completeCandidates, pool),
      });
    });
  if (!tuning.languageFusion || other.length === 0 || !textLang) {
    const vector = await embed(denseText, denseExtra);
    if (mode === 'dense' && vector === null && terms.length === 0) return [];
    const rows = await run(terms, vector);
    return rows.map((r, i) => toResult(r, i + 1, counts));
  }
  // A translated query: the whole query as usual, plus the other language's terms searched on
  // their own (with their own query vector), max-normalised and scaled by the weight the query
  // gives that language, so its outcomes are not buried under the long text's matches.
  const ownWeight = tokenizeText(query.text ?? '').length + same.reduce((a, t) => a + t.weight, 0);
  const otherWeight = other.reduce((a, t) => a + t.weight, 0);
  const vectors = await Promise.all([embed(denseText, denseExtra), embed('', other)]);
  // Embedded at once, so one may succeed where the other failed: as warned, both lists go lexical.
  const [ownVector, otherVector] = embedFailed ? [null, null] : vectors;
  // Two statements, side by side on a PostgreSQL server (PGlite runs them in turn).
  const [ownRows, otherRows] = await Promise.all([run(terms, ownVector), run(topTerms(queryTokens('', other), tuning.maxQueryTerms), otherVector)]);
  const lists = [
    { rows: ownRows, factor: 1 },
    { rows: otherRows, factor: Math.min(1, otherWeight / Math.max(ownWeight, 1e-9)) },
  ];
  const best = new Map<number, HybridRow>();
  for (const { rows, factor } of lists) {
    for (const r of rows) {
      const scored = { ...r, fused: Number(r.fused) * factor };
      const prev = best.get(r.id);
      if (!prev || scored.fused > prev.fused) best.set(r.id, scored);
    }
  }
  const merged = [...best.values()].sort((a, b) => b.fused - a.fused || a.id - b.id);
  const perInstitution = new Map<string, number>();
  const kept: HybridRow[] = [];
  const overflow: HybridRow[] = [];
  for (const r of merged) {
    const key = r.institution ? r.institution.toLowerCase() : `id:${r.id}`;
    const n = (perInstitution.get(key) ?? 0) + 1;
    perInstitution.set(key, n);
    (n > tuning.maxPerInstitution ? overflow : kept).push(r);
  }
  return [...kept, ...overflow].slice(0, limit).map((r, i) => toResult(r, i + 1, counts));
}

const HAN_CHAR = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z]+/g;

/** Chinese when Han characters outnumber twice the Latin words (about one bigram per word). */
function languageOf(text: string): 'en' | 'zh' {
  const han = text.match(HAN_CHAR)?.length ?? 0;
  const latin = text.match(LATIN_WORD)?.length ?? 0;
  return han > 0 && han >= latin * 2 ? 'zh' : 'en';
}

function termLang(t: WeightedTerm): 'en' | 'zh' {
  return t.lang ?? (/\p{Script=Han}/u.test(t.term) ? 'zh' : 'en');
}

function scaleTerms(terms: WeightedTerm[], total: number): WeightedTerm[] {
  const sum = terms.reduce((a, t) => a + t.weight, 0);
  return sum > 0 ? terms.map((t) => ({ ...t, weight: (t.weight * total) / sum })) : [];
}

function topTerms(tokens: QueryToken[], max: number): QueryToken[] {
  return [...tokens].sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term) || (a.concept ?? '').localeCompare(b.concept ?? '')).slice(0, max);
}

function toResult(r: HybridRow, rank: number, queryCounts: ReadonlyMap<string, number>): SearchResult {
  const n = Math.max(r.corpus_size, 1);
  const weights = new Map<string, number>();
  for (const t of r.matched ?? []) {
    const df = r.dfs?.[t] ?? 1;
    weights.set(t, (queryCounts.get(t) ?? 1) * Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  }
  const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
  return {
    id: r.id,
    sourceId: r.source_id,
    kind: r.kind,
    title: r.title,
    abstract: r.abstract,
    institution: opt(r.institution),
    disciplines: r.disciplines,
    keywords: r.keywords,
    year: opt(r.year),
    trl: opt(r.trl),
    ipStatus: opt(r.ip_status),
    region: opt(r.region),
    url: opt(r.url),
    language: r.language,
    explanation: {
      matchedTerms: displayTerms(
        [...(r.matched ?? [])].sort((a, b) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0)),
        surfaceForms(`${r.title} ${r.abstract}`),
      ),
      evidence: bestEvidence(r.title, r.abstract, weights),
      scores: {
        lexical: r.lexical === null ? null : round(r.lexical),
        dense: r.dense === null ? null : round(r.dense),
        fused: round(r.fused),
        ranks: { lexical: r.lexical_rank, dense: r.dense_rank, final: rank },
      },
    },
  };
}

const round = (x: number) => Math.round(Number(x) * 10_000) / 10_000;
