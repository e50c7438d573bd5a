import type { Lang } from './intakeFields.js';

/** Everything the intake says, in English and Chinese. */
export const INTAKE_TEXT = {
  understood: { en: 'Here is what I understood', zh: '我的理解如下' },
  need: { en: 'Need', zh: '需求' },
  keywords: { en: 'Research keywords', zh: '研究关键词' },
  question: { en: 'Research question', zh: '研究问题' },
  description: { en: 'Description', zh: '描述' },
  missingIntro: { en: 'A few questions, one at a time:', zh: '还有几个问题，一次一个：' },
  editLater: { en: 'You can change any answer before you submit.', zh: '提交前可以修改任何一项。' },
  pickOne: { en: 'Please pick one of the options (type its number).', zh: '请选择一个选项（输入编号）。' },
  noted: { en: 'Noted.', zh: '已记录。' },
  review: { en: 'Everything is there. Check it, then submit — or change any part.', zh: '信息已齐全。请核对后提交，或修改任意一项。' },
  submit: { en: 'Submit', zh: '提交' },
  change: { en: 'Change…', zh: '修改…' },
  cancel: { en: 'Cancel', zh: '取消' },
  submitted: { en: 'Thank you — need #{id} is submitted. A broker will look for research partners and get back to you.', zh: '谢谢！需求 #{id} 已提交。技术经纪人会为您寻找合作方并与您联系。' },
  alreadySubmitted: { en: 'Need #{id} was already submitted; nothing changed.', zh: '需求 #{id} 已经提交过，没有变化。' },
  cancelled: { en: 'Need #{id} is cancelled. Describe a new need any time.', zh: '需求 #{id} 已取消。随时可以描述新的需求。' },
  welcomeBack: { en: 'Welcome back — let us continue with need #{id}.', zh: '欢迎回来，我们继续填写需求 #{id}。' },
  newDescription: { en: 'Type the new description of your need.', zh: '请输入新的需求描述。' },
  reviewHint: { en: 'Type the number of Submit, or pick what to change.', zh: '请输入“提交”对应的编号，或选择要修改的项目。' },
} satisfies Record<string, Record<Lang, string>>;

export type IntakeTextKey = keyof typeof INTAKE_TEXT;

export const say = (key: IntakeTextKey, lang: Lang, vars: Record<string, string | number> = {}): string =>
  INTAKE_TEXT[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

/** Typed words that mean "submit" in either language. */
export const isSubmitWord = (text: string) => /^(submit|send|提交|确认)$/i.test(text.trim());
