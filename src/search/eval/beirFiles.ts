import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';

export interface BeirDoc {
  _id: string;
  title?: string;
  text?: string;
  [field: string]: unknown;
}

export interface BeirQuery {
  _id: string;
  text: string;
  kind?: string;
  lang?: string;
  [field: string]: unknown;
}

/** query id → corpus id → grade (only positive grades kept). */
export type Qrels = Map<string, Map<string, number>>;

/** Lines of a text file, gunzipped when the name ends in .gz. */
export async function* readLines(path: string): AsyncGenerator<string> {
  const raw = createReadStream(path);
  const input = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') yield line;
}

/** BEIR JSON-lines records (corpus or queries); a line without an `_id` is an error naming the line. */
export async function readJsonLines<T extends { _id: string }>(path: string): Promise<T[]> {
  const out: T[] = [];
  let n = 0;
  for await (const line of readLines(path)) {
    n++;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch {
      throw new Error(`${path}, line ${n}: not valid JSON`);
    }
    if (!rec || typeof rec !== 'object') throw new Error(`${path}, line ${n}: expected a JSON object`);
    const r = rec as Record<string, unknown>;
    const id = r._id ?? r.id;
    if (typeof id !== 'string' && typeof id !== 'number') throw new Error(`${path}, line ${n}: no "_id"`);
    out.push({ ...r, _id: String(id) } as T);
  }
  return out;
}

/** BEIR qrels TSV: `query-id corpus-id score`, with or without a header row. */
export async function readQrels(path: string): Promise<Qrels> {
  const qrels: Qrels = new Map();
  for await (const line of readLines(path)) {
    const [q, d, s] = line.split(/\t| +/);
    const grade = Number(s);
    if (!q || !d || !Number.isFinite(grade)) continue; // header or malformed row
    if (grade <= 0) continue;
    let m = qrels.get(q);
    if (!m) qrels.set(q, (m = new Map()));
    m.set(d, grade);
  }
  return qrels;
}
