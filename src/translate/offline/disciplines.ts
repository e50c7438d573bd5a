import { FOS_2007 } from '../fos2007.js';
import { englishTokens } from '../text/tokenize.js';
import type { WeightedTerm } from '../corpusFeedback.js';
import { ipcFields } from './ipcFields.js';
import { moeFields } from './moeFields.js';

/**
 * Candidate FOS 2007 fields for English research terms: the weighted overlap of the terms
 * with each field's label and notes (per square root of the field's vocabulary, so long notes
 * do not win by length). Up to three fields with a confidence relative to the first. The
 * fallback when none of the outcomes a need finds is labelled (fieldVotes): on CSL papers
 * (bench/disciplineEval.ts) it finds a paper's own field first for about one in eight.
 */
export function suggestDisciplines(terms: WeightedTerm[]): { code: string; confidence: number }[] {
  const weights = new Map<string, number>();
  for (const t of terms) for (const tok of englishTokens(t.term)) if (!GENERIC.has(tok)) weights.set(tok, (weights.get(tok) ?? 0) + t.weight);
  const scores = new Map<string, number>();
  for (const [code, vocab] of VOCABULARY) {
    let s = 0;
    for (const [tok, w] of weights) if (vocab.has(tok)) s += w;
    scores.set(code, s / Math.sqrt(vocab.size));
  }
  return rankFields(scores);
}

/** Each field's words: its label and notes. */
const VOCABULARY = new Map(FOS_2007.map((f) => [f.code, new Set(englishTokens(`${f.en} ${f.notes}`))]));

/**
 * Words in more than a sixth of the fields' vocabularies ("science" in 17, "engineering" in 8)
 * name none of them: matched alone they made "thermal engineering" Medical engineering, the
 * engineering field with the fewest words.
 */
const GENERIC = (() => {
  const fields = new Map<string, number>();
  for (const vocab of VOCABULARY.values()) for (const tok of vocab) fields.set(tok, (fields.get(tok) ?? 0) + 1);
  return new Set([...fields].filter(([, n]) => n > FOS_2007.length / 6).map(([tok]) => tok));
})();

/**
 * The FOS 2007 fields of an outcome's discipline label: a Chinese first-level discipline
 * (机械工程), an IPC class (IPC F28D 21/00), or else English words matched against the fields'
 * labels and notes as a need's terms are (astrophysics → 1.3). None for a label that names
 * no one field (工学, the whole of engineering; "thermal engineering", whose only field word is generic).
 */
export function fieldsOfLabel(label: string): readonly string[] {
  const known = moeFields(label) ?? ipcFields(label);
  if (known) return known;
  if (/\p{Script=Han}/u.test(label)) return [];
  const best = suggestDisciplines([{ term: label, weight: 1 }])[0];
  return best ? [best.code] : [];
}

/**
 * Votes for FOS fields from the outcomes a need finds: each outcome's labelled fields share one
 * vote (a k-nearest-neighbour classification over the store's own labels), so the fields come
 * from what the outcomes close to the need were filed under, not from a dictionary sense.
 */
export function fieldVotes(outcomes: readonly { disciplines?: readonly string[] }[]): Map<string, number> {
  const votes = new Map<string, number>();
  for (const o of outcomes) {
    const codes = [...new Set((o.disciplines ?? []).flatMap((l) => fieldsOfLabel(l)))];
    for (const c of codes) votes.set(c, (votes.get(c) ?? 0) + 1 / codes.length);
  }
  return votes;
}

const MIN_SHARE_OF_FIRST = 1 / 8;

/** Up to three fields by score, the first at 80 % and the others relative to it. */
export function rankFields(scores: ReadonlyMap<string, number>): { code: string; confidence: number }[] {
  const top = Math.max(0, ...scores.values());
  // A field with an eighth of the first one's score would show as 10 % or less: a stray outcome, not a candidate.
  const ranked = [...scores].filter(([, s]) => top > 0 && s >= top * MIN_SHARE_OF_FIRST).sort((a, b) => b[1] - a[1]).slice(0, 3);
  return ranked.map(([code, s]) => ({ code, confidence: Math.round((s / top) * 0.8 * 100) / 100 }));
}
