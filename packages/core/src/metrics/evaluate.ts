/**
 * The gate's decision: every rule for every candidate, with the numbers that
 * justify each verdict, then the best passing candidate. Pure: no IO, no
 * clock, no global randomness (the bootstrap is seeded).
 */
import { InputError } from '../errors.js';
import type {
  CandidateResult,
  Comparator,
  GateResults,
  Interval,
  MetricValues,
  Rule,
  RuleResult,
  Selection,
} from '../types/gate.js';
import { metricsDigest } from './digest.js';
import { DEFAULT_RESAMPLES, DEFAULT_SEED, pairedBootstrap } from './bootstrap.js';
import { listInWords } from './names.js';
import { checkRuleMetrics, type RulesOrigin } from './rules.js';
import { selectBest } from './select.js';

export interface GateCandidate {
  readonly name: string;
  /** The metrics file, as it should appear in notes and the report. */
  readonly file: string;
  readonly metrics: MetricValues;
}

export interface EvaluateGateInput {
  /** In the `metrics` input's order, which the results keep. */
  readonly candidates: readonly GateCandidate[];
  /** The baseline's metrics, or null when there is none (not given, or not found). */
  readonly baseline: { readonly source: string; readonly metrics: MetricValues } | null;
  /** Where the baseline was looked for when it was not found; notes and results name it. */
  readonly missingBaselineSource?: string | null;
  readonly rules: readonly Rule[];
  /** Per-example scores for statistical rules, by candidate name, and the baseline's. */
  readonly samples?: {
    readonly candidates: Readonly<Record<string, readonly number[]>>;
    readonly baseline?: readonly number[];
  };
  readonly selection: Selection | null;
  /** Whether rules skipped for want of a baseline let a candidate pass. */
  readonly onMissingBaseline: 'pass' | 'fail';
  /** Bootstrap settings; 10,000 resamples and seed 42 when absent. */
  readonly bootstrap?: { readonly resamples?: number; readonly seed?: number };
}

declare const PREPARED: unique symbol;

/**
 * A gate definition `prepareGate` checked whole: every candidate, rule,
 * selection and series of scores is known to fit together, so evaluating it
 * cannot fail on input. Only `prepareGate` makes one.
 */
export type PreparedGate = EvaluateGateInput & { readonly [PREPARED]: true };

/**
 * Checks everything `evaluateGate` will rely on, once, before any work or any
 * report: the step calls this while reading its inputs, so a mistake is exit 2
 * before a commit status goes pending.
 *
 * @param rulesOrigin where the rules came from, so a rule error names `rules` or `rules-file`.
 * @throws InputError('metrics') with no candidates or two with one name;
 *   InputError(rules or rules-file) for a rule naming a metric no candidate has
 *   (`checkRuleMetrics`); InputError('select') for a select metric no candidate
 *   has; InputError('samples') for scores named after no candidate, empty
 *   series, series of different lengths or with non-finite values, or a
 *   statistical rule to evaluate without scores for a candidate or the baseline.
 */
export function prepareGate(input: EvaluateGateInput, rulesOrigin?: RulesOrigin): PreparedGate {
  checkCandidates(input.candidates);
  checkRuleMetrics(
    input.rules,
    Object.fromEntries(input.candidates.map((candidate) => [candidate.name, Object.keys(candidate.metrics)])),
    input.baseline === null ? undefined : Object.keys(input.baseline.metrics),
    rulesOrigin,
  );
  checkSelection(input.selection, input.candidates);
  checkSamples(input);
  return input as PreparedGate;
}

/**
 * Evaluates every rule for every candidate and picks the best passing one.
 * Total: the gate was checked by `prepareGate`, so nothing here depends on
 * input being right.
 *
 * Per rule (see `RuleResult`):
 * - the candidate's value missing or NaN → failed, with a note naming the file;
 * - a `baseline.*` rule with no baseline, or a baseline lacking that metric (or
 *   holding NaN) → skipped (passed: false), with a note;
 * - a statistical rule (`@ N%`) passes when the paired bootstrap interval of
 *   mean(candidate − baseline) clears the rule's offset: its lower bound for
 *   `>=`/`>`, its upper bound for `<=`/`<`; `value`/`baseline` stay the metric
 *   files' values and `interval` holds the interval;
 * - otherwise value and threshold are compared. Comparisons allow a relative
 *   difference of 1e-9, so decimal arithmetic (0.2 + 0.1 ≠ 0.3 in binary) cannot
 *   flip a verdict.
 *
 * A candidate passes when every rule passed, or when the only others were
 * skipped for want of a baseline and `onMissingBaseline` is 'pass'. The gate
 * passes when at least one candidate passed (then `best` is set).
 */
