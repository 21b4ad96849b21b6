import { XMLValidator } from 'fast-xml-parser';
import { buildReportView, renderGateReport, type ReportOptions } from '../../src/report/gate-report.js';
import { renderGateReportHtml as renderView } from '../../src/report/html-report.js';
import type { GateResults } from '../../src/types/gate.js';
import { bothFail, manyCandidates, reportOptions as options, twoCandidates } from './fixtures.js';

const renderGateReportHtml = (results: GateResults, reportOptions: ReportOptions): string => renderView(buildReportView(results, reportOptions));

/** The page as an XML parser reads it: well-formed means every tag closed, every `&` an entity. */
function expectWellFormed(html: string): void {
  expect(XMLValidator.validate(html.replace(/^<!DOCTYPE html>\n/, ''))).toBe(true);
}

/** The `<svg>…</svg>` of the page. */
function svgOf(html: string): string {
  return /<svg[\s\S]*<\/svg>/.exec(html)?.[0] ?? '';
}

describe('renderGateReportHtml', () => {
  const html = renderGateReportHtml(twoCandidates(), options);

  test('a standalone page: well-formed, no script, nothing fetched', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"/>')).toBe(true);
    expectWellFormed(html);
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(|@import/i);
  });

  test('the same headline, comparison table and rule tables as the markdown', () => {
    expect(html).toContain('<h1 class="passed">✅ mlops-ci gate <code>mlops-ci/gate</code> passed — best: <strong>rf</strong></h1>');
    expect(html).toContain(
      '<tr><td>rf</td><td class="number">0.9533 ✅</td><td class="number">0.15 ✅</td><td>✅ best</td></tr>' +
        '<tr><td>gb</td><td class="number">0.91 ✅</td><td class="number">0.25 ❌</td><td>❌ 1 failed rule</td></tr>' +
        '<tr class="baseline"><td><em>baseline</em></td><td class="number">0.94</td><td class="number">0.2</td><td>—</td></tr>',
    );
    expect(html).toContain('<details open="open"><summary><strong>rf</strong> — ✅ passed · best</summary>');
    expect(html).toContain('<details><summary><strong>gb</strong> — ❌ failed</summary>');
    expect(html).toContain('<td><code>accuracy &gt;= 0.9</code><br/>margin +0.05333</td>');
    expect(html).toContain('<td class="number">▼ −0.05 🟢</td>');
    // Every number and verdict of the markdown's tables is in the page.
    const markdownCells = renderGateReport(buildReportView(twoCandidates(), options))
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| Metric') && !line.startsWith('| Candidate'))
      .flatMap((line) => line.split(' | ').slice(1, -1));
    for (const cell of markdownCells.filter((text) => !text.includes('`'))) expect(html).toContain(cell);
  });

  test('the chart is an inline SVG: axis from 0, labelled values, the baseline set apart, the threshold a line', () => {
    const svg = svgOf(html);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expectWellFormed(svg);
    // Ticks 0, 0.2, … 1 under the bars.
    expect(svg).toMatch(/>0<\/text>/);
    expect(svg).toMatch(/>1<\/text>/);
    for (const value of ['0.9533', '0.91', '0.94']) expect(svg).toContain(`>${value}</text>`);
    expect(svg).toMatch(/<text [^>]*font-style="italic"[^>]*>baseline<\/text><rect [^>]*fill="#bab0ac" stroke="#555555" stroke-dasharray="4 2"\/>/);
    expect(svg).toMatch(/<line [^>]*stroke="#e15759"[^>]*\/><text [^>]*>accuracy &gt;= 0.9<\/text>/);
  });

  test('a failed gate names why in its headline, like the markdown', () => {
    const page = renderGateReportHtml(bothFail(), options);
    expectWellFormed(page);
    expect(page).toContain(
      '<h1 class="failed">❌ mlops-ci gate <code>mlops-ci/gate</code> did not pass — <strong>rf</strong> failed <code>accuracy &gt;= 0.9</code> (accuracy = 0.85) and 1 other failed rule · 1 other candidate failed</h1>',
    );
    expect(page).toContain('<title>❌ mlops-ci gate mlops-ci/gate did not pass — rf failed accuracy &gt;= 0.9');
  });

  test('eight candidates: one row and one bar each', () => {
    const page = renderGateReportHtml(manyCandidates(8), { ...options, rules: [options.rules[0]!] });
    expectWellFormed(page);
    expect(page.match(/<tr><td>candidate-with-a-long-name-\d<\/td>/g)).toHaveLength(8);
    expect(svgOf(page).match(/<rect /g)).toHaveLength(9); // eight candidates and the baseline
  });

  test('user text is escaped in the HTML and in the SVG', () => {
    const name = '<script>alert(1)</script>';
    const results = twoCandidates();
    const evil: GateResults = {
      ...results,
      best: name,
      candidates: { [name]: { ...results.candidates['rf']!, metricsFile: 'out/"&\u0001.json' } },
    };
    const page = renderGateReportHtml(evil, { ...options, context: '</title><script>x</script>', runUrl: 'javascript:alert(1)' });
    expectWellFormed(page);
    expect(page).not.toContain('<script');
    expect(page).not.toContain('javascript:');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svgOf(page)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('out/&quot;&amp;.json');
  });
});
