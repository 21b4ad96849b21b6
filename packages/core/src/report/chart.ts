import { formatNumber } from './format.js';
import type { ChartData } from './view.js';

/**
 * The chart as a mermaid `xychart-beta`: GitHub renders it in PR comments and
 * step summaries, so it needs no image hosting.
 *
 * Horizontal, so eight long candidate names each get a line of their own
 * instead of being drawn over each other under the bars. xychart has no
 * legend, one colour per series, and draws the slots of every series: a
 * second bar series for the baseline would put zero-height stubs under every
 * candidate. So the candidates are the bars (each label marked ✅/❌, as a
 * tall failed bar must not look like the winner), and the baseline and every
 * number rule's threshold are flat lines across them, named with their values
 * in the title. Values are printed on the bars (`showDataLabel`; a renderer
 * that predates it ignores the setting), and the height follows the number of
 * bars: the label's size follows the bar's, and two bars on the default
 * 500 pixels print their values a hand high.
 */
export function renderMermaidChart(chart: ChartData): string {
  const candidates = chart.bars.filter((bar) => !bar.isBaseline);
  if (candidates.length === 0) return '';
  const baseline = chart.bars.find((bar) => bar.isBaseline);
  // Each line's name for the title; the rule text would not fit, "threshold" does.
  const lines: { name: string; value: number }[] = [
    ...(baseline ? [{ name: 'baseline', value: baseline.value }] : []),
    ...chart.thresholds.map((threshold) => ({ name: 'threshold', value: threshold.value })),
  ];
  const legend = lines.map((line) => `${line.name} ${decimal(line.value)}`);
  const title = legend.length > 0 ? `${chart.title} · lines: ${legend.join(', ')}` : chart.title;
  const flat = (value: number): string => `[${candidates.map(() => decimal(value)).join(', ')}]`;
  return [
    '```mermaid',
    '---',
    'config:',
    '  xyChart:',
    '    showDataLabel: true',
    `    height: ${chartHeight(candidates.length)}`,
    '---',
    'xychart-beta horizontal',
    `  title "${quote(title)}"`,
    `  x-axis [${candidates.map((bar) => `"${quote(`${bar.label} ${bar.passed ? '✅' : '❌'}`)}"`).join(', ')}]`,
    `  y-axis "${quote(chart.metric)}" ${decimal(chart.axis.min)} --> ${decimal(chart.axis.max)}`,
    `  bar [${candidates.map((bar) => decimal(bar.value)).join(', ')}]`,
    ...lines.map((line) => `  line ${flat(line.value)}`),
    '```',
  ].join('\n');
}

/** Pixels: room for the axis and title, then a bar of about 28 px per candidate. */
function chartHeight(bars: number): number {
  return 110 + 40 * Math.max(bars, 2);
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
