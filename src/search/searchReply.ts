import { reply, type Block, type Reply } from '../messages/reply.js';
import type { SearchResult } from './searchResult.js';

const fmt = (x: number | null, digits: number) => (x === null ? '–' : x.toFixed(digits));

/** One line of why: matched terms and each score with its rank. */
export function explainLine(r: SearchResult): string {
  const s = r.explanation.scores;
  const terms = r.explanation.matchedTerms.slice(0, 8).join(', ') || 'no shared words (found by meaning)';
  return `matched: ${terms} · lexical ${fmt(s.lexical, 2)}${s.ranks.lexical ? ` (#${s.ranks.lexical})` : ''} · dense ${fmt(s.dense, 3)}${s.ranks.dense ? ` (#${s.ranks.dense})` : ''} · fused ${fmt(s.fused, 3)}`;
}

export function facts(r: SearchResult): string {
  return [r.kind, r.institution, r.year, r.trl !== undefined ? `TRL ${r.trl}` : undefined, r.region, r.ipStatus]
    .filter((v) => v !== undefined && v !== '')
    .join(' · ');
}

export interface SearchReplyExtras {
  /** A warning to show (e.g. the embeddings provider failed). */
  note?: string;
  /** Results left out as far from the search (withoutWeakMatches). */
  weak?: number;
  /** The other language's words searched besides the typed ones (searchExpansion). */
  alsoSearched?: readonly string[];
}

/** The neutral reply for /search: a header, then each hit with facts, evidence and scores. */
export function searchReply(text: string, results: readonly SearchResult[], { note, weak = 0, alsoSearched = [] }: SearchReplyExtras = {}): Reply {
  const shown = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  if (results.length === 0) {
    return reply(
      { type: 'text', text: `No outcome matched “${shown}”.` },
      { type: 'context', text: 'Try other words, or fewer filters.' },
    );
  }
  const blocks: Block[] = [{ type: 'header', text: `${results.length} ${results.length === 1 ? 'outcome' : 'outcomes'} for “${shown}”` }];
  if (alsoSearched.length > 0) blocks.push({ type: 'context', text: `Also searched as: ${alsoSearched.join(', ')} (offline translation)` });
  results.forEach((r, i) => {
    blocks.push(
      { type: 'text', text: `${i + 1}. ${r.title} (${r.sourceId}, #${r.id})` },
      { type: 'context', text: facts(r) },
      { type: 'text', text: `“${r.explanation.evidence}”` },
      { type: 'context', text: explainLine(r) },
    );
  });
  if (weak > 0) {
    const one = weak === 1;
    blocks.push({ type: 'context', text: `${weak} more ${one ? 'outcome shares' : 'outcomes share'} no word with the search and ${one ? 'is' : 'are'} far from it in meaning: left out.` });
  }
  if (note) blocks.push({ type: 'context', text: note });
  blocks.push({ type: 'context', text: 'See one in full with /outcome #number.' });
  return { ...reply(...blocks) };
}
