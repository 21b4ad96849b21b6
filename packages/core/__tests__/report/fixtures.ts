import { metricsDigest } from '../../src/metrics/digest.js';
import type { GateResults } from '../../src/types/gate.js';

/** Two candidates, one failing a baseline rule; one statistical rule with an interval. */
export function twoCandidates(): GateResults {
  return {
    passed: true,
    best: 'rf',
    selection: { mode: 'max', metric: 'accuracy' },
    selectionNote: 'rf has the highest accuracy among passing candidates.',
    baseline: { source: 'git:main:metrics.json', metrics: { accuracy: 0.94, loss: 0.2 } },
    candidates: {
      gb: {
        passed: false,
        metricsFile: 'out/gb/metrics.json',
        metrics: { accuracy: 0.91, loss: 0.25 },
        metricsDigest: metricsDigest({ accuracy: 0.91, loss: 0.25 }),
        rules: [
          { rule: 'accuracy >= 0.9', metric: 'accuracy', value: 0.91, baseline: null, threshold: 0.9, delta: 0.01, passed: true, verdict: 'passed' },
          { rule: 'loss <= baseline.loss', metric: 'loss', value: 0.25, baseline: 0.2, threshold: 0.2, delta: 0.05, passed: false, verdict: 'failed' },
        ],
      },
      rf: {
        passed: true,
        metricsFile: 'out/rf/metrics.json',
        metrics: { accuracy: 0.95333, loss: 0.15 },
        metricsDigest: metricsDigest({ accuracy: 0.95333, loss: 0.15 }),
        rules: [
          { rule: 'accuracy >= 0.9', metric: 'accuracy', value: 0.95333, baseline: null, threshold: 0.9, delta: 0.05333, passed: true, verdict: 'passed' },
          { rule: 'loss <= baseline.loss', metric: 'loss', value: 0.15, baseline: 0.2, threshold: 0.2, delta: -0.05, passed: true, verdict: 'passed' },
          {
            rule: 'accuracy >= baseline.accuracy - 0.01 @ 95%',
            metric: 'accuracy',
            value: 0.95333,
            baseline: 0.94,
            threshold: 0.93,
            delta: 0.01333,
            passed: true,
            verdict: 'passed',
            interval: { level: 0.95, lower: -0.0067, upper: 0.0333, resamples: 10000, seed: 42 },
          },
        ],
      },
    },
  };
}