export function evaluateGate(input: PreparedGate): GateResults {
  const evaluator = new RuleEvaluator(input);
  const candidates: Record<string, CandidateResult> = {};
  for (const candidate of input.candidates) {
    const rules = input.rules.map((rule) => evaluator.evaluate(candidate, rule));
    candidates[candidate.name] = {
      passed: rules.every((rule) => counts(rule, input.onMissingBaseline)),
      metricsFile: candidate.file,
      metrics: candidate.metrics,
      metricsDigest: metricsDigest(candidate.metrics),
      rules,
    };
  }

  const passing = input.candidates.filter((candidate) => candidates[candidate.name]?.passed === true);
  const { best, note } = selectBest(passing, input.selection, input.candidates.length);
  return {
    passed: best !== null,
    best,
    candidates,
    baseline: {
      source: input.baseline?.source ?? input.missingBaselineSource ?? null,
      metrics: input.baseline?.metrics ?? null,
    },
    selection: input.selection,
    selectionNote: note,
  };
}

/** A passed rule counts for the candidate; a skipped one only when on-missing-baseline is 'pass'. */
function counts(rule: RuleResult, onMissingBaseline: 'pass' | 'fail'): boolean {
  return rule.verdict === 'passed' || (rule.verdict === 'skipped' && onMissingBaseline === 'pass');
}

// ---------------------------------------------------------------- checks

function checkCandidates(candidates: readonly GateCandidate[]): void {
  if (candidates.length === 0) throw new InputError('metrics', 'no candidates to evaluate: give one or more metric files');
  const seen = new Map<string, string>();
  for (const { name, file } of candidates) {
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new InputError('metrics', `two candidates are named '${name}': ${earlier} and ${file}; name them apart with name=path`);
    }
    seen.set(name, file);
  }
}

function checkSelection(selection: Selection | null, candidates: readonly GateCandidate[]): void {
  if (selection === null) return;
  if (candidates.some((candidate) => Object.hasOwn(candidate.metrics, selection.metric))) return;
  throw new InputError(
    'select',
    `'${selection.mode}:${selection.metric}' names a metric no candidate has (${candidates.map((c) => c.name).join(', ')})`,
  );
}

/**
 * Scores must belong to known candidates and all have one length (the same
 * evaluation set); statistical rules that will run need scores for every
 * candidate and the baseline. Checked before any bootstrap runs.
 */
function checkSamples(input: EvaluateGateInput): void {
  const names = new Set(input.candidates.map((candidate) => candidate.name));
  const series: [string, readonly number[]][] = [];
  if (input.samples !== undefined) {
    for (const [name, scores] of Object.entries(input.samples.candidates)) {
      if (!names.has(name)) {
        throw new InputError(
          'samples',
          `scores are given for '${name}', which is not a candidate (candidates: ${[...names].join(', ')}; the baseline's are named 'baseline')`,
        );
      }
      series.push([`candidate '${name}'`, scores]);
    }
    if (input.samples.baseline !== undefined) series.push(['the baseline', input.samples.baseline]);
  }
  const [first] = series;
  for (const [label, scores] of series) {
    if (first !== undefined && scores.length !== first[1].length) {
      throw new InputError(
        'samples',
        `${first[0]} has ${first[1].length} per-example scores but ${label} has ${scores.length}; ` +
          'all must score the same evaluation set in the same order',
      );
    }
    if (scores.length === 0) throw new InputError('samples', `${label} has no per-example scores (the series is empty)`);
    const bad = scores.findIndex((score) => !Number.isFinite(score));
    if (bad >= 0) throw new InputError('samples', `per-example score ${bad + 1} of ${label} is ${scores[bad]}, not a finite number`);
  }

  const statistical = input.rules.find((rule) => rule.confidence !== undefined);
  if (statistical === undefined || input.baseline === null) return; // skipped without a baseline
  if (first !== undefined) checkBootstrapBudget(first[1].length, input.bootstrap?.resamples ?? DEFAULT_RESAMPLES);
  const missing = input.candidates.filter((c) => input.samples?.candidates[c.name] === undefined).map((c) => `candidate '${c.name}'`);
  if (input.samples?.baseline === undefined) missing.push('the baseline');
  if (missing.length > 0) {
    throw new InputError(
      'samples',
      `rules line ${statistical.line} ('${statistical.text}') is statistical and needs per-example scores for every candidate ` +
        `and for the baseline; none given for ${listInWords(missing)}`,
    );
  }
}

