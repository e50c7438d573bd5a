import { DateTime } from 'luxon';
import type { DigestLanguage } from '../../storage/repositories/digestSubscriptions.js';
import { fosField } from '../translate/fos2007.js';
import type { DigestContent, DigestNeed, EvaluatedOutcome, ProspectLevel } from './digestContent.js';
import { digestWords, type DigestWords } from './digestText.js';

/** One part of a digest as words: a title, an optional line under it, groups of items. */
export interface DigestSection {
  key: 'newNeeds' | 'candidates' | 'meetings' | 'pipeline' | 'bottlenecks' | 'evaluation';
  title: string;
  intro?: string;
  groups: { heading?: string; items: string[] }[];
}

/** How dates and words are shown: the channel's language and time zone. */
export interface DigestLocale {
  language: DigestLanguage;
  timeZone: string;
}

const SUMMARY_CHARS = 90;
const TRL_BANDS: { label: string; test: (trl?: number) => boolean }[] = [
  { label: 'TRL 7–9', test: (t) => t !== undefined && t >= 7 },
  { label: 'TRL 4–6', test: (t) => t !== undefined && t >= 4 && t <= 6 },
  { label: 'TRL 1–3', test: (t) => t !== undefined && t <= 3 },
];
const LEVELS: ProspectLevel[] = ['high', 'medium', 'low'];

export const formatWhen = (at: Date, locale: DigestLocale): string =>
  DateTime.fromJSDate(at, { zone: locale.timeZone }).setLocale(locale.language === 'zh' ? 'zh-CN' : 'en-GB').toLocaleString(DateTime.DATETIME_MED);

export const periodTitle = (content: DigestContent, locale: DigestLocale): string =>
  digestWords(locale.language).title(`${formatWhen(content.period.from, locale)} – ${formatWhen(content.period.to, locale)}`);

/** The digest's sections with something to say, in reading order (empty ones are left out). */
export function digestSections(content: DigestContent, locale: DigestLocale): DigestSection[] {
  const w = digestWords(locale.language);
  const sections: DigestSection[] = [
    { key: 'newNeeds', title: w.newNeeds, groups: [{ items: content.newNeeds.map((n) => needLine(n, w)) }] },
    {
      key: 'candidates',
      title: w.candidates,
      groups: content.candidates.map((g) => ({
        heading: w.candidatesFor(g.outcomes.length, needRef(g.need)),
        items: g.outcomes.map((o) => [o.title, o.institution, trlText(o.trl, w), w.covers(pct(o.strength)), w.change[o.change]].filter(Boolean).join(' · ')),
      })),
    },
    meetingsSection(content, locale, w),
    pipelineSection(content, w),
    {
      key: 'bottlenecks',
      title: w.bottlenecks,
      intro: w.bottleneckIntro,
      groups: content.bottlenecks.map((b) => ({
        heading: `${disciplineLabel(b.discipline, locale.language, w)} (${b.needs.length})`,
        items: b.needs.map((n) => `${needLine(n, w)} (${w.bestCovers(pct(n.bestStrength))})`),
      })),
    },
    evaluationSection(content.evaluation, w),
  ];
  return sections.filter((s) => s.groups.some((g) => g.items.length > 0));
}

function needLine(n: DigestNeed, w: DigestWords): string {
  return [`#${n.id}`, w.stages[n.stage], n.broker ? w.broker(n.broker) : w.noBroker, n.who ?? (n.confidential ? w.anonymised : undefined)]
    .filter(Boolean)
    .join(' · ') + ` — ${short(n.summary)}`;
}

const needRef = (n: DigestNeed) => `#${n.id} “${short(n.summary, 60)}”`;
const short = (text: string, max = SUMMARY_CHARS) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};
const pct = (x: number) => Math.round(x * 100);
const trlText = (trl: number | undefined, w: DigestWords) => (trl === undefined ? w.trlUnknown : `TRL ${trl}`);

function disciplineLabel(code: string, language: DigestLanguage, w: DigestWords): string {
  const field = fosField(code);
  return field ? `${field[language]} (${code})` : w.unknownDiscipline;
}

function meetingsSection(content: DigestContent, locale: DigestLocale, w: DigestWords): DigestSection {
  const m = content.meetings;
  const at = (d: Date) => formatWhen(d, locale);
  const items = [
    ...m.held.map((x) => w.meetingHeld(x.id, x.needId, at(x.startsAt), w.meetingStatus[x.status] ?? x.status)),
    ...m.upcoming.map((x) => w.meetingUpcoming(x.id, x.needId, at(x.startsAt))),
    ...m.feedback.map((f) => w.feedbackLine(f.meetingId, w.parties[f.role] ?? f.role, f.usefulness === undefined ? '–' : `${f.usefulness}/5`, w.nextSteps[f.nextStep] ?? f.nextStep)),
    ...m.introsWaiting.map((i) => w.introWaiting(i.id, i.needId, i.waitingFor.map((p) => w.parties[p] ?? p).join(' + '), at(i.since))),
  ];
  return {
    key: 'meetings',
    title: w.meetings,
    intro: w.meetingsCounts(m.held.length, m.upcoming.length, m.feedback.length, m.introsWaiting.length),
    groups: [{ items }],
  };
}

/** The pipeline as text, stage by stage: what the chart shows, for screen readers and reports. */
export function pipelineLines(content: DigestContent, w: DigestWords): string[] {
  return content.pipeline
    .filter((s) => s.atStart + s.atEnd + s.entered + s.left > 0)
    .map((s) => {
      const diff = s.atEnd - s.atStart;
      return w.pipelineLine(w.stages[s.stage], s.atEnd, diff > 0 ? `+${diff}` : diff < 0 ? `−${-diff}` : '±0', s.entered, s.left);
    });
}

function pipelineSection(content: DigestContent, w: DigestWords): DigestSection {
  return { key: 'pipeline', title: w.pipeline, groups: [{ items: pipelineLines(content, w) }] };
}

/** The TRL × prospect matrix as counts per band, then the outcomes, best prospects first. */
function evaluationMatrix(outcomes: readonly EvaluatedOutcome[]): { band: string; counts: Record<ProspectLevel, number> }[] {
  const bands = [...TRL_BANDS, { label: 'TRL ?', test: (t?: number) => t === undefined }];
  return bands.map((b) => {
    const inBand = outcomes.filter((o) => b.test(o.trl));
    return { band: b.label, counts: Object.fromEntries(LEVELS.map((l) => [l, inBand.filter((o) => o.level === l).length])) as Record<ProspectLevel, number> };
  }).filter((row) => LEVELS.some((l) => row.counts[l] > 0));
}

function evaluationSection(outcomes: readonly EvaluatedOutcome[], w: DigestWords): DigestSection {
  const matrix = evaluationMatrix(outcomes).map((row) => `${row.band}: ${LEVELS.map((l) => `${w.prospect[l]} ${row.counts[l]}`).join(' · ')}`);
  return {
    key: 'evaluation',
    title: w.evaluation,
    intro: w.evaluationIntro,
    groups: outcomes.length === 0 ? [] : [
      { heading: w.matrixHeading, items: matrix },
      {
        heading: w.bestProspects,
        items: outcomes.map((o) => [o.title, o.institution, trlText(o.trl, w), w.prospectOf(w.prospect[o.level], o.matchingNeeds)].filter(Boolean).join(' · ')),
      },
    ],
  };
}
