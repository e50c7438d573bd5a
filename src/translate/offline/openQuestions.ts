import type { BriefConstraints } from '../brief.js';
import type { Lang } from '../corpusFeedback.js';

const QUESTIONS: Record<keyof BriefConstraints, Record<Lang, string>> = {
  trl: { en: 'How mature must the solution be: a lab result, a prototype, or something proven in production (TRL)?', zh: '需要多成熟的方案：实验室成果、样机，还是已在生产中验证过的技术（技术成熟度 TRL）？' },
  budgetBand: { en: 'What budget band do you have in mind for the collaboration?', zh: '这次合作大概的预算范围是多少？' },
  timeline: { en: 'By when do you need a result?', zh: '希望多长时间内见到成果？' },
  region: { en: 'Where are you located, and must the research partner be in the same region?', zh: '贵单位在哪个地区？合作方是否需要在同一地区？' },
  ip: { en: 'What do you expect about intellectual property: a licence, exclusive rights, joint ownership?', zh: '对知识产权有什么要求：许可使用、独占，还是共同所有？' },
  confidentiality: { en: 'May we share this need with researchers as written, or is it confidential?', zh: '这个需求可以原样发给研究人员吗，还是需要保密？' },
};

/** One question per constraint the need does not state, in the need's language. */
export function openQuestions(c: BriefConstraints, lang: Lang): string[] {
  return (Object.keys(QUESTIONS) as (keyof BriefConstraints)[]).filter((k) => c[k] === undefined).map((k) => QUESTIONS[k][lang]);
}
