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
  const fromRules = directionFromRules(metric, rules);
  if (fromRules !== undefined) return fromRules;
  if (selection !== null && selection.metric === metric) return selection.mode === 'max' ? 'higher' : 'lower';
  return nameParts(metric).some((part) => LOWER_IS_BETTER.has(part)) ? 'lower' : 'higher';
}

function directionFromRules(metric: string, rules: readonly Rule[]): Direction | undefined {
  const seen = new Set<Direction>();
  for (const rule of rules) {
    if (rule.metric !== metric) continue;
    if (rule.comparator === '>=' || rule.comparator === '>') seen.add('higher');
    if (rule.comparator === '<=' || rule.comparator === '<') seen.add('lower');
  }
  return seen.size === 1 ? [...seen][0] : undefined;
}

function nameParts(metric: string): string[] {
  return metric
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((part) => part !== '');
}
