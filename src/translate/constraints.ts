import type { BriefConstraints } from './brief.js';
import { chinaRegions } from './lexicon/chinaRegions.js';

/**
 * Hard constraints stated in a need's own words (English or Chinese): required technology
 * readiness level, budget band, timeline, region, IP expectations, confidentiality. Only
 * what the text says; anything missing becomes an open question.
 */
export function extractConstraints(text: string): BriefConstraints {
  const c: BriefConstraints = {};
  const trl = text.match(/\bTRL\s*(?:of\s*|level\s*|≥\s*|>=\s*|at least\s*)?(\d)(?:\s*[-–~to]+\s*(\d))?/i) ?? text.match(/技术成熟度\D{0,6}(\d)(?:\s*[-–~到至]\s*(\d))?/);
  if (trl) c.trl = { min: Number(trl[1]), ...(trl[2] ? { max: Number(trl[2]) } : {}) };
  const budget =
    text.match(/(?:budget|funding|spend|invest)[^.;!?\n]{0,40}?((?:US\$|\$|€|£|¥|RMB|CNY|USD|EUR)\s?\d[\d,.]*\s?(?:k|m|million|thousand|bn)?|\d[\d,.]*\s?(?:k|m|million|thousand)?\s?(?:dollars|euros|yuan|USD|EUR|RMB))/i) ??
    text.match(/((?:US\$|\$|€|£|¥)\s?\d[\d,.]*\s?(?:k|m|million|thousand|bn)?)/i) ??
    text.match(/(?:预算|经费|投入|资金)[^。；！？\n]{0,12}?(\d[\d,.]*\s?(?:万|亿|千)?元?)/) ??
    text.match(/(\d[\d,.]*\s?(?:万|亿)元)/);
  if (budget) c.budgetBand = budget[1]!.trim();
  const timeline =
    text.match(/\b((?:within|in|by|over|next)\s+(?:the\s+next\s+)?\d+\s*(?:days?|weeks?|months?|years?|quarters?))\b/i) ??
    text.match(/\b(by\s+(?:the\s+end\s+of\s+)?(?:Q[1-4]\s*)?(?:20\d\d|next year|this year|January|February|March|April|May|June|July|August|September|October|November|December))\b/i) ??
    text.match(/(\d+\s*(?:个月|周|年|天)(?:内|之内)?|年底前?|年内|明年|春节前|下半年|上半年)/);
  if (timeline) c.timeline = timeline[1]!.trim();
  const region =
    text.match(/\b(?:in|near|based in|located in|around)\s+((?:the\s+)?(?:EU|UK|US|USA|Europe|Asia|China|Germany|France|Japan|Korea|India|[A-Z][a-z]+ (?:Province|State|Region)|Guangdong|Jiangsu|Zhejiang|Shandong|Beijing|Shanghai|Shenzhen|Xinjiang|Sichuan|Hubei|Henan|Hunan|Fujian))\b/)?.[1]?.trim() ??
    (/\p{Script=Han}/u.test(text) ? chinaRegions().find(text) : undefined);
  if (region) c.region = region;
  const ip = text.match(/[^.;!?\n。；！？]*\b(?:patents?|licen[cs](?:e|ing)|exclusive|IP|intellectual property|royalt(?:y|ies))\b[^.;!?\n]*/i) ?? text.match(/[^。；！？\n]*(?:专利|许可|独占|知识产权)[^。；！？\n]*/);
  if (ip) c.ip = ip[0].trim().slice(0, 300);
  const conf = text.match(/[^.;!?\n]*\b(?:confidential|NDA|non-disclosure|trade secret|secret)\b[^.;!?\n]*/i) ?? text.match(/[^。；！？\n]*(?:保密|机密|不公开|不能公开)[^。；！？\n]*/);
  if (conf) c.confidentiality = conf[0].trim().slice(0, 300);
  return c;
}

const CONSTRAINT_PHRASES: RegExp[] = [
  /\b(?:our\s+|the\s+|a\s+)?(?:budget|funding)\b[^.;!?\n]{0,60}?(?:(?:US\$|\$|€|£|¥|RMB|CNY|USD|EUR)\s?\d[\d,.]*\s?(?:k|m|million|thousand|bn)?|\d[\d,.]*\s?(?:k|m|million|thousand)?\s?(?:dollars|euros|yuan|USD|EUR|RMB))/gi,
  /(?:US\$|\$|€|£|¥)\s?\d[\d,.]*\s?(?:k|m|million|thousand|bn)?/gi,
  /\d[\d,.]*\s?(?:k|m|million|thousand)?\s?(?:dollars|euros|yuan|USD|EUR|RMB)\b/gi,
  /\b(?:within|in|by|over|next)\s+(?:the\s+next\s+)?\d+\s*(?:days?|weeks?|months?|years?|quarters?)\b/gi,
  /\bby\s+(?:the\s+end\s+of\s+)?(?:Q[1-4]\s*)?(?:20\d\d|next year|this year|January|February|March|April|May|June|July|August|September|October|November|December)\b/gi,
  /\b(?:[Bb]ased|[Ll]ocated|[Hh]eadquartered)\s+in\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*/g,
  /\bTRL\s*(?:of\s*|level\s*|≥\s*|>=\s*|at least\s*)?\d(?:\s*[-–~to]+\s*\d)?/gi,
  /(?:预算|经费|投入|资金)[^。；！？\n]{0,12}?\d[\d,.]*\s?(?:万|亿|千)?元?/g,
  /\d[\d,.]*\s?(?:万|亿)元/g,
  /\d+\s*(?:个月|周|年|天)(?:内|之内)?|年底前?|年内|明年|春节前|下半年|上半年/g,
];

/** Sentences about money, deadlines and paperwork only: dropped whole when they hold no other content. */
const CONSTRAINT_SENTENCE = /\b(?:budget|funding|deadline|timeline|confidential|NDA|non-disclosure|licen[cs](?:e|ing)|royalt(?:y|ies))\b|预算|经费|保密|期限|许可/i;

/**
 * The need without its stated constraints (budget, timeline, TRL, money amounts): these go to
 * the brief's constraints, and their words ("budget", "months", "$50k") say nothing about the
 * research wanted. Short sentences that are only about such terms are dropped whole.
 */
export function stripConstraints(text: string): string {
  const sentences = text.split(/(?<=[.;!?。；！？，\n])/);
  return sentences
    .map((s) => {
      let out = s;
      for (const re of CONSTRAINT_PHRASES) out = out.replace(re, ' ');
      if (CONSTRAINT_SENTENCE.test(s) && (out.match(/[A-Za-z]{3,}/g)?.length ?? 0) + (out.match(/\p{Script=Han}/gu)?.length ?? 0) / 2 <= 6) return ' ';
      return out;
    })
    .join('');
}
