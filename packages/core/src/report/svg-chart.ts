import { formatNumber } from './format.js';
import { element, fragment, type Markup } from './html.js';
import type { ChartData } from './view.js';

/**
 * The chart as an inline SVG, for the HTML report (Jenkins shows no mermaid).
 * Horizontal bars, one row each, so eight or eighty long candidate names stay
 * readable; the axis includes 0 (see `axisFromZero`), each bar is labelled
 * with its value, the baseline is grey with a dashed outline and named, and
 * each number rule on the metric is a red dashed line at its threshold.
 *
 * Colours and dashes are SVG attributes, not CSS: Jenkins serves reports with
 * a Content-Security-Policy that blocks inline styles by default, and the
 * chart must still read right there.
 */
export function renderSvgChart(chart: ChartData): Markup {
  const layout = new Layout(chart);
  const height = layout.bottom + AXIS_BELOW;
  return element(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', width: WIDTH, height, viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'font-family': 'sans-serif', 'font-size': 12 },
    element('title', {}, chart.title),
    element('text', { x: WIDTH / 2, y: 16, 'text-anchor': 'middle', 'font-weight': 'bold' }, chart.title),
    grid(layout, chart),
    ...chart.bars.map((bar, index) => barRow(layout, bar, index)),
    ...chart.thresholds.map((threshold, index) => thresholdLine(layout, threshold, index)),
  );
}

const WIDTH = 720;
const LABEL_WIDTH = 190;
const VALUE_ROOM = 70;
const TOP = 34;
const ROW = 26;
const BAR = 18;
const AXIS_BELOW = 34;
/** Longer names are cut in the label; the full name is the bar's tooltip. */
const LABEL_CHARS = 26;

const COLOURS = { candidate: '#4e79a7', baseline: '#bab0ac', baselineOutline: '#555555', threshold: '#e15759', grid: '#dddddd', text: '#333333' };

class Layout {
  readonly left = LABEL_WIDTH;
  readonly right = WIDTH - VALUE_ROOM;
  readonly top = TOP;
  readonly bottom: number;

  constructor(private readonly chart: ChartData) {
    this.bottom = TOP + chart.bars.length * ROW + 6;
  }

  x(value: number): number {
    const { min, max } = this.chart.axis;
    return this.left + ((value - min) / (max - min)) * (this.right - this.left);
  }
}

function grid(layout: Layout, chart: ChartData): Markup {
  const { min, max, step } = chart.axis;
  const ticks: number[] = [];
  for (let i = 0; min + i * step <= max + step * 1e-9; i++) ticks.push(Number((min + i * step).toPrecision(12)));
  return fragment(
    ...ticks.map((tick) =>
      fragment(
        element('line', { x1: layout.x(tick), x2: layout.x(tick), y1: layout.top, y2: layout.bottom, stroke: tick === 0 ? COLOURS.text : COLOURS.grid }),
        element('text', { x: layout.x(tick), y: layout.bottom + 16, 'text-anchor': 'middle', fill: COLOURS.text }, formatNumber(tick)),
      ),
    ),
    element('text', { x: (layout.left + layout.right) / 2, y: layout.bottom + 30, 'text-anchor': 'middle', fill: COLOURS.text }, chart.metric),
  );
}

function barRow(layout: Layout, bar: ChartData['bars'][number], index: number): Markup {
  const y = layout.top + index * ROW + (ROW - BAR) / 2;
  const zero = layout.x(0);
  const end = layout.x(bar.value);
  const label = bar.label.length > LABEL_CHARS ? `${bar.label.slice(0, LABEL_CHARS - 1)}…` : bar.label;
  const style = bar.isBaseline
    ? { fill: COLOURS.baseline, stroke: COLOURS.baselineOutline, 'stroke-dasharray': '4 2' }
    : { fill: COLOURS.candidate };
  const negative = bar.value < 0;
  return element(
    'g',
    {},
    element('title', {}, `${bar.label}: ${formatNumber(bar.value)}`),
    element('text', { x: layout.left - 8, y: y + BAR - 5, 'text-anchor': 'end', fill: COLOURS.text, 'font-style': bar.isBaseline ? 'italic' : undefined }, label),
    element('rect', { x: Math.min(zero, end), y, width: Math.max(Math.abs(end - zero), 1), height: BAR, ...style }),
    element('text', { x: negative ? end - 4 : end + 4, y: y + BAR - 5, 'text-anchor': negative ? 'end' : 'start', fill: COLOURS.text }, formatNumber(bar.value)),
  );
}

function thresholdLine(layout: Layout, threshold: ChartData['thresholds'][number], index: number): Markup {
  const x = layout.x(threshold.value);
  return element(
    'g',
    {},
    element('line', { x1: x, x2: x, y1: layout.top - 4, y2: layout.bottom, stroke: COLOURS.threshold, 'stroke-width': 2, 'stroke-dasharray': '6 3' }),
    element('text', { x: x - 4, y: layout.top - 6 - index * 12, 'text-anchor': 'end', fill: COLOURS.threshold }, threshold.label),
  );
}
