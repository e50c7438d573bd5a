/**
 * Builds storage/sample/outcomes.jsonl.gz, the outcomes loaded on first start of the embedded
 * default, and storage/sample/ATTRIBUTION.md, from three staged corpora in shared/data:
 *   npx tsx scripts/build-sample.ts [DATA_DIR]        (default /work/shared/data)
 * Records are picked by a stable hash of their id (the smallest sha1 values), not at random,
 * so running it again yields the same file byte for byte.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { outcomeSchema, type Outcome } from '../src/outcomes/outcome.js';
import { describeIssues } from '../src/outcomes/describeIssues.js';
import { titleFromText } from '../src/outcomes/titleFromText.js';

const DATA_DIR = resolve(process.argv[2] ?? '/work/shared/data');
const OUT_DIR = resolve(import.meta.dirname, '../storage/sample');

type Raw = Record<string, unknown> & { id: string; text: string };

interface Source {
  folder: string;
  take: number;
  toOutcome(raw: Raw): Record<string, unknown>;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const list = (...vs: unknown[]) => [...new Set(vs.flat().map(str).filter((v): v is string => v !== undefined))];

/** Publication numbers that start with the publication year: US2017…A1, WO2009…, JP2009…A. */
function publicationYear(id: string): number | undefined {
  const m = /^(?:US(\d{4})\d{7}|WO(\d{4})\d{6}|JP(\d{4})\d{6})[A-Z]\d?$/.exec(id);
  const year = Number(m?.[1] ?? m?.[2] ?? m?.[3]);
  return year >= 1990 && year <= 2030 ? year : undefined;
}

/** Kind codes: B* is a granted patent at US/EP/JP; A* is a published application (WO: PCT). */
function ipStatus(id: string): string | undefined {
  const code = /([A-Z])\d?$/.exec(id)?.[1];
  return code === 'B' ? 'granted patent' : code === 'A' ? 'published application' : undefined;
}

const SOURCES: Source[] = [
  {
    folder: 'patents_thermal_en',
    take: 1_500,
    toOutcome: (r) => ({
      sourceId: r.id,
      kind: 'patent',
      title: titleFromText(r.text),
      abstract: r.text,
      disciplines: list(r.discipline),
      keywords: [],
      year: publicationYear(r.id),
      ipStatus: ipStatus(r.id),
      region: str(r.office),
      url: `https://patents.google.com/patent/${encodeURIComponent(r.id)}`,
      language: 'en',
    }),
  },
  {
    folder: 'csl_zh',
    take: 1_500,
    toOutcome: (r) => ({
      sourceId: r.id,
      kind: 'paper',
      title: r.title,
      abstract: r.text,
      // Broad CSL category (工学) first, then the discipline (机械工程).
      disciplines: list(r.category, r.discipline),
      keywords: list(r.keywords),
      region: 'CN', // Chinese core journals
      language: 'zh',
    }),
  },
  {
    folder: 'arxiv_abstracts_en',
    take: 1_000,
    toOutcome: (r) => ({
      sourceId: r.id,
      kind: 'paper',
      title: titleFromText(r.text),
      abstract: r.text,
      disciplines: list(r.discipline),
      keywords: [],
      language: 'en',
    }),
  },
];

const rank = (id: string) => createHash('sha1').update(id).digest('hex');

function readCorpus(folder: string): Raw[] {
  const text = gunzipSync(readFileSync(join(DATA_DIR, folder, 'corpus.jsonl.gz'))).toString('utf8');
  return text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Raw);
}

/** The "## Origin" section of a SOURCE.md, verbatim. */
function originSection(folder: string): { intro: string; origin: string } {
  const md = readFileSync(join(DATA_DIR, folder, 'SOURCE.md'), 'utf8');
  const intro = /^What it is:.*$/m.exec(md)?.[0] ?? '';
  const origin = /## Origin\n([\s\S]*?)(?=\n## |$)/.exec(md)?.[1]?.trim() ?? '';
  return { intro, origin };
}

