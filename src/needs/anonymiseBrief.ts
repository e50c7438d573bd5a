import type { NeedRecord } from '../../storage/repositories/needs.js';
import { briefSummary } from './brief/storedBrief.js';

/** The need's summary without the company name (for channels and anyone not allowed to see it). */
export function anonymisedSummary(need: NeedRecord): string {
  const summary = briefSummary(need.brief)?.summary ?? need.text;
  const company = need.constraints.company ?? need.orgName;
  if (!company || company.trim().length < 2) return summary;
  const escaped = company.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return summary.replace(new RegExp(escaped, 'giu'), '[company]');
}
