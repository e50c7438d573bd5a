/**
 * Removes personal data before a need leaves the machine: e-mail addresses, phone numbers,
 * URLs, people's names (after "my name is", titles, signatures, 我叫/联系人, or known names),
 * and — for a confidential need — company names (legal-form suffixes, 有限公司/集团/厂, known
 * names). Technical content is kept. Each removal leaves a placeholder.
 */
export interface RedactOptions {
  confidential?: boolean;
  knownNames?: string[];
  knownOrgs?: string[];
}

export interface Redaction {
  text: string;
  /** What kinds were removed and how often, e.g. { email: 1, phone: 2 } (never the values). */
  removed: Record<string, number>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const NAME = "[A-Z][a-z'’-]+(?:\\s+[A-Z][a-z'’-]+){0,2}";
const ORG_SUFFIX = '(?:Co\\.?,?\\s*Ltd\\.?|Ltd\\.?|Limited|Inc\\.?|Corp\\.?|Corporation|GmbH|AG|S\\.?A\\.?|LLC|PLC|plc|B\\.V\\.|Group|Company)';

export function redact(input: string, opts: RedactOptions = {}): Redaction {
  const removed: Record<string, number> = {};
  let text = input;
  const sub = (kind: string, re: RegExp, placeholder: string | ((m: string, ...g: string[]) => string)) => {
    text = text.replace(re, (...args: unknown[]) => {
      removed[kind] = (removed[kind] ?? 0) + 1;
      return typeof placeholder === 'string' ? placeholder : placeholder(...(args as [string, ...string[]]));
    });
  };
  sub('email', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, '[EMAIL]');
  sub('url', /\bhttps?:\/\/\S+|\bwww\.\S+/gi, '[URL]');
  sub('phone', /(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}[\s.-]\d{3,4}[\s.-]\d{3,4}\b|(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)|\+\d{8,15}\b/g, '[PHONE]');
  for (const n of (opts.knownNames ?? []).filter((x) => x.trim().length > 1)) sub('name', new RegExp(escape(n.trim()), 'giu'), '[PERSON]');
  sub('name', new RegExp(`\\b(my name is|i am|i'm|this is|contact|ask for|regards,?|thanks,?|cheers,?|best,?)\\s+(${NAME})`, 'g'), (_m, lead) => `${lead} [PERSON]`);
  sub('name', new RegExp(`\\b(Mr|Mrs|Ms|Miss|Dr|Prof)\\.?\\s+${NAME}`, 'g'), '[PERSON]');
  sub('name', /(我叫|我是|联系人[:：]?|联系|找)([\u4e00-\u9fff]{2,3})(?=[，,。.\s]|$|先生|女士|经理|工程师)/g, (_m, lead) => `${lead}[PERSON]`);
  sub('name', /[\u4e00-\u9fff](?:先生|女士|经理|总工|工程师|主任|老师|博士)/g, '[PERSON]');
  if (opts.confidential) {
    for (const o of (opts.knownOrgs ?? []).filter((x) => x.trim().length > 1)) sub('company', new RegExp(escape(o.trim()), 'giu'), '[COMPANY]');
    sub('company', new RegExp(`\\b(?:[A-Z][\\w&'’-]*\\s+){1,4}${ORG_SUFFIX}(?=[\\s.,;:!?)]|$)`, 'g'), '[COMPANY]');
    sub('company', /[\u4e00-\u9fff]{2,10}(?:股份有限公司|有限责任公司|有限公司|集团公司|集团)/g, '[COMPANY]');
  }
  return { text, removed };
}
