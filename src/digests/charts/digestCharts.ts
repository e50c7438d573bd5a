import type { Attachment } from '../../messages/reply.js';
import type { DigestLanguage } from '../../../storage/repositories/digestSubscriptions.js';
import type { DigestContent, ProspectLevel } from '../digestContent.js';
import { digestWords } from '../digestText.js';
import { pipelineLines } from '../digestSections.js';
import type { Plugin } from 'chart.js';
import { canDrawChinese, renderChartPng } from './renderChart.js';

const PIPELINE_CHART_FILE = 'digest-pipeline.png';
const EVALUATION_CHART_FILE = 'digest-evaluation.png';

const LEVEL_Y: Record<ProspectLevel, number> = { low: 1, medium: 2, high: 3 };
const FONT = { family: 'sans-serif', size: 14 };

/** The digest's charts as PNG attachments: the pipeline always, the evaluation matrix when there is one. */
export async function digestCharts(content: DigestContent, language: DigestLanguage): Promise<Attachment[]> {
  const charts = [await pipelineChart(content, language)];
  if (content.evaluation.length > 0) charts.push(await evaluationChart(content, language));
  return charts;
}

/** Chart labels in the digest language when a font can draw it, else in English (the alt text stays in the language). */
const chartWords = (language: DigestLanguage) => digestWords(language === 'zh' && !canDrawChinese() ? 'en' : language);

async function pipelineChart(content: DigestContent, language: DigestLanguage): Promise<Attachment> {
  const w = chartWords(language);
  const stages = content.pipeline;
  const data = await renderChartPng({
    type: 'bar',
    data: {
      labels: stages.map((s) => w.stages[s.stage]),
      datasets: [
        { label: w.columns.atStart, data: stages.map((s) => s.atStart), backgroundColor: '#b8c4d6' },
        { label: w.columns.atEnd, data: stages.map((s) => s.atEnd), backgroundColor: '#2f6fdf' },
      ],
    },
    options: {
      plugins: { title: { display: true, text: w.pipeline, font: { ...FONT, size: 18 } }, legend: { labels: { font: FONT } } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0, font: FONT } }, x: { ticks: { font: FONT } } },
    },
  });
  const alt = digestWords(language);
  return { filename: PIPELINE_CHART_FILE, contentType: 'image/png', data, altText: alt.pipelineAlt(pipelineLines(content, alt).join('; ')) };
}

async function evaluationChart(content: DigestContent, language: DigestLanguage): Promise<Attachment> {
  const w = chartWords(language);
  const cells = new Map<string, { x: number; y: number; n: number }>();
  for (const o of content.evaluation) {
    const x = o.trl ?? 0;
    const y = LEVEL_Y[o.level];
    const cell = cells.get(`${x}:${y}`) ?? { x, y, n: 0 };
    cells.set(`${x}:${y}`, { ...cell, n: cell.n + 1 });
  }
  const levelName = Object.fromEntries(Object.entries(LEVEL_Y).map(([level, y]) => [y, w.prospect[level as ProspectLevel]]));
  const points = [...cells.values()];
  const data = await renderChartPng({
    type: 'bubble',
    data: {
      datasets: [{
        label: w.columns.outcome,
        data: points.map((c) => ({ x: c.x, y: c.y, r: Math.min(40, 10 + 4 * Math.sqrt(c.n)) })),
        backgroundColor: 'rgba(47, 111, 223, 0.55)',
        borderColor: '#2f6fdf',
      }],
    },
    options: {
      plugins: { title: { display: true, text: w.evaluation, font: { ...FONT, size: 18 } }, legend: { display: false } },
      scales: {
        x: {
          min: -0.5, max: 9.5, title: { display: true, text: w.columns.trl, font: FONT },
          afterBuildTicks: (axis) => void (axis.ticks = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((value) => ({ value }))),
          ticks: { font: FONT, callback: (v) => (v === 0 ? '?' : String(v)) },
        },
        y: {
          min: 0.5, max: 3.5, title: { display: true, text: w.columns.prospect, font: FONT },
          afterBuildTicks: (axis) => void (axis.ticks = [1, 2, 3].map((value) => ({ value }))),
          ticks: { font: FONT, callback: (v) => levelName[Number(v)] ?? '' },
        },
      },
    },
    plugins: [countLabels(points.map((c) => c.n))],
  });
  return { filename: EVALUATION_CHART_FILE, contentType: 'image/png', data, altText: digestWords(language).evaluationAlt };
}

/** Writes each bubble's number of outcomes in its middle. */
function countLabels(counts: readonly number[]): Plugin {
  return {
    id: 'countLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = `bold ${FONT.size}px ${FONT.family}`;
      ctx.fillStyle = '#102a5c';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      chart.getDatasetMeta(0).data.forEach((point, i) => ctx.fillText(String(counts[i] ?? ''), point.x, point.y));
      ctx.restore();
    },
  };
}
