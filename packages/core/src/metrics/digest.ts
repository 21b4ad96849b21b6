import { createHash } from 'node:crypto';
import type { MetricValues } from '../types/gate.js';

/**
 * A digest of a candidate's flat metrics, independent of key order and of the
 * file's format (JSON, YAML, TOML hold the same numbers the same way):
 * `sha256:<hex>` of the sorted `[name, value]` pairs as JSON, values as
 * strings so NaN and ±Infinity stay distinct from each other and from null.
 * evaluate-and-gate records it per candidate; promote-model recomputes it from
 * the metrics it is about to register and refuses a mismatch.
 */
export function metricsDigest(metrics: MetricValues): string {
  const pairs = Object.keys(metrics)
    .sort()
    .map((name) => [name, String(metrics[name])]);
  return `sha256:${createHash('sha256').update(JSON.stringify(pairs)).digest('hex')}`;
}
