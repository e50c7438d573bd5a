import type { DigestContent } from '../digests/digestContent.js';

/** One CSV file per table of the digest: file name → its text (a header row even when empty). */
export function reportCsvFiles(c: DigestContent): Map<string, string> {
  const iso = (d: Date) => d.toISOString();
  return new Map([
    ['new-needs.csv', table(['need_id', 'stage', 'who', 'broker', 'confidential', 'summary'], c.newNeeds.map((n) => [n.id, n.stage, n.who, n.broker, n.confidential, n.summary]))],
    ['candidates.csv', table(
      ['need_id', 'need_summary', 'outcome_id', 'title', 'institution', 'trl', 'strength', 'change'],
      c.candidates.flatMap((g) => g.outcomes.map((o) => [g.need.id, g.need.summary, o.id, o.title, o.institution, o.trl, o.strength, o.change])),
    )],
    ['pipeline.csv', table(['stage', 'at_start', 'at_end', 'entered', 'left'], c.pipeline.map((s) => [s.stage, s.atStart, s.atEnd, s.entered, s.left]))],
    ['bottlenecks.csv', table(
      ['discipline', 'need_id', 'stage', 'best_strength', 'summary'],
      c.bottlenecks.flatMap((b) => b.needs.map((n) => [b.discipline, n.id, n.stage, n.bestStrength, n.summary])),
    )],
    ['evaluation.csv', table(
      ['outcome_id', 'title', 'institution', 'trl', 'matching_needs', 'prospect', 'level'],
      c.evaluation.map((o) => [o.id, o.title, o.institution, o.trl, o.matchingNeeds, o.prospect, o.level]),
    )],
    ['meetings.csv', table(['kind', 'id', 'need_id', 'at', 'detail'], [
      ...c.meetings.held.map((m) => ['due', m.id, m.needId, iso(m.startsAt), m.status]),
      ...c.meetings.upcoming.map((m) => ['upcoming', m.id, m.needId, iso(m.startsAt), m.status]),
      ...c.meetings.feedback.map((f) => ['feedback', f.meetingId, f.needId, undefined, `${f.role}; usefulness ${f.usefulness ?? ''}; next ${f.nextStep}`]),
      ...c.meetings.introsWaiting.map((i) => ['intro_waiting', i.id, i.needId, iso(i.since), i.waitingFor.join('+')]),
    ])],
  ]);
}

type Cell = string | number | boolean | undefined;

function table(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so spreadsheets never run it as a formula. */
function cell(v: Cell): string {
  if (v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
