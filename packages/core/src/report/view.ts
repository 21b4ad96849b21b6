/**
 * The gate's report as data: the headline, the comparison table, the
 * per-candidate rule tables and the chart, computed once from the results.
 * The markdown (GitHub) and the HTML (Jenkins) renderings only lay this out,
 * so the two can never disagree on a number, a verdict or an order.
 */
import type { CandidateResult, Comparator, Direction, GateResults, Rule, RuleResult } from '../types/gate.js';
import { formatNumber, formatSigned } from './format.js';

export interface ReportOptions {
  /** Which direction is better for each metric, for the Δ arrows. */
  readonly direction: (metric: string) => Direction;
  /** The status context, shown in the title so two gates on one PR are told apart. */
  readonly context: string;
  readonly runUrl: string | null;
  /** The parsed rules: `candidate.rules[i]` is the outcome of `rules[i]` (for margins and threshold lines). */
  readonly rules: readonly Rule[];
}

/** A run of text; each rendering styles it its own way (markdown backticks, HTML `<code>`). */
export interface Inline {
  readonly text: string;
  readonly style?: 'code' | 'strong';
}

export interface ReportView {
  readonly passed: boolean;
  /** The verdict and why, in one line. */
  readonly headline: readonly Inline[];
  /** Baseline, selection and how the best was chosen. */
  readonly context: readonly Inline[];
  readonly comparison: ComparisonTable;
  readonly chart: ChartData | null;
  /** In row order: the leader first, open; the others closed. */
  readonly candidates: readonly CandidateSection[];
  readonly runUrl: string | null;
}

/** Candidates as rows, the rule metrics as columns, then the baseline's row. */
export interface ComparisonTable {
  readonly metrics: readonly string[];
  readonly rows: readonly ComparisonRow[];
}

export interface ComparisonRow {
  readonly name: string;
  readonly isBaseline: boolean;
  /** One per metric: the value, and for a candidate the mark of its rules on that metric ("0.9533 ✅"). */
  readonly cells: readonly string[];
  /** The candidate's overall verdict ("✅ best", "❌ 2 failed rules"); "—" for the baseline. */
  readonly verdict: string;
}

export interface CandidateSection {
  readonly name: string;
  /** "✅ passed · best", "❌ failed". */
  readonly verdict: string;
  readonly open: boolean;
  readonly metricsFile: string;
  readonly rules: readonly RuleRow[];
}

export interface RuleRow {
  readonly metric: string;
  readonly value: string;
  readonly baseline: string;
  /** Against the baseline only: "—" for a rule against a number. */
  readonly delta: string;
  readonly rule: string;
  /** Shown with the rule: a threshold rule's margin, a statistical rule's interval. */
  readonly details: readonly string[];
  readonly verdict: string;
}

export interface ChartData {
  readonly title: string;
  readonly metric: string;
  readonly bars: readonly ChartBar[];
  /** Number rules on the charted metric, drawn as lines. */
  readonly thresholds: readonly { readonly label: string; readonly value: number }[];
  readonly axis: { readonly min: number; readonly max: number; readonly step: number };
}

export interface ChartBar {
  readonly label: string;
  readonly value: number;
  readonly isBaseline: boolean;
  /** Whether the candidate passed every rule (the baseline: true). */
  readonly passed: boolean;
}

const MARKS = { passed: '✅', failed: '❌', skipped: '⏭️' } as const;

export function buildReportView(results: GateResults, options: ReportOptions): ReportView {
  const order = candidateOrder(results);
  const leader = order[0] ?? null;
  return {
    passed: results.passed,
    headline: headline(results, options.context),
    context: contextLine(results),
    comparison: comparisonTable(results, order, options.rules),
    chart: chartData(results, order, options.rules),
    candidates: order.map((name) => candidateSection(name, results.candidates[name] as CandidateResult, results.best === name, name === leader, options)),
    runUrl: options.runUrl,
  };
}

// ---------------------------------------------------------------- verdict

/** Why the gate ended as it did: the facts the headline and the commit status both tell. */
interface Verdict {
  /** The best candidate, or when none passed the best-ranked one (see `candidateOrder`). */
  readonly leader: string | null;
  /** The leader's first failed rule, when the gate failed on one. */
  readonly failure: RuleResult | null;
  readonly otherFailedRules: number;
  readonly otherFailedCandidates: number;
  readonly skipped: string | null;
}

function verdictOf(results: GateResults): Verdict {
  const leader = candidateOrder(results)[0] ?? null;
  const rules = leader === null ? [] : (results.candidates[leader]?.rules ?? []);
  const failed = rules.filter((rule) => rule.verdict === 'failed');
  const failedCandidates = Object.values(results.candidates).filter((candidate) => !candidate.passed).length;
  return {
    leader,
    failure: results.passed ? null : (failed[0] ?? null),
    otherFailedRules: results.passed ? 0 : Math.max(0, failed.length - 1),
    otherFailedCandidates: results.passed ? 0 : Math.max(0, failedCandidates - 1),
    skipped: skippedBaselineSummary(results),
  };
}

