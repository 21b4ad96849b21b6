/**
 * Shapes shared by the gate's parts (rules, metrics, statistics, report, SCM).
 * Types only: importing this module loads no behaviour.
 */

/** Flat metrics of one candidate: nested keys joined with dots, as DVC does. */
export type MetricValues = Readonly<Record<string, number>>;

/** A comparison operator a rule may use. */
export type Comparator = '>=' | '>' | '<=' | '<' | '==' | '!=';

/** The right side of a comparison: a number, or a baseline metric plus an offset. */
export type Operand =
  | { readonly kind: 'number'; readonly value: number }
  | {
      readonly kind: 'baseline';
      readonly metric: string;
      /** Added to the metric's value: `baseline.f1 - 0.01` has offset -0.01. */
      readonly offset: number;
    };

/** A parsed rule, e.g. `f1 >= baseline.f1 - 0.01 @ 95%`. */
export interface Rule {
  /** The rule as the user wrote it (trimmed). */
  readonly text: string;
  /** 1-based line in the `rules` input. */
  readonly line: number;
  /** The candidate metric on the left-hand side. */
  readonly metric: string;
  readonly comparator: Comparator;
  readonly right: Operand;
  /** Confidence level in (0,1) for a statistical rule (`@ 95%` → 0.95), else undefined. */
  readonly confidence?: number;
}

/** A paired bootstrap confidence interval of mean(candidate - baseline). */
export interface Interval {
  readonly level: number;
  readonly lower: number;
  readonly upper: number;
  readonly resamples: number;
  readonly seed: number;
}

export type RuleVerdict = 'passed' | 'failed' | 'skipped';

/** The outcome of one rule for one candidate: the `rules[]` entries of the results JSON. */
export interface RuleResult {
  readonly rule: string;
  readonly metric: string;
  readonly value: number | null;
  readonly baseline: number | null;
  /** The number the value was compared with (right-hand side evaluated). */
  readonly threshold: number | null;
  /** value - baseline when the rule uses the baseline, else value - threshold. */
  readonly delta: number | null;
  readonly passed: boolean;
  readonly verdict: RuleVerdict;
  /** Why a rule was skipped or failed in a way a number cannot tell. */
  readonly note?: string;
  readonly interval?: Interval;
}

export interface CandidateResult {
  readonly passed: boolean;
  readonly metricsFile: string;
  readonly metrics: MetricValues;
  /** `metricsDigest(metrics)`: promote-model checks the metrics it registers against it. */
  readonly metricsDigest: string;
  readonly rules: readonly RuleResult[];
}

/** Which direction of a metric is better, for arrows in the report and `select`. */
export type Direction = 'higher' | 'lower';

export interface Selection {
  readonly mode: 'max' | 'min';
  readonly metric: string;
}

/** The gate's verdict: this is the `results` output, serialized as JSON. */
export interface GateResults {
  readonly passed: boolean;
  /** Best passing candidate (by `select`, ties broken by name), or null when none passed. */
  readonly best: string | null;
  readonly candidates: Readonly<Record<string, CandidateResult>>;
  readonly baseline: { readonly source: string | null; readonly metrics: MetricValues | null };
  readonly selection: Selection | null;
  /** A sentence on how `best` was chosen (ties, single candidate, none passed). */
  readonly selectionNote: string;
}
