const CJK = /[\u3400-\u9fff\uf900-\ufaff]/gu;
const LETTER = /[\p{L}]/gu;

/**
 * "zh" when CJK ideographs make up at least a fifth of the letters, else "en". Enough to route
 * a record to the right tokenizer; a record's own language field always wins.
 */
export function detectLanguage(text: string): 'zh' | 'en' {
  const sample = text.slice(0, 2000);
  const letters = sample.match(LETTER)?.length ?? 0;
  if (letters === 0) return 'en';
  const cjk = sample.match(CJK)?.length ?? 0;
  return cjk / letters >= 0.2 ? 'zh' : 'en';
}