/**
 * "N baseline rules skipped: <why>" when any rule was skipped for want of a
 * baseline, else null: a pass that compared nothing with the baseline must
 * say so where it is read first (the headline, the log).
 */
export function skippedBaselineSummary(results: GateResults): string | null {
  const skipped = skippedRules(results);
  if (skipped.length === 0) return null;
  const reasons = [...new Set(skipped.map((rule) => rule.note ?? 'no baseline'))];
  const shown = reasons.slice(0, 3).join('; ') + (reasons.length > 3 ? `; and ${reasons.length - 3} more` : '');
  return `${skipped.length} baseline rule${plural(skipped.length)} skipped: ${shown}`;
}

function skippedRules(results: GateResults): RuleResult[] {
  return Object.values(results.candidates).flatMap((candidate) => candidate.rules.filter((rule) => rule.verdict === 'skipped'));
}

/** One line for a commit status (GitHub allows 140 characters): the headline, short. */
export function statusDescription(results: GateResults): string {
  const verdict = verdictOf(results);
  const parts: string[] = [];
  if (results.passed) {
    const names = Object.values(results.candidates);
    parts.push(`Passed: best ${results.best} (${names.filter((candidate) => candidate.passed).length}/${names.length} candidates pass)`);
  } else {
    parts.push(`Failed: ${verdict.leader}: ${verdict.failure ? `${verdict.failure.rule} (${evidence(verdict.failure)})` : 'no rule failed, but skipped baseline rules count as failures'}`);
    if (verdict.otherFailedRules > 0) parts.push(`+${verdict.otherFailedRules} other failed rule${plural(verdict.otherFailedRules)}`);
    if (verdict.otherFailedCandidates > 0) parts.push(`${verdict.otherFailedCandidates} other candidate${plural(verdict.otherFailedCandidates)} failed`);
  }
  const skipped = skippedRules(results).length;
  if (skipped > 0) parts.push(`${skipped} baseline rule${plural(skipped)} skipped`);
  const text = parts.join('; ');
  return text.length <= 140 ? text : `${text.slice(0, 139)}…`;
}

function headline(results: GateResults, context: string): Inline[] {
  const verdict = verdictOf(results);
  const parts: Inline[] = [{ text: `${results.passed ? '✅' : '❌'} mlops-ci gate ` }, { text: context, style: 'code' }];
  if (results.passed) {
    parts.push({ text: ' passed — best: ' }, { text: results.best ?? '', style: 'strong' });
  } else {
    parts.push({ text: ' did not pass — ' }, { text: verdict.leader ?? '', style: 'strong' });
    if (verdict.failure) {
      parts.push({ text: ' failed ' }, { text: verdict.failure.rule, style: 'code' }, { text: ` (${evidence(verdict.failure)})` });
    } else {
      parts.push({ text: ' failed no rule, but its skipped baseline rules count as failures (on-missing-baseline: fail)' });
    }
    if (verdict.otherFailedRules > 0) parts.push({ text: ` and ${verdict.otherFailedRules} other failed rule${plural(verdict.otherFailedRules)}` });
    if (verdict.otherFailedCandidates > 0) {
      parts.push({ text: ` · ${verdict.otherFailedCandidates} other candidate${plural(verdict.otherFailedCandidates)} failed` });
    }
  }
  if (verdict.skipped) parts.push({ text: ` · ⏭️ ${verdict.skipped}` });
  return parts;
}

/** What a failed rule found: the note when a number cannot tell (missing value, an interval), else the value. */
function evidence(rule: RuleResult): string {
  return rule.note ?? `${rule.metric} = ${formatNumber(rule.value)}`;
}

function contextLine(results: GateResults): Inline[] {
  const { source, metrics } = results.baseline;
  const parts: Inline[] = [];
  if (metrics) parts.push({ text: 'Baseline: ' }, { text: source ?? '', style: 'code' });
  else if (source) parts.push({ text: 'Baseline: none (' }, { text: source, style: 'code' }, { text: ' not found)' });
  else parts.push({ text: 'Baseline: none' });
  if (results.selection) parts.push({ text: ` · Selection: ${results.selection.mode} ` }, { text: results.selection.metric, style: 'code' });
  parts.push({ text: ` · ${results.selectionNote}` });
  return parts;
}

/**
 * The best first, then the others by name: the reader sees the winner first.
 * When none passed, the best-ranked comes first instead, the one the headline
 * explains: by `select` when given (the ranking the user asked for), else the
 * fewest failed rules; ties by name.
 */