const lines: string[] = [];
const picked: { folder: string; count: number; of: number }[] = [];
for (const source of SOURCES) {
  const all = readCorpus(source.folder);
  const chosen = [...all].sort((a, b) => (rank(a.id) < rank(b.id) ? -1 : 1)).slice(0, source.take);
  const keep = new Set(chosen.map((r) => r.id));
  let count = 0;
  for (const raw of all.filter((r) => keep.has(r.id))) {
    const parsed = outcomeSchema.safeParse(source.toOutcome(raw));
    if (!parsed.success) {
      console.warn(`${source.folder} ${raw.id}: skipped (${describeIssues(parsed.error)})`);
      continue;
    }
    lines.push(JSON.stringify(withoutEmpty(parsed.data)));
    count++;
  }
  picked.push({ folder: source.folder, count, of: all.length });
}

function withoutEmpty(o: Outcome): Partial<Outcome> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

mkdirSync(OUT_DIR, { recursive: true });
const gz = gzipSync(`${lines.join('\n')}\n`, { level: 9 });
// The gzip header has no timestamp from zlib, so identical input gives identical bytes.
writeFileSync(join(OUT_DIR, 'outcomes.jsonl.gz'), gz);
writeFileSync(join(OUT_DIR, 'ATTRIBUTION.md'), attribution());
console.log(`Wrote ${lines.length} outcomes (${(gz.length / 1024 / 1024).toFixed(2)} MB) to ${join(OUT_DIR, 'outcomes.jsonl.gz')}`);
for (const p of picked) console.log(`  ${p.folder}: ${p.count} of ${p.of}`);

function attribution(): string {
  const parts = [
    '# Sample outcomes: sources and attribution',
    '',
    '`outcomes.jsonl.gz` holds a deterministic sample of public records, converted to the Liaison',
    'outcome schema (`src/outcomes/outcome.ts`) by `scripts/build-sample.ts`. Records were chosen by',
    'the smallest SHA-1 of their id, not at random; re-running the script gives the same file.',
    'Liaison loads it into an empty embedded database on first start (`LOAD_SAMPLE_DATA=true`).',
    '',
    'None of these records is a real university outcome offered for licensing: they are public',
    'patent and paper abstracts used as a realistic stand-in for a technology-transfer catalogue.',
    '',
  ];
  const notes: Record<string, string[]> = {
    patents_thermal_en: [
      'Converted as: kind `patent`; title = first sentence of the abstract (the source has no titles);',
      'disciplines = the IPC subgroup (e.g. "IPC F27D 17/00"); region = patent office (US, EP, JP, WO = PCT);',
      'year = publication year where the publication number carries it (US/WO/JP applications);',
      'IP status from the kind code (B = granted, A = published application); url = Google Patents page.',
      'Assignees are not limited to universities; some abstracts were machine-translated by the source author.',
    ],
    csl_zh: [
      'Converted as: kind `paper`, language `zh`; disciplines = CSL category then discipline; keywords kept;',
      'region `CN`. No year or url (not available per record).',
    ],
    arxiv_abstracts_en: [
      'Converted as: kind `paper`; title = first sentence of the abstract (the source has no titles);',
      'disciplines = the arXiv search term the collector used (not a curated label). No year or url.',
    ],
  };
  for (const p of picked) {
    const { intro, origin } = originSection(p.folder);
    parts.push(
      `## ${p.folder} — ${p.count.toLocaleString('en')} of ${p.of.toLocaleString('en')} records`,
      '',
      intro,
      '',
      '### Origin and licence (from shared/data/' + p.folder + '/SOURCE.md)',
      '',
      origin,
      '',
      ...(notes[p.folder] ?? []),
      '',
    );
  }
  return `${parts.join('\n').trimEnd()}\n`;
}
