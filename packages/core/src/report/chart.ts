import { formatNumber } from './format.js';

export interface BarSeries {
  readonly title: string;
  readonly metric: string;
  /** Label → value; the order is kept. Non-finite values are left out. */
  readonly bars: readonly { readonly label: string; readonly value: number }[];
}

/**
 * A mermaid `xychart-beta` bar chart: GitHub renders it in PR comments and
 * step summaries, so the chart needs no image hosting. Returns '' when there
 * is nothing finite to draw.
 */
export function renderBarChart(series: BarSeries): string {
  const bars = series.bars.filter((bar) => Number.isFinite(bar.value));
  if (bars.length === 0) return '';
  const values = bars.map((bar) => bar.value);
  const [low, high] = axisRange(values);
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${quote(series.title)}"`,
    `  x-axis [${bars.map((bar) => `"${quote(bar.label)}"`).join(', ')}]`,
    `  y-axis "${quote(series.metric)}" ${low} --> ${high}`,
    `  bar [${values.map((value) => formatNumber(value)).join(', ')}]`,
    '```',
  ].join('\n');
}

/**
 * A y-axis that shows differences: bars of 0.95 and 0.93 on a 0..1 axis look
 * equal, so zoom to the data with some headroom, keeping 0 when it is close.
 */
function axisRange(values: number[]): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || Math.abs(max) || 1;
  let low = min - span * 0.5;
  const high = max + span * 0.25;
  if (min >= 0 && low < 0) low = 0;
  // Rounded for a tidy axis, but never inside the data.
  return [Math.min(Number(low.toPrecision(3)), min), Math.max(Number(high.toPrecision(3)), max)];
}

function quote(text: string): string {
  // Mermaid labels are markup to some renderers: keep quotes, brackets and newlines out.
  return text.replace(/["\\\n\r<>]/g, ' ');
}
