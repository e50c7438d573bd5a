const SENTENCE_END = /[.!?。！？](?=\s|$)|[。！？]/u;

/**
 * A title for a record that has none (BEIR rows from patents or arXiv): the first sentence of
 * its text, cut at a word boundary to at most `max` characters, with an ellipsis when cut.
 */
export function titleFromText(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return '';
  const end = flat.search(SENTENCE_END);
  const sentence = end >= 0 ? flat.slice(0, end + 1).replace(/[.]$/, '') : flat;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // Chinese has no spaces between words: cut at the length limit instead.
  const head = space >= max / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:，；：、]+$/u, '')}…`;
}
