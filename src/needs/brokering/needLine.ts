import type { NeedRecord } from '../../../storage/repositories/needs.js';
import { anonymisedSummary } from '../anonymiseBrief.js';
import { canSeeIdentity, type Viewer } from '../permissions.js';

/** Whole days between two instants, e.g. "3d". */
export const ageInDays = (from: Date, now: Date) => `${Math.max(0, Math.floor((now.getTime() - from.getTime()) / 86_400_000))}d`;

/** One line per need in lists: number, stage, age, owner (when allowed), broker, summary. */
export function needLine(need: NeedRecord, viewer: Viewer, now: Date): string {
  const identity = canSeeIdentity(viewer, need);
  const who = identity ? (need.constraints.company ?? need.orgName ?? need.ownerName ?? 'unknown') : 'anonymised';
  const summary = identity ? need.text : anonymisedSummary(need);
  const short = summary.length > 70 ? `${summary.slice(0, 70)}…` : summary;
  return `#${need.id} · ${need.status} · ${ageInDays(need.createdAt, now)} · ${who} · broker: ${need.brokerName ?? 'none'} — ${short}`;
}
