import { renderMermaidChart } from './chart.js';
import { escapeCell, escapeHtml, inlineCode } from './format.js';
import type { CandidateSection, ComparisonTable, Inline, ReportView } from './view.js';

export { buildReportView, skippedBaselineSummary, statusDescription, type ReportOptions } from './view.js';

/**
 * The gate's report in markdown: the verdict and why in the headline, one
 * table comparing every candidate with the baseline on the rule metrics, a
 * mermaid chart, then each candidate's rules in a `<details>` (the leader's
 * open). One text serves the step summary, the report file, the PR comment
 * and the check run; `renderGateReportHtml` lays out the same view for Jenkins.
 */
export function renderGateReport(view: ReportView): string {
  const sections = [`### ${inline(view.headline)}`, inline(view.context), comparisonTable(view.comparison)];
  if (view.chart) sections.push(renderMermaidChart(view.chart));
  sections.push(...view.candidates.map(candidateDetails));
  if (view.runUrl) sections.push(`<sub>[Run](${view.runUrl}) · mlops-ci evaluate-and-gate</sub>`);
  return `${sections.join('\n\n')}\n`;
}

function inline(parts: readonly Inline[]): string {
  return parts
    .map((part) => {
      if (part.style === 'code') return inlineCode(part.text);
      if (part.style === 'strong') return `**${escapeCell(part.text)}**`;
      return escapeCell(part.text);
    })
    .join('');
}

function comparisonTable(table: ComparisonTable): string {
  const lines = [
    row(['Candidate', ...table.metrics.map(inlineCode), 'Verdict']),
    `|---|${table.metrics.map(() => '---:|').join('')}---|`,
  ];
  for (const entry of table.rows) {
    const name = entry.isBaseline ? '_baseline_' : escapeCell(entry.name);
    lines.push(row([name, ...entry.cells, entry.verdict]));
  }
  return lines.join('\n');
}

/**
 * A candidate's rules, folded. GitHub renders the table inside `<details>`
 * only with blank lines around it, and the summary is HTML, not markdown.
 */
function candidateDetails(section: CandidateSection): string {
  const lines = [
    section.open ? '<details open>' : '<details>',
    `<summary><b>${escapeHtml(section.name)}</b> — ${section.verdict}</summary>`,
    '',
    row(['Metric', 'Candidate', 'Baseline', 'Δ vs baseline', 'Rule', 'Verdict']),
    '|---|---:|---:|---:|---|---|',
  ];
  for (const rule of section.rules) {
    const ruleCell = [inlineCode(rule.rule), ...rule.details.map(escapeCell)].join(' · ');
    lines.push(row([inlineCode(rule.metric), rule.value, rule.baseline, rule.delta, ruleCell, escapeCell(rule.verdict)]));
  }
  if (section.rules.length === 0) lines.push('| — | | | | no rules | ✅ |');
  lines.push('', `<sub>${escapeCell(section.metricsFile)}</sub>`, '', '</details>');
  return lines.join('\n');
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}
