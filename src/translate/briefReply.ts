import type { Block, Reply } from '../messages/reply.js';
import type { ResearchBrief } from './brief.js';
import type { Lang } from './corpusFeedback.js';
import { fosField } from './fos2007.js';

const LABELS = {
  en: {
    header: 'Research brief', problem: 'Problem', questions: 'Research questions', keywords: 'Keywords', disciplines: 'Disciplines (OECD FOS 2007)',
    abstract: 'Outcome that would solve it (hypothetical abstract)', constraints: 'Constraints', open: 'Still to ask', none: 'none stated',
    trl: 'TRL', budget: 'Budget', timeline: 'Timeline', region: 'Region', ip: 'IP', confidentiality: 'Confidentiality',
    by: 'Translated by', preview: 'Preview only: nothing was stored.',
  },
  zh: {
    header: '研究需求简报', problem: '问题', questions: '研究问题', keywords: '关键词', disciplines: '学科（OECD FOS 2007）',
    abstract: '能解决问题的成果（假想摘要）', constraints: '约束条件', open: '还需确认', none: '未说明',
    trl: '技术成熟度', budget: '预算', timeline: '时间', region: '地区', ip: '知识产权', confidentiality: '保密',
    by: '翻译方式', preview: '仅预览：未保存任何内容。',
  },
} as const;

/** Terms as a list in running text: 、 between Chinese ones, a comma between English ones. */
export const joinTerms = (terms: readonly string[], lang: Lang): string => terms.join(lang === 'zh' ? '、' : ', ');

/** A brief in the neutral message model, in the language the need was written in. */
export function briefReply(brief: ResearchBrief, opts: { preview?: boolean } = {}): Reply {
  const lang: Lang = brief.language;
  const L = LABELS[lang];
  const c = brief.constraints;
  const trl = c.trl ? [c.trl.min, c.trl.max].filter((x) => x !== undefined).join('–') : undefined;
  const candidates: { label: string; value: string | undefined }[] = [
    { label: L.trl, value: trl },
    { label: L.budget, value: c.budgetBand },
    { label: L.timeline, value: c.timeline },
    { label: L.region, value: c.region },
    { label: L.ip, value: c.ip },
    { label: L.confidentiality, value: c.confidentiality },
  ];
  const constraintFields = candidates.filter((f): f is { label: string; value: string } => !!f.value);
  const keywords = brief.keywords.map((k) => (k.synonyms.length ? `${k.term} (${k.synonyms.join(', ')})` : k.term));
  const disciplines = brief.disciplines.map((d) => {
    const f = fosField(d.code);
    return `${d.code} ${f ? f[lang] : ''} (${Math.round(d.confidence * 100)}%)`;
  });
  const blocks: Block[] = [
    { type: 'header', text: L.header },
    { type: 'text', text: `${L.problem}: ${brief.problem}` },
    { type: 'text', text: `${L.questions}:` },
    { type: 'list', items: brief.researchQuestions, ordered: true },
    { type: 'fields', fields: [
      { label: L.keywords, value: joinTerms(keywords, lang) || L.none },
      { label: L.disciplines, value: disciplines.join('; ') || L.none },
    ] },
    { type: 'text', text: `${L.abstract}: ${brief.hypotheticalAbstract}` },
    constraintFields.length ? { type: 'fields', fields: constraintFields } : { type: 'text', text: `${L.constraints}: ${L.none}` },
  ];
  if (brief.openQuestions.length) blocks.push({ type: 'text', text: `${L.open}:` }, { type: 'list', items: brief.openQuestions });
  blocks.push({ type: 'context', text: `${L.by}: ${brief.translator}${brief.note ? ` — ${brief.note}` : ''}${opts.preview ? ` · ${L.preview}` : ''}` });
  return { blocks, visibility: 'private' };
}
