import type { CandidateResult, Direction, GateResults, RuleResult } from '../types/gate.js';
import { renderBarChart } from './chart.js';
import { escapeCell, formatNumber, formatSigned, inlineCode } from './format.js';

export interface GateReportOptions {
  /** Which direction is better for each metric, for the Δ arrows. */
  readonly direction: (metric: string) => Direction;
  /** The status context, shown in the title so two gates on one PR are told apart. */
  readonly context: string;
  readonly runUrl: string | null;
}

/**
 * The gate's report in markdown: a headline verdict, a table per candidate
 * (metric, candidate, baseline, Δ, rule, verdict) and a mermaid chart of the
 * candidates and the baseline on the selected metric. One text serves the step
 * summary, the report file, the PR comment and the check run.
 */
export function renderGateReport(results: GateResults, options: GateReportOptions): string {
  const sections = [headline(results, options), context(results)];
  for (const name of candidateOrder(results)) {
    const candidate = results.candidates[name];
    if (candidate) sections.push(candidateTable(name, candidate, results.best === name, options));
  }
  const chart = comparisonChart(results);
  if (chart) sections.push(chart);
  if (options.runUrl) sections.push(`<sub>[Run](${options.runUrl}) · mlops-ci evaluate-and-gate</sub>`);
  return `${sections.join('\n\n')}\n`;
}

/** One line for a commit status (GitHub allows 140 characters). */
export function statusDescription(results: GateResults): string {
  const names = Object.keys(results.candidates);
  const passing = names.filter((name) => results.candidates[name]?.passed);
  const text = results.passed
    ? `Passed: best ${results.best} (${passing.length}/${names.length} candidates pass)`
    : `Failed: ${firstFailure(results) ?? 'no candidate passed every rule'}`;
  return text.length <= 140 ? text : `${text.slice(0, 139)}…`;
}

/**
 * "N baseline rules skipped: <why>" when any rule was skipped for want of a
 * baseline, else null: a pass that compared nothing with the baseline must
 * say so where it is read first (the headline, the log).
 */
export function skippedBaselineSummary(results: GateResults): string | null {
  const skipped = Object.values(results.candidates).flatMap((candidate) => candidate.rules.filter((rule) => rule.verdict === 'skipped'));
  if (skipped.length === 0) return null;
  const reasons = [...new Set(skipped.map((rule) => rule.note ?? 'no baseline'))];
  const shown = reasons.slice(0, 3).join('; ') + (reasons.length > 3 ? `; and ${reasons.length - 3} more` : '');
  return `${skipped.length} baseline rule${skipped.length === 1 ? '' : 's'} skipped: ${shown}`;
}

function headline(results: GateResults, options: GateReportOptions): string {
  const title = `mlops-ci gate ${inlineCode(options.context)}`;
  const skipped = skippedBaselineSummary(results);
  const suffix = skipped ? ` · ⏭️ ${escapeCell(skipped)}` : '';
  if (results.passed) return `### ✅ ${title} passed — best: **${escapeCell(results.best ?? '')}**${suffix}`;
  return `### ❌ ${title} did not pass${suffix}`;
}

function context(results: GateResults): string {
  const lines = [];
  lines.push(results.baseline.metrics ? `Baseline: ${inlineCode(results.baseline.source ?? '')}` : `Baseline: none${results.baseline.source ? ` (${inlineCode(results.baseline.source)} not found)` : ''}`);
  if (results.selection) lines.push(`Selection: ${results.selection.mode} ${inlineCode(results.selection.metric)}`);
  lines.push(escapeCell(results.selectionNote));
  return lines.join(' · ');
}

function candidateOrder(results: GateResults): string[] {
  // The best first, then the others by name: the reader sees the winner first.
  const names = Object.keys(results.candidates).sort();
  return results.best ? [results.best, ...names.filter((name) => name !== results.best)] : names;
}

function candidateTable(name: string, candidate: CandidateResult, best: boolean, options: GateReportOptions): string {
  const mark = candidate.passed ? '✅ passed' : '❌ failed';
  const lines = [
    `#### ${escapeCell(name)} — ${mark}${best ? ' · **best**' : ''}`,
    '',
    '| Metric | Candidate | Baseline | Δ | Rule | Verdict |',
    '|---|---:|---:|---:|---|---|',
  ];
  for (const rule of candidate.rules) lines.push(ruleRow(rule, options));
  if (candidate.rules.length === 0) lines.push('| — | | | | no rules | ✅ |');
  lines.push('', `<sub>${escapeCell(candidate.metricsFile)}</sub>`);
  return lines.join('\n');
}

function ruleRow(rule: RuleResult, options: GateReportOptions): string {
  const cells = [
    inlineCode(rule.metric),
    formatNumber(rule.value),
    rule.baseline === null ? '—' : formatNumber(rule.baseline),
    delta(rule, options.direction(rule.metric)),
    inlineCode(rule.rule) + (rule.interval ? `<br>${intervalText(rule)}` : ''),
    verdict(rule),
  ];
  return `| ${cells.join(' | ')} |`;
}

/** Δ against the baseline (or the threshold), with an arrow that knows which way is better. */
function delta(rule: RuleResult, direction: Direction): string {
  if (rule.delta === null || !Number.isFinite(rule.delta)) return '—';
  if (rule.delta === 0) return '±0';
  const up = rule.delta > 0;
  const better = up === (direction === 'higher');
  return `${up ? '▲' : '▼'} ${formatSigned(rule.delta)} ${better ? '🟢' : '🔴'}`;
}

function intervalText(rule: RuleResult): string {
  const interval = rule.interval;
  if (!interval) return '';
  return `${Math.round(interval.level * 100)}% CI of Δ: [${formatSigned(interval.lower)}, ${formatSigned(interval.upper)}]`;
}

function verdict(rule: RuleResult): string {
  const note = rule.note ? ` — ${escapeCell(rule.note)}` : '';
  switch (rule.verdict) {
    case 'passed':
      return `✅ pass${note}`;
    case 'failed':
      return `❌ fail${note}`;
    case 'skipped':
      return `⏭️ skipped${note}`;
  }
}

function comparisonChart(results: GateResults): string {
  const metric = results.selection?.metric ?? firstRuleMetric(results);
  if (!metric) return '';
  const bars = Object.keys(results.candidates)
    .sort()
    .map((name) => ({ label: name, value: results.candidates[name]?.metrics[metric] ?? Number.NaN }));
  const baseline = results.baseline.metrics?.[metric];
  if (baseline !== undefined) bars.push({ label: 'baseline', value: baseline });
  return renderBarChart({ title: `${metric} by candidate`, metric, bars });
}

function firstRuleMetric(results: GateResults): string | undefined {
  for (const candidate of Object.values(results.candidates)) {
    const rule = candidate.rules[0];
    if (rule) return rule.metric;
  }
  return undefined;
}

function firstFailure(results: GateResults): string | undefined {
  for (const name of Object.keys(results.candidates).sort()) {
    const rule = results.candidates[name]?.rules.find((r) => r.verdict === 'failed');
    if (rule) return `${name}: ${rule.rule}${rule.value !== null ? ` (${rule.metric} = ${formatNumber(rule.value)})` : ''}`;
  }
  return undefined;
}
