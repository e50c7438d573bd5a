import { isOutcomeKind, type OutcomeKind } from '../outcome.js';
import { titleFromText } from '../titleFromText.js';

/**
 * A BEIR corpus line ({_id, title, text, ...metadata}) in our field names. Patents are told
 * apart by their patent office; the rest take the default kind.
 */
export function beirRecord(raw: Record<string, unknown>, defaultKind: OutcomeKind): Record<string, unknown> {
  const text = typeof raw.text === 'string' ? raw.text : '';
  const title = typeof raw.title === 'string' && raw.title.trim() ? raw.title : titleFromText(text);
  const office = typeof raw.office === 'string' && raw.office.trim() ? raw.office.trim() : undefined;
  return {
    sourceId: typeof raw._id === 'number' ? String(raw._id) : raw._id,
    kind: isOutcomeKind(raw.kind) ? raw.kind : office ? 'patent' : defaultKind,
    title,
    abstract: text,
    institution: raw.institution,
    disciplines: distinct(raw.category, raw.discipline, raw.disciplines),
    keywords: raw.keywords,
    year: raw.year,
    trl: raw.trl,
    region: raw.region ?? office,
    url: raw.url,
    language: raw.lang ?? raw.language,
  };
}

/** Broad field first (CSL category 工学), then the narrower discipline, without repeats. */
function distinct(...values: unknown[]): string[] {
  const out: string[] = [];
  for (const v of values.flat()) {
    if (typeof v === 'string' && v.trim() && !out.includes(v.trim())) out.push(v.trim());
  }
  return out;
}