/**
 * The most examples one candidate's bootstrap may draw (rows × resamples):
 * enough for any evaluation set the gate is meant for, while keeping one
 * candidate's bootstrap to seconds (bench/evaluate-and-gate/README.md has the
 * cost of a draw).
 */
export const MAX_BOOTSTRAP_DRAWS = 1_000_000_000;

function checkBootstrapBudget(rows: number, resamples: number): void {
  if (rows * resamples <= MAX_BOOTSTRAP_DRAWS) return;
  const count = (n: number) => n.toLocaleString('en-US');
  throw new InputError(
    'bootstrap-resamples',
    `${count(resamples)} resamples of ${count(rows)} per-example scores are ${count(rows * resamples)} draws per candidate; ` +
      `the gate allows ${count(MAX_BOOTSTRAP_DRAWS)} (here at most ${count(Math.floor(MAX_BOOTSTRAP_DRAWS / rows))} resamples)`,
  );
}

// ---------------------------------------------------------------- rules

class RuleEvaluator {
  private readonly intervals = new Map<string, Interval>();

  constructor(private readonly input: EvaluateGateInput) {}

  evaluate(candidate: GateCandidate, rule: Rule): RuleResult {
    const right = rule.right;
    const value = candidate.metrics[rule.metric];
    const base = right.kind === 'baseline' ? this.baselineValue(right.metric) : undefined;
    const shown = { rule: rule.text, metric: rule.metric, value: usable(value), baseline: usable(base) };
    const unknown = { threshold: null, delta: null, passed: false } as const;

    const valueProblem = problemWith(value, rule.metric, candidate.file);
    if (valueProblem !== undefined) return { ...shown, ...unknown, verdict: 'failed', note: valueProblem };
    const presentValue = value as number;

    if (right.kind === 'number') {
      return this.compareWithThreshold(shown, rule, presentValue, right.value, Math.abs(right.value));
    }

    const baselineProblem = this.baselineProblem(right.metric, base);
    if (baselineProblem !== undefined) return { ...shown, ...unknown, verdict: 'skipped', note: baselineProblem };
    const baselineValue = base as number;
    const threshold = baselineValue + right.offset;
    const delta = presentValue - baselineValue;
    if (rule.confidence !== undefined) return this.compareByInterval(shown, rule, candidate.name, threshold, delta, right.offset);
    const scale = Math.max(Math.abs(baselineValue), Math.abs(right.offset));
    // A baseline rule's delta is against the baseline itself, not baseline + offset.
    return { ...this.compareWithThreshold(shown, rule, presentValue, threshold, scale), delta: notNaN(delta) };
  }

  private compareWithThreshold(
    shown: Pick<RuleResult, 'rule' | 'metric' | 'value' | 'baseline'>,
    rule: Rule,
    value: number,
    threshold: number,
    rightScale: number,
  ): RuleResult {
    const passed = compare(value, rule.comparator, threshold, Math.max(Math.abs(value), Math.abs(threshold), rightScale));
    return {
      ...shown,
      threshold: notNaN(threshold),
      delta: notNaN(value - threshold),
      passed,
      verdict: passed ? 'passed' : 'failed',
    };
  }

