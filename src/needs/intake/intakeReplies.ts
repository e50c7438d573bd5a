import type { Block, Reply } from '../../messages/reply.js';
import type { NeedRecord } from '../../../storage/repositories/needs.js';
import { answerLabel, INTAKE_FIELDS, type IntakeField, type Lang } from './intakeFields.js';
import { say } from './intakeText.js';
import { briefSummary } from '../brief/storedBrief.js';
import { joinTerms } from '../../translate/briefReply.js';

export const langOf = (need: NeedRecord): Lang => (need.language === 'zh' ? 'zh' : 'en');

/** "Here is what I understood": the research brief summary and every answer known so far. */
export function understoodBlocks(need: NeedRecord): Block[] {
  const lang = langOf(need);
  const brief = briefSummary(need.brief);
  const answered = INTAKE_FIELDS.filter((f) => need.constraints[f.id]).map((f) => ({
    label: f.label[lang],
    value: answerLabel(f, need.constraints[f.id]!, lang),
  }));
  return [
    { type: 'header', text: `${say('understood', lang)} (#${need.id})` },
    {
      type: 'fields',
      fields: [
        { label: say('need', lang), value: brief?.summary ?? need.text },
        ...(brief?.researchQuestion ? [{ label: say('question', lang), value: brief.researchQuestion }] : []),
        ...(brief && brief.keywords.length > 0 ? [{ label: say('keywords', lang), value: joinTerms(brief.keywords, lang) }] : []),
        ...answered,
      ],
    },
  ];
}

/** One question, with a button per known answer. */
export function questionBlocks(need: NeedRecord, field: IntakeField | 'description'): Block[] {
  const lang = langOf(need);
  if (field === 'description') return [{ type: 'text', text: say('newDescription', lang) }];
  return [
    { type: 'text', text: field.question[lang] },
    ...(field.options
      ? [{
          type: 'actions' as const,
          elements: field.options.map((o) => ({ type: 'button' as const, label: o.label[lang], action: 'need.answer', value: `${need.id}:${field.id}:${o.value}` })),
        }]
      : []),
  ];
}

/** Everything answered: submit, change any part, or cancel. */
export function reviewBlocks(need: NeedRecord): Block[] {
  const lang = langOf(need);
  return [
    { type: 'text', text: say('review', lang) },
    {
      type: 'actions',
      elements: [
        { type: 'button', label: say('submit', lang), action: 'need.submit', value: String(need.id), style: 'primary' },
        { type: 'button', label: say('cancel', lang), action: 'need.cancel', value: String(need.id), style: 'danger' },
      ],
    },
    {
      type: 'actions',
      elements: [{
        type: 'select',
        placeholder: say('change', lang),
        action: 'need.edit',
        options: [
          { label: say('description', lang), value: `${need.id}:description` },
          ...INTAKE_FIELDS.map((f) => ({ label: f.label[lang], value: `${need.id}:${f.id}` })),
        ],
      }],
    },
  ];
}

export const intakeReply = (...blocks: Block[]): Reply => ({ blocks, visibility: 'private' });
