import type { Lang } from './intakeFields.js';

/** 'zh' when Chinese characters make up a good part of the letters, else 'en'. */
export function detectNeedLanguage(text: string): Lang {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const han = text.match(/[\u3400-\u9fff\uf900-\ufaff]/gu)?.length ?? 0;
  return letters > 0 && han / letters >= 0.2 ? 'zh' : 'en';
}