  /** Statistical rule: the interval of mean(candidate − baseline) must clear the offset. */
  private compareByInterval(
    shown: Pick<RuleResult, 'rule' | 'metric' | 'value' | 'baseline'>,
    rule: Rule,
    name: string,
    threshold: number,
    delta: number,
    margin: number,
  ): RuleResult {
    const interval = this.intervalFor(name, rule.confidence as number);
    const higherIsBetter = rule.comparator === '>=' || rule.comparator === '>';
    const bound = higherIsBetter ? interval.lower : interval.upper;
    const scale = Math.max(Math.abs(interval.lower), Math.abs(interval.upper), Math.abs(margin));
    const passed = compare(bound, rule.comparator, margin, scale);
    const result: RuleResult = {
      ...shown,
      threshold: notNaN(threshold),
      delta: notNaN(delta),
      passed,
      verdict: passed ? 'passed' : 'failed',
      interval,
    };
    if (passed) return result;
    const percent = `${formatNumber(interval.level * 100)}%`;
    const which = higherIsBetter ? 'lower' : 'upper';
    return {
      ...result,
      note:
        `the ${percent} interval of mean(candidate − baseline) is [${formatNumber(interval.lower)}, ${formatNumber(interval.upper)}]; ` +
        `its ${which} bound must be ${rule.comparator} ${formatNumber(margin)}`,
    };
  }

  /** One bootstrap per candidate and level, shared by the rules that need it. */
  private intervalFor(name: string, level: number): Interval {
    const key = `${level}\u0000${name}`;
    const cached = this.intervals.get(key);
    if (cached !== undefined) return cached;
    // prepareGate made sure both series exist, are not empty and match whenever a statistical rule runs.
    const candidate = this.input.samples?.candidates[name] ?? [];
    const baseline = this.input.samples?.baseline ?? [];
    const interval = pairedBootstrap(candidate, baseline, {
      level,
      resamples: this.input.bootstrap?.resamples ?? DEFAULT_RESAMPLES,
      seed: this.input.bootstrap?.seed ?? DEFAULT_SEED,
    });
    this.intervals.set(key, interval);
    return interval;
  }

  private baselineValue(metric: string): number | undefined {
    const metrics = this.input.baseline?.metrics;
    return metrics !== undefined && Object.hasOwn(metrics, metric) ? metrics[metric] : undefined;
  }

  /** Why a baseline rule must be skipped, or undefined when the baseline value is usable. */
  private baselineProblem(metric: string, value: number | undefined): string | undefined {
    const baseline = this.input.baseline;
    if (baseline === null) {
      const source = this.input.missingBaselineSource;
      return source ? `no baseline: ${source} was not found` : 'no baseline was given';
    }
    if (value === undefined) return `the baseline has no ${metric} (${baseline.source})`;
    if (Number.isNaN(value)) return `baseline.${metric} is NaN in ${baseline.source}`;
    return undefined;
  }
}

/** A note when a candidate's metric can't be compared: missing, or NaN. */
function problemWith(value: number | undefined, metric: string, file: string): string | undefined {
  if (value === undefined) return `${metric} is missing in ${file}`;
  if (Number.isNaN(value)) return `${metric} is NaN in ${file}`;
  return undefined;
}

/**
 * Compares with a relative tolerance of 1e-9 of the largest magnitude involved
 * (`scale`), so rounding in `baseline + offset` decides nothing. Infinite
 * values compare exactly.
 */
function compare(left: number, comparator: Comparator, right: number, scale: number): boolean {
  const exact = !Number.isFinite(left) || !Number.isFinite(right) || !Number.isFinite(scale);
  const equal = exact ? left === right : Math.abs(left - right) <= 1e-9 * scale;
  switch (comparator) {
    case '>=':
      return equal || left > right;
    case '>':
      return !equal && left > right;
    case '<=':
      return equal || left < right;
    case '<':
      return !equal && left < right;
    case '==':
      return equal;
    case '!=':
      return !equal;
  }
}

/** NaN (and missing) become null, so the results JSON says "no number" rather than a wrong one. */
function usable(value: number | undefined): number | null {
  return value === undefined || Number.isNaN(value) ? null : value;
}

/** NaN (from Infinity - Infinity) becomes null; infinities stay. */
function notNaN(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

/** Up to 4 significant digits, without trailing zeros: 0.0133333 → 0.01333. */
function formatNumber(value: number): string {
  return String(Number(value.toPrecision(4)));
}
