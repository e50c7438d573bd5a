import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type ChartItem, type Plugin } from 'chart.js';

Chart.register(...registerables);

export const CHART_WIDTH = 900;
export const CHART_HEIGHT = 450;

/** Paints the background white first: a PNG with a transparent background is unreadable in dark mode. */
const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/**
 * Renders a Chart.js chart to PNG on the server (a @napi-rs/canvas canvas, no browser): no
 * animation, no resizing, one frame drawn at once.
 */
export async function renderChartPng(config: ChartConfiguration): Promise<Uint8Array> {
  const canvas = createCanvas(CHART_WIDTH, CHART_HEIGHT);
  const chart = new Chart(canvas.getContext('2d') as unknown as ChartItem, {
    ...config,
    options: { ...config.options, animation: false, responsive: false, maintainAspectRatio: false, devicePixelRatio: 1 },
    plugins: [...(config.plugins ?? []), whiteBackground],
  });
  try {
    return new Uint8Array(await canvas.encode('png'));
  } finally {
    chart.destroy();
  }
}

const CJK_FAMILY = /cjk|hei|song|kai|ming|wenquanyi|wqy|sc$|tc$|han sans|han serif|pingfang|yahei|fang/i;

/** Can charts draw Chinese labels? Only with a CJK font installed (e.g. fonts-noto-cjk); else they use English. */
export const canDrawChinese = (): boolean => GlobalFonts.families.some((f) => CJK_FAMILY.test(f.family));
