import { metricsDigest } from '../../src/metrics/digest.js';
import { parseRules } from '../../src/metrics/rules.js';
import type { CandidateResult, GateResults } from '../../src/types/gate.js';

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

/** The rules behind `twoCandidates`, parsed, in the order the results hold them. */
export const FIXTURE_RULES = parseRules('accuracy >= 0.9\nloss <= baseline.loss\naccuracy >= baseline.accuracy - 0.01 @ 95%');

export const reportOptions = {
  direction: (metric: string) => (metric === 'loss' ? ('lower' as const) : ('higher' as const)),
  context: 'mlops-ci/gate',
  runUrl: 'https://github.com/acme/models/actions/runs/1',
  rules: FIXTURE_RULES,
};

/** `twoCandidates` with neither passing: rf misses `accuracy >= 0.9` too, and ranks first on `select` (min:loss). */
export function bothFail(): GateResults {
  const results = twoCandidates();
  const rf = results.candidates['rf']!;
  const failedThreshold = { ...rf.rules[0]!, value: 0.85, delta: -0.05, passed: false, verdict: 'failed' as const };
  const failedStatistical = { ...rf.rules[2]!, value: 0.85, delta: -0.09, passed: false, verdict: 'failed' as const, note: 'the 95% interval of mean(candidate − baseline) is [-0.12, -0.06]; its lower bound must be >= -0.01' };
  return {
    ...results,
    passed: false,
    best: null,
    selection: { mode: 'min', metric: 'loss' },
    selectionNote: 'none of the 2 candidates passed every rule',
    candidates: {
      gb: results.candidates['gb']!,
      rf: { ...rf, passed: false, metrics: { accuracy: 0.85, loss: 0.15 }, rules: [failedThreshold, rf.rules[1]!, failedStatistical] },
    },
  };
}

/** `count` candidates on one threshold rule, `m0` … `m<count-1>`, accuracy rising with the index; the last passes. */
export function manyCandidates(count: number): GateResults {
  const candidates: Record<string, CandidateResult> = {};
  for (let i = 0; i < count; i++) {
    const accuracy = 0.8 + (0.1 * (i + 1)) / count;
    const passed = accuracy >= 0.9;
    candidates[`candidate-with-a-long-name-${i}`] = {
      passed,
      metricsFile: `out/m${i}/metrics.json`,
      metrics: { accuracy },
      metricsDigest: metricsDigest({ accuracy }),
      rules: [{ rule: 'accuracy >= 0.9', metric: 'accuracy', value: accuracy, baseline: null, threshold: 0.9, delta: accuracy - 0.9, passed, verdict: passed ? 'passed' : 'failed' }],
    };
  }
  const best = `candidate-with-a-long-name-${count - 1}`;
  return {
    passed: true,
    best,
    candidates,
    baseline: { source: 'git:main:metrics.json', metrics: { accuracy: 0.88 } },
    selection: { mode: 'max', metric: 'accuracy' },
    selectionNote: `${best} is the only candidate that passed`,
  };
}
