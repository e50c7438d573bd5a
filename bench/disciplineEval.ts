/**
 * How well the offline brief's disciplines (OECD FOS 2007) match a known field: CSL's Chinese
 * papers, each labelled with its discipline by its authors' journal, are translated as if each
 * were a need (title and abstract), and the suggested fields are compared with the FOS fields
 * that discipline maps to (src/translate/offline/moeFields.ts).
 *
 *   D=../shared/data
 *   npx tsx bench/disciplineEval.ts --write-corpus /tmp/held-out.jsonl.gz   # outcomes_mixed without the sampled papers
 *   npx liaison eval --corpus /tmp/held-out.jsonl.gz --queries $D/enterprise_needs/queries.jsonl \
 *     --qrels $D/enterprise_needs/qrels.tsv --data-dir STORE                 # builds the store
 *   npx tsx bench/disciplineEval.ts --data-dir STORE [--per-discipline 10]
 *
 * The sampled papers are held out of the store, so their own labels cannot vote for their fields
 * (the run refuses a store that holds one). Prints a table per CSL category, then one JSON line.
 */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { parseArgs } from 'node:util';
import { readJsonLines } from '../src/search/eval/beirFiles.js';
import { openPglite } from '../storage/pgliteDb.js';
import { readOutcomeFile } from '../src/outcomes/readers/readOutcomeFile.js';
import { createOfflineTranslator } from '../src/translate/offline/offlineTranslator.js';
import { searchFeedback } from '../src/translate/searchFeedback.js';
import { moeFields } from '../src/translate/offline/moeFields.js';
import { SHARED_DATA_DIR } from './sharedDir.js';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, 'write-corpus': { type: 'string' }, 'per-discipline': { type: 'string', default: '10' } } });
if (!values['data-dir'] && !values['write-corpus']) throw new Error('--write-corpus FILE or --data-dir STORE is required (see the comment at the top)');
const perDiscipline = Number(values['per-discipline']);

// An even sample: the first N papers of each mapped discipline, in file order.
const papers: { id: string; text: string; category: string; accepted: readonly string[] }[] = [];
const taken = new Map<string, number>();
for await (const row of readOutcomeFile(`${SHARED_DATA_DIR}/outcomes_mixed/corpus.jsonl.gz`, { format: 'beir' })) {
  if (!row.record || typeof row.record !== 'object') continue;
  const r = row.record as { title?: string; abstract?: string; disciplines?: string[] };
  const [category, discipline] = r.disciplines ?? [];
  const accepted = discipline ? moeFields(discipline) : undefined;
  if (!category || !discipline || !accepted || (taken.get(discipline) ?? 0) >= perDiscipline) continue;
  taken.set(discipline, (taken.get(discipline) ?? 0) + 1);
  papers.push({ id: String((row.record as { sourceId?: string }).sourceId), text: `${r.title ?? ''}。${r.abstract ?? ''}`, category, accepted });
}

if (values['write-corpus']) {
  const sampled = new Set(papers.map((p) => p.id));
  const kept = (await readJsonLines<{ _id: string }>(`${SHARED_DATA_DIR}/outcomes_mixed/corpus.jsonl.gz`)).filter((d) => !sampled.has(d._id));
  await pipeline(Readable.from(kept.map((d) => `${JSON.stringify(d)}\n`)), createGzip(), createWriteStream(values['write-corpus']));
  console.log(`wrote ${kept.length} outcomes (${sampled.size} sampled papers held out) to ${values['write-corpus']}`);
  process.exit(0);
}

const db = await openPglite(values['data-dir']!);
const leaked = await db.query<{ n: string }>('SELECT count(*) AS n FROM outcomes WHERE source_id = ANY($1::text[])', [papers.map((p) => p.id)]);
if (Number(leaked.rows[0]?.n) > 0) throw new Error(`the store holds ${leaked.rows[0]?.n} of the sampled papers: build it from --write-corpus's file`);
const corpus = searchFeedback(db);
const translator = createOfflineTranslator(() => corpus);
type Tally = { n: number; top1: number; any: number; shown: number; right: number; none: number };
const tallies = new Map<string, Tally>();
const add = (key: string, p: (typeof papers)[number], codes: string[]) => {
  const t = tallies.get(key) ?? { n: 0, top1: 0, any: 0, shown: 0, right: 0, none: 0 };
  t.n++;
  if (codes.length === 0) t.none++;
  if (codes[0] && p.accepted.includes(codes[0])) t.top1++;
  if (codes.some((c) => p.accepted.includes(c))) t.any++;
  t.shown += codes.length;
  t.right += codes.filter((c) => p.accepted.includes(c)).length;
  tallies.set(key, t);
};
for (const p of papers) {
  const r = await translator.translate({ text: p.text });
  const codes = r.kind === 'brief' ? r.brief.disciplines.map((d) => d.code) : [];
  add('all', p, codes);
  add(p.category, p, codes);
}
await db.close();

const f = (x: number) => x.toFixed(3);
console.log(`${'category'.padEnd(10)} ${'n'.padStart(5)} ${'top1'.padStart(6)} ${'any'.padStart(6)} ${'prec'.padStart(6)} ${'none'.padStart(6)}`);
for (const [k, t] of [...tallies].sort((a, b) => b[1].n - a[1].n)) {
  console.log(`${k.padEnd(10)} ${String(t.n).padStart(5)} ${f(t.top1 / t.n).padStart(6)} ${f(t.any / t.n).padStart(6)} ${f(t.shown ? t.right / t.shown : 0).padStart(6)} ${f(t.none / t.n).padStart(6)}`);
}
const all = tallies.get('all')!;
console.log(JSON.stringify({ bench: 'disciplines', papers: all.n, 'top1': +f(all.top1 / all.n), 'any@3': +f(all.any / all.n), precision: +f(all.shown ? all.right / all.shown : 0), none: +f(all.none / all.n) }));
