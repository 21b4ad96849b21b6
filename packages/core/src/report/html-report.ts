import { element, fragment, trusted, type Markup } from './html.js';
import { renderSvgChart } from './svg-chart.js';
import type { CandidateSection, ComparisonTable, Inline, ReportView } from './view.js';

/**
 * The gate's report as one standalone HTML page, for Jenkins (`publishHTML`,
 * or an archived artifact): the same view as the markdown report — headline,
 * comparison table, chart, each candidate's rules — with the chart as inline
 * SVG. No script and nothing fetched: Jenkins serves it under a
 * Content-Security-Policy that allows neither. That policy also blocks the
 * inline style sheet by default, so the page reads right without it: tables
 * have borders and the chart its colours as attributes.
 */
export function renderGateReportHtml(view: ReportView): string {
  const headline = plainText(view.headline);
  const body = element(
    'body',
    {},
    element('h1', { class: view.passed ? 'passed' : 'failed' }, inline(view.headline)),
    element('p', {}, inline(view.context)),
    comparisonTable(view.comparison),
    view.chart ? element('figure', {}, renderSvgChart(view.chart)) : null,
    element('h2', {}, 'Rules per candidate'),
    ...view.candidates.map(candidateDetails),
    footer(view.runUrl),
  );
  const head = element(
    'head',
    {},
    element('meta', { charset: 'utf-8' }),
    element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    element('title', {}, headline),
    element('style', {}, trusted(STYLE)),
  );
  return `<!DOCTYPE html>\n${element('html', { lang: 'en' }, head, body).markup}\n`;
}

const STYLE = [
  'body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 2em; color: #1f2328; }',
  'h1 { font-size: 1.4em; } h1.passed { color: #1a7f37; } h1.failed { color: #cf222e; }',
  'table { border-collapse: collapse; margin: 0.5em 0 1em; } th, td { border: 1px solid #d0d7de; padding: 4px 10px; }',
  'td.number { text-align: right; white-space: nowrap; } tr.baseline { font-style: italic; background: #f6f8fa; }',
  'code { background: #f6f8fa; padding: 0 3px; } summary { cursor: pointer; margin: 0.4em 0; } small { color: #59636e; }',
].join('\n');

function inline(parts: readonly Inline[]): Markup {
  return fragment(...parts.map((part) => (part.style === 'code' ? element('code', {}, part.text) : part.style === 'strong' ? element('strong', {}, part.text) : part.text)));
}

function plainText(parts: readonly Inline[]): string {
  return parts.map((part) => part.text).join('');
}

function comparisonTable(table: ComparisonTable): Markup {
  const header = element('tr', {}, element('th', {}, 'Candidate'), ...table.metrics.map((metric) => element('th', {}, element('code', {}, metric))), element('th', {}, 'Verdict'));
  const rows = table.rows.map((row) =>
    element(
      'tr',
      { class: row.isBaseline ? 'baseline' : undefined },
      element('td', {}, row.isBaseline ? element('em', {}, row.name) : row.name),
      ...row.cells.map((cell) => element('td', { class: 'number' }, cell)),
      element('td', {}, row.verdict),
    ),
  );
  return element('table', { border: 1 }, element('thead', {}, header), element('tbody', {}, ...rows));
}

function candidateDetails(section: CandidateSection): Markup {
  const header = element('tr', {}, ...['Metric', 'Candidate', 'Baseline', 'Δ vs baseline', 'Rule', 'Verdict'].map((title) => element('th', {}, title)));
  const rows = section.rules.map((rule) =>
    element(
      'tr',
      {},
      element('td', {}, element('code', {}, rule.metric)),
      element('td', { class: 'number' }, rule.value),
      element('td', { class: 'number' }, rule.baseline),
      element('td', { class: 'number' }, rule.delta),
      element('td', {}, element('code', {}, rule.rule), ...rule.details.flatMap((detail) => [element('br'), detail])),
      element('td', {}, rule.verdict),
    ),
  );
  if (rows.length === 0) rows.push(element('tr', {}, element('td', { colspan: 6 }, 'no rules: ✅')));
  return element(
    'details',
    { open: section.open },
    element('summary', {}, element('strong', {}, section.name), ` — ${section.verdict}`),
    element('table', { border: 1 }, element('thead', {}, header), element('tbody', {}, ...rows)),
    element('p', {}, element('small', {}, section.metricsFile)),
  );
}

/** A link back to the run; only an http(s) address, never a `javascript:` one. */
function footer(runUrl: string | null): Markup {
  const link = runUrl !== null && /^https?:\/\//i.test(runUrl) ? element('a', { href: runUrl }, 'Run') : null;
  return element('p', {}, element('small', {}, link, link ? ' · ' : null, 'mlops-ci evaluate-and-gate'));
}
