import { formatNumber } from './format.js';
import type { ChartData } from './view.js';

/**
 * The chart as a mermaid `xychart-beta`: GitHub renders it in PR comments and
 * step summaries, so it needs no image hosting.
 *
 * xychart has no legend and draws several `bar` series on the same slots, one
 * over the other. So the candidates are one series and the baseline a second
 * one (0 elsewhere), which gives the baseline its own colour besides its
 * label; each number rule on the metric is a flat `line` at its threshold.
 */
export function renderMermaidChart(chart: ChartData): string {
  const slots = chart.bars.map((bar) => `"${quote(bar.label)}"`);
  const series = (pick: (isBaseline: boolean) => boolean): string =>
    `[${chart.bars.map((bar) => (pick(bar.isBaseline) ? decimal(bar.value) : '0')).join(', ')}]`;
  const lines = [
    '```mermaid',
    'xychart-beta',
    `  title "${quote(chart.title)}"`,
    `  x-axis [${slots.join(', ')}]`,
    `  y-axis "${quote(chart.metric)}" ${decimal(chart.axis.min)} --> ${decimal(chart.axis.max)}`,
    `  bar ${series((isBaseline) => !isBaseline)}`,
  ];
  if (chart.bars.some((bar) => bar.isBaseline)) lines.push(`  bar ${series((isBaseline) => isBaseline)}`);
  for (const threshold of chart.thresholds) lines.push(`  line [${chart.bars.map(() => decimal(threshold.value)).join(', ')}]`);
  lines.push('```');
  return lines.join('\n');
}

/** Four significant digits written out: mermaid's number syntax has no exponent (1e-7). */
function decimal(value: number): string {
  const text = formatNumber(value);
  return /e/i.test(text) ? Number(text).toFixed(20).replace(/\.?0+$/, '') : text;
}

function quote(text: string): string {
  // Mermaid labels are markup to some renderers: keep quotes, brackets and newlines out.
  return text.replace(/["\\\n\r<>]/g, ' ');
}
