/**
 * Which way is better for a metric, for the report's up/down arrows.
 */
import type { Direction, Rule, Selection } from '../types/gate.js';

/** Name parts that mean "lower is better". */
const LOWER_IS_BETTER = new Set(['loss', 'error', 'err', 'latency', 'mse', 'rmse', 'mae', 'time', 'duration', 'size']);

/**
 * The better direction of `metric`, from the strongest evidence available:
 * 1. the rules on it: `>=` / `>` mean higher is better, `<=` / `<` lower
 *    (`==`, `!=` say nothing; rules pointing both ways, a range, say nothing);
 * 2. else `select`, when it is about this metric: `max` → higher, `min` → lower;
 * 3. else the name: a part (split at `.`, `_`, `-`, `/`, spaces and camelCase)
 *    that is loss, error, err, latency, mse, rmse, mae, time, duration or size
 *    → lower (`val_loss`, `eval.latency_ms`, `trainTime`);
 * 4. else higher.
 */
export function metricDirection(metric: string, rules: readonly Rule[], selection: Selection | null): Direction {
  return metricDirections(rules, selection)(metric);
}

/**
 * `metricDirection` for many metrics: the rules are indexed by metric once,
 * so a report of R rows over R rules costs O(R), not a scan of every rule
 * for every row, which is quadratic (bench/evaluate-and-gate/README.md).
 */
export function metricDirections(rules: readonly Rule[], selection: Selection | null): (metric: string) => Direction {
  const fromRules = directionsFromRules(rules);
  return (metric) => {
    const stated = fromRules.get(metric);
    if (stated !== undefined && stated.size === 1) return [...stated][0] as Direction;
    if (selection !== null && selection.metric === metric) return selection.mode === 'max' ? 'higher' : 'lower';
    return nameParts(metric).some((part) => LOWER_IS_BETTER.has(part)) ? 'lower' : 'higher';
  };
}

/** The directions each metric's rules point in; one direction is evidence, two (a range) are none. */
function directionsFromRules(rules: readonly Rule[]): Map<string, Set<Direction>> {
  const byMetric = new Map<string, Set<Direction>>();
  for (const rule of rules) {
    const direction = comparatorDirection(rule);
    if (direction === undefined) continue;
    const seen = byMetric.get(rule.metric) ?? new Set<Direction>();
    seen.add(direction);
    byMetric.set(rule.metric, seen);
  }
  return byMetric;
}

/** `>=` / `>` mean higher is better, `<=` / `<` lower; `==` and `!=` say nothing. */
function comparatorDirection(rule: Rule): Direction | undefined {
  if (rule.comparator === '>=' || rule.comparator === '>') return 'higher';
  if (rule.comparator === '<=' || rule.comparator === '<') return 'lower';
  return undefined;
}

function nameParts(metric: string): string[] {
  return metric
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((part) => part !== '');
}
