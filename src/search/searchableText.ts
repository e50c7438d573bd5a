import type { IndexableOutcome } from '../../storage/repositories/searchIndex.js';

/**
 * The text an outcome is indexed by: title, keywords and abstract.
 * A title made from the abstract's first sentence (imports without a title) is not added again,
 * so those words are not counted twice.
 */
export function searchableText(o: Pick<IndexableOutcome, 'title' | 'abstract' | 'keywords'>): string {
  const title = o.title.trim();
  const stem = title.replace(/…$/u, '').trim();
  const derived = stem.length > 0 && o.abstract.replace(/\s+/g, ' ').trimStart().startsWith(stem.replace(/\s+/g, ' '));
  return [derived ? '' : title, o.keywords.join(' '), o.abstract].filter(Boolean).join('\n');
}
