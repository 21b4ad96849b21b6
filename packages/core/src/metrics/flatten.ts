/**
 * Turning a parsed metrics document (JSON, YAML or TOML) into flat
 * `metric name → number` pairs, the way DVC shows metrics: nested keys are
 * joined with dots, list items by their index.
 */
import type { MetricValues } from '../types/gate.js';

/**
 * Flattens a parsed metrics document into dotted keys with numeric values.
 *
 * - Nested mappings join keys with a dot: `{ eval: { acc: 0.9 } }` → `eval.acc`.
 * - Lists are flattened by index, as DVC does: `{ folds: [{ acc: 0.9 }] }` → `folds.0.acc`.
 * - Numbers are kept as they are, including NaN and ±Infinity (a NaN metric must
 *   fail its rules with a note, so it has to survive flattening).
 * - Booleans become 1 (true) and 0 (false), so `converged == 1` can be a rule.
 * - BigInts (huge TOML integers) become the nearest number.
 * - Everything else (strings, null, dates, empty mappings/lists) is left out:
 *   a rule on such a key then sees the metric as missing.
 *
 * When two paths flatten to the same key (`{"a.b": 1, "a": {"b": 2}}`), the
 * later one in document order wins.
 */
export function flattenMetrics(document: unknown): MetricValues {
  const entries: [string, number][] = [];
  collectLeaves(document, '', entries);
  // Object.fromEntries defines own properties, so a key like `__proto__`
  // becomes a metric rather than changing the object's prototype.
  return Object.fromEntries(entries);
}

function collectLeaves(node: unknown, prefix: string, out: [string, number][]): void {
  const leaf = numericLeaf(node);
  if (leaf !== undefined) {
    // A scalar at the top level has no name to go under; nothing to record.
    if (prefix !== '') out.push([prefix, leaf]);
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, index) => collectLeaves(item, joinKey(prefix, String(index)), out));
    return;
  }
  if (isPlainMapping(node)) {
    for (const [key, value] of Object.entries(node)) collectLeaves(value, joinKey(prefix, key), out);
  }
}

/** The number a leaf stands for, or undefined when it is not a numeric leaf. */
function numericLeaf(node: unknown): number | undefined {
  if (typeof node === 'number') return node;
  if (typeof node === 'boolean') return node ? 1 : 0;
  if (typeof node === 'bigint') return Number(node);
  return undefined;
}

function joinKey(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}

/**
 * Plain objects and null-prototype objects (what smol-toml returns) are
 * mappings; class instances such as TOML dates are leaves we ignore.
 */
export function isPlainMapping(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
