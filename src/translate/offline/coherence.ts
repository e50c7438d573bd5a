import type { CorpusFeedback, DocId, WeightedTerm } from '../corpusFeedback.js';

/** Share of its weight a candidate keeps however little it agrees with the rest of the need (unless told otherwise). */
const FLOOR = 0.2;
/** Tokens in more than this share of the outcomes say nothing about co-occurrence (and are costly to fetch). */
const MAX_DF_SHARE = 0.2;
/** …nor in more outcomes than this, so a large store never sends back long postings lists. */
const MAX_DF = 5_000;

/**
 * Picks dictionary senses and synonyms by how they co-occur with the need's other concepts in
 * the outcome store (co-occurrence disambiguation, as in Ballesteros & Croft 1998 and Gao et
 * al. 2001): of the senses CC-CEDICT lists for 发电, "telegram" seldom shares an outcome with the
 * need's other words (say 风机 "wind turbine"), so it fades; "generate electricity" does, so it keeps its weight.
 *
 * `block` holds every term of one language's query, each with the need word (`concept`) it stands
 * for; `candidates` (a subset: translations, synonyms) are re-weighted by their cosine overlap
 * (outcomes containing both, over the geometric mean of the two outcome counts) with each
 * other concept, averaged by concept weight and scaled to the best candidate's:
 * weight × (floor + (1 − floor) × coherence / best coherence).
 */
export async function weighByCoherence(corpus: CorpusFeedback, block: WeightedTerm[], candidates: WeightedTerm[], floor = FLOOR): Promise<WeightedTerm[]> {
  if (!candidates.length) return candidates;
  const termTokens = new Map<string, string[]>();
  for (const t of block) termTokens.set(t.term, [...new Set(corpus.tokens(t.term).map((x) => x.token))]);
  const allTokens = [...new Set([...termTokens.values()].flat())];
  const { total, df } = await corpus.docFreq(allTokens);
  const informative = allTokens.filter((t) => (df.get(t) ?? 0) > 0 && (df.get(t) ?? 0) <= Math.min(total * MAX_DF_SHARE, MAX_DF));
  const postings = await corpus.documents(informative);
  const docsOf = new Map<string, Set<DocId> | undefined>();
  for (const [term, toks] of termTokens) docsOf.set(term, intersect(toks.flatMap((t) => (postings.has(t) ? [postings.get(t)!] : []))));
  const concepts = new Map<string, { weight: number; docs: Set<DocId> }>();
  for (const t of block) {
    const key = t.concept ?? t.term;
    const c = concepts.get(key) ?? { weight: 0, docs: new Set<DocId>() };
    c.weight += t.weight;
    for (const d of docsOf.get(t.term) ?? []) c.docs.add(d);
    concepts.set(key, c);
  }
  // Outcomes shared with each concept, counted through the concepts each outcome holds: a long
  // need's thousands of terms made comparing every pair of outcome sets the slowest part of it.
  const conceptList = [...concepts];
  const conceptsOf = new Map<DocId, number[]>();
  conceptList.forEach(([, c], i) => {
    for (const d of c.docs) conceptsOf.get(d)?.push(i) ?? conceptsOf.set(d, [i]);
  });
  const both = new Int32Array(conceptList.length);
  const coherence = candidates.map((t) => {
    const mine = docsOf.get(t.term);
    if (!mine?.size) return 0;
    both.fill(0);
    for (const d of mine) for (const i of conceptsOf.get(d) ?? []) both[i]!++;
    let sum = 0;
    let weights = 0;
    conceptList.forEach(([key, c], i) => {
      if (key === (t.concept ?? t.term) || !c.docs.size) return;
      sum += c.weight * (both[i]! / Math.sqrt(mine.size * c.docs.size));
      weights += c.weight;
    });
    return weights > 0 ? sum / weights : 0;
  });
  const best = Math.max(...coherence);
  if (best <= 0) return candidates;
  return candidates.map((t, i) => ({ ...t, weight: t.weight * (floor + ((1 - floor) * coherence[i]!) / best) }));
}

/** Outcomes holding every token of a term; undefined when none of its tokens is informative. */
function intersect(sets: Set<DocId>[]): Set<DocId> | undefined {
  if (!sets.length) return undefined;
  const [first, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  return new Set([...first!].filter((d) => rest.every((s) => s.has(d))));
}
