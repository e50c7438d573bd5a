/** The questions the intake may ask, in the order it asks them, with their known answers. */
export type Lang = 'en' | 'zh';
export type Bilingual = Record<Lang, string>;

export interface IntakeOption {
  value: string;
  label: Bilingual;
}

export interface IntakeField {
  id: string;
  question: Bilingual;
  /** Short name in summaries. */
  label: Bilingual;
  /** Known answers, shown as buttons; absent for free text. */
  options?: IntakeOption[];
  /** Typed text that matches no option is kept as the answer (e.g. what was tried). */
  acceptsText?: boolean;
}

const opt = (value: string, en: string, zh: string): IntakeOption => ({ value, label: { en, zh } });

export const INTAKE_FIELDS: readonly IntakeField[] = [
  {
    id: 'company',
    label: { en: 'Company', zh: '公司' },
    question: { en: 'Which company is this for?', zh: '这是哪家公司的需求？' },
    acceptsText: true,
  },
  {
    id: 'sector',
    label: { en: 'Sector', zh: '行业' },
    question: { en: 'Which sector are you in?', zh: '贵公司属于哪个行业？' },
    options: [
      opt('manufacturing', 'Manufacturing', '制造业'),
      opt('energy', 'Energy', '能源'),
      opt('health', 'Health', '医疗健康'),
      opt('agrifood', 'Agriculture & food', '农业食品'),
      opt('ict', 'ICT & software', '信息技术'),
      opt('materials', 'Materials & chemicals', '材料化工'),
      opt('environment', 'Environment', '环境'),
      opt('transport', 'Transport', '交通运输'),
      opt('other', 'Other', '其他'),
    ],
  },
  {
    id: 'tried',
    label: { en: 'Already tried', zh: '已尝试' },
    question: { en: 'What have you tried so far? Pick one or describe it.', zh: '目前已经尝试过什么？请选择或直接描述。' },
    options: [
      opt('nothing', 'Nothing yet', '尚未尝试'),
      opt('inhouse', 'In-house R&D', '内部研发'),
      opt('supplier', 'A supplier or consultant', '供应商或咨询'),
      opt('university', 'A university before', '曾与高校合作'),
    ],
    acceptsText: true,
  },
  {
    id: 'timeline',
    label: { en: 'Timeline', zh: '时间' },
    question: { en: 'When do you need a solution?', zh: '希望多久内解决？' },
    options: [
      opt('lt3m', 'Within 3 months', '3个月内'),
      opt('3to12m', '3–12 months', '3–12个月'),
      opt('1to2y', '1–2 years', '1–2年'),
      opt('gt2y', 'More than 2 years', '2年以上'),
    ],
  },
  {
    id: 'budget',
    label: { en: 'Budget', zh: '预算' },
    question: { en: 'Which budget band fits?', zh: '预算大约在哪个区间？' },
    options: [
      opt('lt50k', 'Under 50k', '5万以下'),
      opt('50kto200k', '50k–200k', '5万–20万'),
      opt('200kto1m', '200k–1M', '20万–100万'),
      opt('gt1m', 'Over 1M', '100万以上'),
      opt('unknown', 'Not sure yet', '尚不确定'),
    ],
  },
  {
    id: 'region',
    label: { en: 'Region', zh: '地区' },
    question: { en: 'Where may the research partner be?', zh: '对合作方所在地区有什么偏好？' },
    options: [
      opt('local', 'Our region', '本地区'),
      opt('national', 'Anywhere in the country', '全国'),
      opt('international', 'International too', '也可以是国外'),
      opt('none', 'No preference', '无偏好'),
    ],
  },
  {
    id: 'visibility',
    label: { en: 'Shown to researchers', zh: '对研究人员展示' },
    question: {
      en: 'May researchers see your company name, or only an anonymised need?',
      zh: '研究人员可以看到贵公司名称，还是只能看到匿名需求？',
    },
    options: [opt('named', 'With our company name', '显示公司名称'), opt('anonymous', 'Anonymised only', '仅匿名')],
  },
];

export const fieldById = (id: string): IntakeField | undefined => INTAKE_FIELDS.find((f) => f.id === id);

/** The label of a stored answer in the contact's language (free text is shown as typed). */
export function answerLabel(field: IntakeField, value: string, lang: Lang): string {
  return field.options?.find((o) => o.value === value)?.label[lang] ?? value;
}

/** Matches typed text against a field's options, by value or label in either language. */
export function matchOption(field: IntakeField, typed: string): IntakeOption | undefined {
  const t = typed.trim().toLowerCase();
  return field.options?.find((o) => o.value === t || o.label.en.toLowerCase() === t || o.label.zh === t);
}

/** The first question still unanswered, or undefined when everything is known. */
export function nextMissing(answers: Record<string, string>): IntakeField | undefined {
  return INTAKE_FIELDS.find((f) => !answers[f.id]);
}