function candidateOrder(results: GateResults): string[] {
  const names = Object.keys(results.candidates).sort(byName);
  const leader = leaderOf(results);
  return leader === undefined ? names : [leader, ...names.filter((name) => name !== leader)];
}

/**
 * The candidate the report leads with: the best, or when none passed the
 * best-ranked (by `select` when given, else the fewest failed rules; ties by
 * name). The headline, the status line and the annotations all name this one.
 */
export function leaderOf(results: GateResults): string | undefined {
  const best = results.best !== null && Object.hasOwn(results.candidates, results.best) ? results.best : undefined;
  return best ?? Object.keys(results.candidates).sort((a, b) => rank(results, a, b))[0];
}

function rank(results: GateResults, a: string, b: string): number {
  const candidates = results.candidates;
  const selection = results.selection;
  if (selection) {
    const score = (name: string): number => {
      const value = candidates[name]?.metrics[selection.metric];
      if (value === undefined || Number.isNaN(value)) return Number.NEGATIVE_INFINITY;
      return selection.mode === 'max' ? value : -value;
    };
    const difference = score(b) - score(a);
    if (difference !== 0 && !Number.isNaN(difference)) return difference;
  } else {
    const failures = (name: string): number => candidates[name]?.rules.filter((rule) => rule.verdict === 'failed').length ?? 0;
    const difference = failures(a) - failures(b);
    if (difference !== 0) return difference;
  }
  return byName(a, b);
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------- comparison table

function comparisonTable(results: GateResults, order: readonly string[], rules: readonly Rule[]): ComparisonTable {
  const metrics = [...new Set([...rules.map((rule) => rule.metric), ...(results.selection ? [results.selection.metric] : [])])];
  const rows: ComparisonRow[] = order.map((name) => {
    const candidate = results.candidates[name] as CandidateResult;
    const marks = marksByMetric(candidate);
    return {
      name,
      isBaseline: false,
      cells: metrics.map((metric) => withMark(formatValue(candidate.metrics[metric]), marks.get(metric) ?? null)),
      verdict: overallVerdict(candidate, results.best === name),
    };
  });
  const baseline = results.baseline.metrics;
  if (baseline) rows.push({ name: 'baseline', isBaseline: true, cells: metrics.map((metric) => formatValue(baseline[metric])), verdict: '—' });
  return { metrics, rows };
}

/**
 * The worst verdict among a candidate's rules on each metric (failed, then
 * skipped, then passed); a metric no rule is about (the `select` one) has
 * none. One pass over the rules: a scan per column would be quadratic.
 */
function marksByMetric(candidate: CandidateResult): Map<string, string> {
  const worst = new Map<string, RuleResult['verdict']>();
  const severity = { passed: 0, skipped: 1, failed: 2 } as const;
  for (const rule of candidate.rules) {
    const seen = worst.get(rule.metric);
    if (seen === undefined || severity[rule.verdict] > severity[seen]) worst.set(rule.metric, rule.verdict);
  }
  return new Map([...worst].map(([metric, verdict]) => [metric, MARKS[verdict]]));
}

function withMark(value: string, mark: string | null): string {
  return mark === null ? value : `${value} ${mark}`;
}

function formatValue(value: number | undefined): string {
  return value === undefined ? '—' : formatNumber(value);
}

function overallVerdict(candidate: CandidateResult, best: boolean): string {
  if (candidate.passed) return best ? '✅ best' : '✅ passed';
  const failed = candidate.rules.filter((rule) => rule.verdict === 'failed').length;
  if (failed > 0) return `❌ ${failed} failed rule${plural(failed)}`;
  const skipped = candidate.rules.filter((rule) => rule.verdict === 'skipped').length;
  return `❌ ${skipped} skipped rule${plural(skipped)}`;
}

// ---------------------------------------------------------------- per-candidate rule tables

function candidateSection(name: string, candidate: CandidateResult, best: boolean, open: boolean, options: ReportOptions): CandidateSection {
  return {
    name,
    verdict: `${candidate.passed ? '✅ passed' : '❌ failed'}${best ? ' · best' : ''}`,
    open,
    metricsFile: candidate.metricsFile,
    rules: candidate.rules.map((result, index) => ruleRow(result, ruleFor(options.rules, index, result), options.direction(result.metric))),
  };
}

/** The parsed rule behind a result; undefined if the lists do not line up (then no margin is shown). */
function ruleFor(rules: readonly Rule[], index: number, result: RuleResult): Rule | undefined {
  const rule = rules[index];
  return rule?.text === result.rule ? rule : undefined;
}

function ruleRow(result: RuleResult, rule: Rule | undefined, direction: Direction): RuleRow {
  const details: string[] = [];
  const margin = rule?.right.kind === 'number' ? marginOf(result, rule.comparator) : null;
  if (margin !== null) details.push(`margin ${formatSigned(margin)}`);
  if (result.interval) details.push(intervalText(result.interval));
  return {
    metric: result.metric,
    value: formatNumber(result.value),
    baseline: formatNumber(result.baseline),
    delta: deltaText(result, direction),
    rule: result.rule,
    details,
    verdict: ruleVerdict(result),
  };
}

/**
 * How far a value is on the passing side of its threshold (negative: on the
 * failing side). `==` and `!=` have no side, so no margin.
 */
function marginOf(result: RuleResult, comparator: Comparator): number | null {
  if (result.value === null || result.threshold === null) return null;
  const difference = result.value - result.threshold;
  if (!Number.isFinite(difference)) return null;
  if (comparator === '>=' || comparator === '>') return difference;
  if (comparator === '<=' || comparator === '<') return -difference;
  return null;
}

/**
 * Δ is "vs baseline" only, computed here from `value` and `baseline`:
 * `RuleResult.delta` of a rule against a number is value − threshold, which
 * belongs in the rule's margin, not in this column (the results JSON keeps it).
 */
function deltaText(result: RuleResult, direction: Direction): string {
  if (result.value === null || result.baseline === null) return '—';
  const delta = result.value - result.baseline;
  if (!Number.isFinite(delta)) return '—';
  if (delta === 0) return '±0';
  const up = delta > 0;
  const better = up === (direction === 'higher');
  return `${up ? '▲' : '▼'} ${formatSigned(delta)} ${better ? '🟢' : '🔴'}`;
}

function intervalText(interval: NonNullable<RuleResult['interval']>): string {
  const level = `${Math.round(interval.level * 100)}% CI of Δ`;
  // The same scores for candidate and baseline make every resample's mean 0: say that, not "[±0, ±0]".
  if (interval.lower === 0 && interval.upper === 0) return `${level}: no difference (identical samples)`;
  return `${level}: [${formatSigned(interval.lower)}, ${formatSigned(interval.upper)}]`;
}

function ruleVerdict(rule: RuleResult): string {
  const word = { passed: 'pass', failed: 'fail', skipped: 'skipped' }[rule.verdict];
  return `${MARKS[rule.verdict]} ${word}${rule.note ? ` — ${rule.note}` : ''}`;
}

// ---------------------------------------------------------------- chart

/**
 * The candidates and the baseline on the selected metric (else the first
 * rule's), with the thresholds of number rules on it.
 */
function chartData(results: GateResults, order: readonly string[], rules: readonly Rule[]): ChartData | null {
  const metric = results.selection?.metric ?? rules[0]?.metric ?? firstRuleMetric(results);
  if (metric === undefined) return null;
  const bars: ChartBar[] = [];
  for (const name of order) {
    const value = results.candidates[name]?.metrics[metric];
    if (value !== undefined && Number.isFinite(value)) bars.push({ label: name, value, isBaseline: false, passed: results.candidates[name]?.passed ?? false });
  }
  const baseline = results.baseline.metrics?.[metric];
  if (baseline !== undefined && Number.isFinite(baseline)) bars.push({ label: 'baseline', value: baseline, isBaseline: true, passed: true });
  if (bars.length === 0) return null;
  const thresholds = rules
    .filter((rule) => rule.metric === metric && rule.right.kind === 'number' && Number.isFinite(rule.right.value))
    .map((rule) => ({ label: rule.text, value: (rule.right as { value: number }).value }));
  const values = [...bars.map((bar) => bar.value), ...thresholds.map((threshold) => threshold.value)];
  return { title: `${metric} by candidate`, metric, bars, thresholds, axis: axisFromZero(values) };
}

function firstRuleMetric(results: GateResults): string | undefined {
  return Object.values(results.candidates).find((candidate) => candidate.rules.length > 0)?.rules[0]?.metric;
}

/**
 * An axis that includes 0, in round steps. Bars are read by their length: on
 * an axis zoomed to the data, 0.93 and 0.95 look twice apart, which is a lie
 * a reader at a glance believes. The exact numbers and differences are in the
 * tables; the chart shows the scale honestly.
 */
export function axisFromZero(values: readonly number[]): ChartData['axis'] {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const step = niceStep((high - low || 1) / 5);
  const round = (value: number): number => Number(value.toPrecision(12));
  const min = round(Math.floor(low / step) * step);
  const max = round(Math.ceil(high / step) * step);
  return { min, max: max > min ? max : round(min + step), step };
}

/** 1, 2 or 5 times a power of ten, at least `rough`. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough * (1 - 1e-9)) ?? 10 * power;
  return Number(step.toPrecision(12));
}

function plural(count: number): string {
  return count === 1 ? '' : 's';
}
