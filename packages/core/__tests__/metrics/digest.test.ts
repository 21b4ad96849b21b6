import { metricsDigest } from '../../src/metrics/digest.js';
import { evaluateGate, prepareGate } from '../../src/metrics/evaluate.js';
import { metricsFromText } from '../../src/metrics/load.js';

describe('metricsDigest', () => {
  test('the same numbers give the same digest whatever the key order or the file format', () => {
    const json = metricsFromText('{"f1": {"macro": 0.94}, "accuracy": 0.95}', 'm.json');
    const yaml = metricsFromText('accuracy: 0.95\nf1:\n  macro: 0.94\n', 'm.yaml');
    expect(metricsDigest(json)).toBe(metricsDigest(yaml));
    expect(metricsDigest(json)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  test('any other value, name or extra metric changes it; NaN and Infinity stay apart', () => {
    const base = metricsDigest({ accuracy: 0.95 });
    expect(metricsDigest({ accuracy: 0.951 })).not.toBe(base);
    expect(metricsDigest({ acc: 0.95 })).not.toBe(base);
    expect(metricsDigest({ accuracy: 0.95, loss: 0.1 })).not.toBe(base);
    expect(metricsDigest({ x: Number.NaN })).not.toBe(metricsDigest({ x: Number.POSITIVE_INFINITY }));
  });

  test("evaluateGate records each candidate's digest in the results", () => {
    const results = evaluateGate(
      prepareGate({
        candidates: [{ name: 'rf', file: 'rf.json', metrics: { accuracy: 0.95 } }],
        baseline: null,
        rules: [],
        selection: null,
        onMissingBaseline: 'pass',
      }),
    );
    expect(results.candidates['rf']?.metricsDigest).toBe(metricsDigest({ accuracy: 0.95 }));
  });
});
