import type { EvaluatedOutcome, ProspectLevel } from './digestContent.js';
import type { NeedMatches } from './needMatches.js';

/** A need's pull on an outcome halves every 90 days: recent demand counts most. */
const HALF_LIFE_DAYS = 90;
/** Only a need's best few strong candidates count as answering it. */
const TOP_PER_NEED = 5;
const MAX_OUTCOMES = 50;

const prospectLevel = (prospect: number): ProspectLevel => (prospect >= 2 ? 'high' : prospect >= 1 ? 'medium' : 'low');

/**
 * The outcome-evaluation view: each outcome that answers recent needs well, with its market
 * prospect (number and recency of those needs) next to its TRL, best prospects first.
 */
export function evaluateOutcomes(matches: readonly NeedMatches[], threshold: number, at: Date): EvaluatedOutcome[] {
  const byOutcome = new Map<number, EvaluatedOutcome>();
  for (const { need, candidates } of matches) {
    const ageDays = Math.max(0, (at.getTime() - need.createdAt.getTime()) / 86_400_000);
    const weight = 0.5 ** (ageDays / HALF_LIFE_DAYS);
    for (const c of candidates.filter((x) => x.strength >= threshold).slice(0, TOP_PER_NEED)) {
      const prev = byOutcome.get(c.outcomeId) ?? { id: c.outcomeId, title: c.title, institution: c.institution, trl: c.trl, matchingNeeds: 0, prospect: 0, level: 'low' };
      const prospect = prev.prospect + weight;
      byOutcome.set(c.outcomeId, { ...prev, matchingNeeds: prev.matchingNeeds + 1, prospect, level: prospectLevel(prospect) });
    }
  }
  return [...byOutcome.values()]
    .map((o) => ({ ...o, prospect: Math.round(o.prospect * 100) / 100 }))
    .sort((a, b) => b.prospect - a.prospect || (b.trl ?? 0) - (a.trl ?? 0) || a.id - b.id)
    .slice(0, MAX_OUTCOMES);
}
