import type { Lang } from './corpusFeedback.js';

const QUESTION: Record<Lang, string> = {
  en: 'I could not find a technical problem in that yet. What happens, in which product or process, and what would a good result look like? For example: "our ceramic tiles crack when we shorten the firing cycle".',
  zh: '我还没看出具体的技术问题。能说说在哪个产品或工序上出了什么问题、希望达到什么效果吗？例如：“我们的瓷砖缩短烧成周期后容易开裂”。',
};

/**
 * The clarifying question asked instead of inventing a brief, in the need's language; in both
 * when the text has no word of either script to tell it by ("?", an emoji).
 */
export function clarifyingQuestion(lang: Lang, text: string): string {
  return /[\p{Script=Han}A-Za-z]/u.test(text) ? QUESTION[lang] : `${QUESTION.en}\n${QUESTION.zh}`;
}
