import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Services } from '../app/services.js';
import { collectDigest } from '../digests/collectDigest.js';
import { isEmptyDigest } from '../digests/digestContent.js';
import { digestCharts } from '../digests/charts/digestCharts.js';
import { digestWords } from '../digests/digestText.js';
import type { ReportRequest } from './reportArgs.js';
import { reportMarkdown } from './reportMarkdown.js';
import { reportCsvFiles } from './reportCsv.js';

export interface WrittenReport {
  files: string[];
  empty: boolean;
}

/**
 * Writes a workspace's digest for the period as files in `outDir`: report.md, the CSV tables or
 * report.json, and the charts as PNGs beside them. An empty period still gives a valid report.
 */
export async function writeReport(services: Services, workspaceId: string, req: ReportRequest): Promise<WrittenReport> {
  const content = await collectDigest(services, { workspaceId, from: req.from, to: req.to, audience: req.audience });
  const empty = isEmptyDigest(content);
  const charts = empty ? [] : await digestCharts(content, req.language);
  const files = new Map<string, string | Uint8Array>();
  if (req.format === 'md') files.set('report.md', reportMarkdown(content, { language: req.language, timeZone: req.timeZone }, charts));
  if (req.format === 'csv') for (const [name, text] of reportCsvFiles(content)) files.set(name, text);
  if (req.format === 'json') {
    const json = { empty, message: empty ? digestWords(req.language).empty : undefined, charts: charts.map((c) => ({ file: c.filename, altText: c.altText })), ...content };
    files.set('report.json', `${JSON.stringify(json, null, 2)}\n`);
  }
  for (const chart of charts) files.set(chart.filename, chart.data);
  await mkdir(req.outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, data] of files) {
    const path = join(req.outDir, name);
    await writeFile(path, data);
    written.push(path);
  }
  return { files: written, empty };
}
