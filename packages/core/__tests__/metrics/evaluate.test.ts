import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { evaluateGate, prepareGate, type EvaluateGateInput, type GateCandidate } from '../../src/metrics/evaluate.js';
import { loadMetricsFile, resolveMetricInputs } from '../../src/metrics/load.js';
import { parseRules } from '../../src/metrics/rules.js';
import { loadSampleInputs } from '../../src/metrics/samples.js';
import { parseSelect } from '../../src/metrics/select.js';
import type { MetricValues } from '../../src/types/gate.js';
import { inputErrorOf, makeFixtureDir, removeDir } from './helpers.js';

/** 0/1 correctness over 200 rows, wrong where `isWrong(row)`, as a JSON file. */
function correctnessJson(isWrong: (row: number) => boolean): string {
  return JSON.stringify(Array.from({ length: 200 }, (_, row) => (isWrong(row) ? 0 : 1)));
}

let dir: string;
let candidates: GateCandidate[];
let baselineMetrics: MetricValues;

beforeAll(async () => {
  dir = await makeFixtureDir({
    'out/rf/metrics.json': '{"accuracy": 0.95, "f1": 0.91, "latency_ms": 110, "loss": 0.20}',
    'out/gb/metrics.yaml': 'accuracy: 0.95\nf1: 0.93\nlatency_ms: 90\nloss: 0.25\n',
    'out/lr/metrics.toml': 'accuracy = 0.85\nf1 = 0.80\nlatency_ms = 10\nloss = 0.4\n',
    'prod/metrics.json': '{"accuracy": 0.80, "f1": 0.90, "loss": 0.22}',
    'nan/rf/metrics.json': '{"accuracy": NaN, "f1": 0.9}',
    'nan/gb/metrics.json': '{"f1": 0.9}',
    // 95% correct vs 80% for the baseline, and 80% on other rows than the baseline's.
    'samples/rf.json': correctnessJson((row) => row % 20 === 0),
    'samples/gb.json': correctnessJson((row) => row % 5 === 2),
    'samples/lr.json': correctnessJson((row) => row % 2 === 0),
    'samples/prod.json': correctnessJson((row) => row % 5 === 1),
    'samples/short.json': '[1, 0, 1]',
  });
  const inputs = await resolveMetricInputs(['out/rf/metrics.json', 'out/gb/metrics.yaml', 'out/lr/metrics.toml'], dir);
  candidates = await Promise.all(inputs.map(async (input) => ({ ...input, metrics: await loadMetricsFile(input.file, dir) })));
  baselineMetrics = await loadMetricsFile('prod/metrics.json', dir);
});
afterAll(() => removeDir(dir));

/** Prepares (checks) the gate, then evaluates it, as the step does. */
function evaluate(input: EvaluateGateInput) {
  return evaluateGate(prepareGate(input));
}

function gateInput(overrides: Partial<EvaluateGateInput> & { rulesText?: string }): EvaluateGateInput {
  const { rulesText, ...rest } = overrides;
  return {
    candidates,
    baseline: { source: 'prod/metrics.json', metrics: baselineMetrics },
    rules: parseRules(rulesText ?? 'accuracy >= 0.9'),
    selection: null,
    onMissingBaseline: 'pass',
    ...rest,
  };
}

describe('evaluateGate: point rules', () => {
  test('evaluates every rule for every candidate, with its evidence', () => {
    const results = evaluate(
      gateInput({
        rulesText: 'accuracy >= 0.9\nf1 >= baseline.f1 - 0.01\nlatency_ms <= 120\nloss < baseline.loss',
        selection: parseSelect('max:accuracy'),
      }),
    );
    expect(results.passed).toBe(true);
    expect(results.best).toBe('rf');
    expect(results.selectionNote).toBe('rf is the only candidate that passed');
    expect(Object.keys(results.candidates)).toEqual(['rf', 'gb', 'lr']);
    expect(results.baseline).toEqual({ source: 'prod/metrics.json', metrics: baselineMetrics });
    expect(results.selection).toEqual({ mode: 'max', metric: 'accuracy' });

    const rf = results.candidates['rf'];
    expect(rf?.passed).toBe(true);
    expect(rf?.metricsFile).toBe('out/rf/metrics.json');
    expect(rf?.rules[0]).toEqual({
      rule: 'accuracy >= 0.9',
      metric: 'accuracy',
      value: 0.95,
      baseline: null,
      threshold: 0.9,
      delta: 0.95 - 0.9,
      passed: true,
      verdict: 'passed',
    });
    expect(rf?.rules[1]).toEqual({
      rule: 'f1 >= baseline.f1 - 0.01',
      metric: 'f1',
      value: 0.91,
      baseline: 0.9,
      threshold: 0.9 - 0.01,
      delta: 0.91 - 0.9,
      passed: true,
      verdict: 'passed',
    });
    expect(rf?.rules[3]).toMatchObject({ rule: 'loss < baseline.loss', value: 0.2, baseline: 0.22, threshold: 0.22, passed: true });

    const gb = results.candidates['gb'];
    expect(gb?.rules.map((rule) => rule.verdict)).toEqual(['passed', 'passed', 'passed', 'failed']);
    expect(gb?.passed).toBe(false);
    expect(gb?.rules[3]).toMatchObject({ value: 0.25, baseline: 0.22, delta: 0.25 - 0.22, passed: false, verdict: 'failed' });
    expect(gb?.rules[3]?.note).toBeUndefined();

    expect(results.candidates['lr']?.passed).toBe(false);
  });

  test('select among passing candidates only; a tie is broken by name and the note says so', () => {
    const results = evaluate(gateInput({ rulesText: 'accuracy >= 0.9', selection: { mode: 'max', metric: 'accuracy' } }));
    expect(results.best).toBe('gb');
    expect(results.selectionNote).toBe('rf and gb tie on accuracy = 0.95; chose gb by name');
    const strict = evaluate(gateInput({ rulesText: 'accuracy >= 0.9\nloss < baseline.loss', selection: { mode: 'max', metric: 'accuracy' } }));
    expect(strict.best).toBe('rf');
    expect(strict.selectionNote).toBe('rf is the only candidate that passed');
  });

  test('no select: the first passing candidate by name, with a note', () => {
    const results = evaluate(gateInput({ rulesText: 'accuracy >= 0.9' }));
    expect(results.best).toBe('gb');
    expect(results.selectionNote).toBe("rf and gb passed; with no 'select', chose gb, the first by name");
  });

  test('none passing: the gate fails and best is null', () => {
    const results = evaluate(gateInput({ rulesText: 'accuracy >= 0.99', selection: { mode: 'max', metric: 'accuracy' } }));
    expect(results).toMatchObject({ passed: false, best: null, selectionNote: 'none of the 3 candidates passed every rule' });
  });

  test('decimal rounding does not flip a verdict: 0.3 >= baseline 0.2 + 0.1, 0.3 == 0.1 + 0.2', () => {
    const results = evaluate({
      candidates: [{ name: 'm', file: 'm.json', metrics: { a: 0.3, b: 0.1 + 0.2 } }],
      baseline: { source: 'b.json', metrics: { a: 0.2 } },
      rules: parseRules('a >= baseline.a + 0.1\nb == 0.3\na > baseline.a + 0.1'),
      selection: null,
      onMissingBaseline: 'fail',
    });
    expect(results.candidates['m']?.rules.map((rule) => rule.verdict)).toEqual(['passed', 'passed', 'failed']);
  });

  test('is pure: the same input gives the same, JSON-serializable result', () => {
    const input = gateInput({ rulesText: 'accuracy >= 0.9\nf1 >= baseline.f1' });
    const first = evaluate(input);
    expect(evaluate(input)).toEqual(first);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
  });
});

describe('evaluateGate: missing baseline', () => {
  const rulesText = 'accuracy >= 0.9\nf1 >= baseline.f1 - 0.01';

  test('baseline rules are skipped (passed: false) and on-missing-baseline: pass lets candidates pass', () => {
    const results = evaluate(gateInput({ rulesText, baseline: null, missingBaselineSource: 'git:origin/main:metrics.json' }));
    const rf = results.candidates['rf'];
    expect(rf?.rules[1]).toEqual({
      rule: 'f1 >= baseline.f1 - 0.01',
      metric: 'f1',
      value: 0.91,
      baseline: null,
      threshold: null,
      delta: null,
      passed: false,
      verdict: 'skipped',
      note: 'no baseline: git:origin/main:metrics.json was not found',
    });
    expect(rf?.passed).toBe(true);
    expect(results.passed).toBe(true);
    expect(results.baseline).toEqual({ source: 'git:origin/main:metrics.json', metrics: null });
  });

  test('on-missing-baseline: fail fails candidates with skipped rules', () => {
    const results = evaluate(gateInput({ rulesText, baseline: null, onMissingBaseline: 'fail' }));
    expect(results.candidates['rf']?.rules[1]).toMatchObject({ verdict: 'skipped', note: 'no baseline was given' });
    expect(results.candidates['rf']?.passed).toBe(false);
    expect(results).toMatchObject({ passed: false, best: null, baseline: { source: null, metrics: null } });
  });

  test('a skipped rule never rescues a failed one', () => {
    const results = evaluate(gateInput({ rulesText: 'accuracy >= 0.99\nf1 >= baseline.f1', baseline: null }));
    expect(results.passed).toBe(false);
  });

  test('a baseline without the metric (it predates it) skips that rule, with a note', () => {
    const results = evaluate(gateInput({ rulesText: 'latency_ms <= baseline.latency_ms', onMissingBaseline: 'fail' }));
    expect(results.candidates['rf']?.rules[0]).toMatchObject({
      value: 110,
      baseline: null,
      verdict: 'skipped',
      note: 'the baseline has no latency_ms (prod/metrics.json)',
    });
  });

  test('a NaN baseline value skips the rule', () => {
    const results = evaluate(gateInput({ rulesText: 'f1 >= baseline.f1', baseline: { source: 'b.json', metrics: { f1: Number.NaN } } }));
    expect(results.candidates['rf']?.rules[0]).toMatchObject({ verdict: 'skipped', note: 'baseline.f1 is NaN in b.json' });
  });
});

describe('evaluateGate: NaN and missing values', () => {
  test('a NaN or missing metric fails the candidate with a note naming the file', async () => {
    const inputs = await resolveMetricInputs(['nan/*/metrics.json'], dir);
    const loaded = await Promise.all(inputs.map(async (input) => ({ ...input, metrics: await loadMetricsFile(input.file, dir) })));
    const results = evaluate(gateInput({ candidates: loaded, rulesText: 'accuracy >= 0.9\nf1 >= 0.5' }));
    expect(results.candidates['rf']?.rules[0]).toEqual({
      rule: 'accuracy >= 0.9',
      metric: 'accuracy',
      value: null,
      baseline: null,
      threshold: null,
      delta: null,
      passed: false,
      verdict: 'failed',
      note: 'accuracy is NaN in nan/rf/metrics.json',
    });
    expect(results.candidates['gb']?.rules[0]).toMatchObject({ verdict: 'failed', note: 'accuracy is missing in nan/gb/metrics.json' });
    expect(results.candidates['gb']?.rules[1]).toMatchObject({ verdict: 'passed' });
    expect(results.passed).toBe(false);
  });

  test('a missing candidate value fails even when the baseline is missing too', () => {
    const results = evaluate(gateInput({
      candidates: [{ name: 'a', file: 'a.json', metrics: {} }, { name: 'b', file: 'b.json', metrics: { f1: 1 } }],
      rulesText: 'f1 >= baseline.f1',
      baseline: null,
    }));
    expect(results.candidates['a']?.rules[0]).toMatchObject({ verdict: 'failed', note: 'f1 is missing in a.json' });
  });
});

describe('prepareGate: bad input', () => {
  test('a rule naming a metric no candidate has', () => {
    expect(inputErrorOf(() => prepareGate(gateInput({ rulesText: 'accuracy >= 0.9\nprecision >= 0.8' })))).toEqual({
      input: 'rules',
      message: "input 'rules': rules line 2: 'precision' is not a metric of any candidate (rf, gb, lr); metrics found: accuracy, f1, latency_ms, loss",
    });
  });

  test('a select metric no candidate has', () => {
    expect(inputErrorOf(() => prepareGate(gateInput({ selection: { mode: 'max', metric: 'auc' } })))).toEqual({
      input: 'select',
      message: "input 'select': 'max:auc' names a metric no candidate has (rf, gb, lr)",
    });
  });

  test('no candidates, or two with one name', () => {
    expect(inputErrorOf(() => prepareGate(gateInput({ candidates: [] }))).input).toBe('metrics');
    const twice = [
      { name: 'a', file: 'x/a.json', metrics: { accuracy: 1 } },
      { name: 'a', file: 'y/a.json', metrics: { accuracy: 1 } },
    ];
    expect(inputErrorOf(() => prepareGate(gateInput({ candidates: twice }))).message).toBe(
      "input 'metrics': two candidates are named 'a': x/a.json and y/a.json; name them apart with name=path",
    );
  });
});

describe('evaluateGate: statistical rules', () => {
  const rulesText = 'accuracy >= baseline.accuracy - 0.01 @ 95%';
  const samplesFor = (...names: string[]) =>
    loadSampleInputs([...names.map((name) => `${name}=samples/${name}.json`), 'baseline=samples/prod.json'], dir);

  test('pass on the interval: a real improvement passes, a no-better one fails with a note', async () => {
    const samples = await samplesFor('rf', 'gb', 'lr');
    const results = evaluate(gateInput({ rulesText, ...(samples ? { samples } : {}), selection: parseSelect('max:accuracy') }));

    const rf = results.candidates['rf']?.rules[0];
    expect(rf).toEqual({
      rule: rulesText,
      metric: 'accuracy',
      value: 0.95,
      baseline: 0.8,
      threshold: 0.8 - 0.01,
      delta: 0.95 - 0.8,
      passed: true,
      verdict: 'passed',
      interval: { level: 0.95, lower: 0.085, upper: 0.215, resamples: 10_000, seed: 42 },
    });

    // Same 80% accuracy as the baseline on different rows: the interval straddles 0, lower < -0.01.
    const gb = results.candidates['gb']?.rules[0];
    expect(gb?.verdict).toBe('failed');
    expect(gb?.interval?.lower).toBeLessThan(-0.01);
    expect(gb?.interval?.upper).toBeGreaterThan(0);
    expect(gb?.note).toMatch(/^the 95% interval of mean\(candidate − baseline\) is \[-0\.\d+, 0\.\d+\]; its lower bound must be >= -0\.01$/);

    expect(results.candidates['lr']?.rules[0]?.verdict).toBe('failed');
    expect(results).toMatchObject({ passed: true, best: 'rf' });
  });

  test('the bootstrap settings are used and reported', async () => {
    const samples = await samplesFor('rf', 'gb', 'lr');
    const results = evaluate(gateInput({ rulesText, ...(samples ? { samples } : {}), bootstrap: { resamples: 500, seed: 1 } }));
    expect(results.candidates['rf']?.rules[0]?.interval).toMatchObject({ resamples: 500, seed: 1 });
  });

  test('<= rules use the upper bound', () => {
    const results = evaluate({
      candidates: [{ name: 'm', file: 'm.json', metrics: { loss: 0.1 } }],
      baseline: { source: 'b.json', metrics: { loss: 0.3 } },
      rules: parseRules('loss <= baseline.loss @ 90%'),
      samples: { candidates: { m: [0.1, 0.2, 0.1, 0.0, 0.1, 0.2] }, baseline: [0.3, 0.4, 0.2, 0.3, 0.3, 0.4] },
      selection: null,
      onMissingBaseline: 'fail',
    });
    const rule = results.candidates['m']?.rules[0];
    expect(rule?.passed).toBe(true);
    expect(rule?.interval?.upper).toBeLessThan(0);
  });

  test('without a baseline a statistical rule is skipped and needs no samples', () => {
    const results = evaluate(gateInput({ rulesText, baseline: null }));
    expect(results.candidates['rf']?.rules[0]).toMatchObject({ verdict: 'skipped', note: 'no baseline was given' });
  });

  test('missing samples for a candidate or the baseline is a bad input naming both', async () => {
    expect(inputErrorOf(() => prepareGate(gateInput({ rulesText })))).toEqual({
      input: 'samples',
      message:
        "input 'samples': rules line 1 ('accuracy >= baseline.accuracy - 0.01 @ 95%') is statistical and needs per-example scores for every candidate " +
        "and for the baseline; none given for candidate 'rf', candidate 'gb', candidate 'lr' and the baseline",
    });
    const some = await samplesFor('rf', 'gb');
    expect(inputErrorOf(() => prepareGate(gateInput({ rulesText, ...(some ? { samples: some } : {}) }))).message).toMatch(
      /none given for candidate 'lr'$/,
    );
  });

  test('samples of different lengths are a bad input', () => {
    const samples = { candidates: { rf: [1, 0, 1], gb: [1, 0, 1], lr: [1, 0] }, baseline: [1, 1, 1] };
    expect(inputErrorOf(() => prepareGate(gateInput({ rulesText, samples })))).toEqual({
      input: 'samples',
      message:
        "input 'samples': candidate 'rf' has 3 per-example scores but candidate 'lr' has 2; all must score the same evaluation set in the same order",
    });
  });

  test('empty series of scores are refused while preparing, not found by the bootstrap later', () => {
    const samples = { candidates: { rf: [], gb: [], lr: [] }, baseline: [] };
    expect(inputErrorOf(() => prepareGate(gateInput({ rulesText, samples })))).toEqual({
      input: 'samples',
      message: "input 'samples': candidate 'rf' has no per-example scores (the series is empty)",
    });
  });

  test('rows × resamples above the bootstrap budget is a bad input naming bootstrap-resamples', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => i % 2);
    const samples = { candidates: { rf: rows(2_000), gb: rows(2_000), lr: rows(2_000) }, baseline: rows(2_000) };
    expect(inputErrorOf(() => prepareGate(gateInput({ rulesText, samples, bootstrap: { resamples: 1_000_000 } })))).toEqual({
      input: 'bootstrap-resamples',
      message:
        "input 'bootstrap-resamples': 1,000,000 resamples of 2,000 per-example scores are 2,000,000,000 draws per candidate; " +
        'the gate allows 1,000,000,000 (here at most 500,000 resamples)',
    });
    expect(() => prepareGate(gateInput({ rulesText, samples, bootstrap: { resamples: 500_000 } }))).not.toThrow();
  });

  test('samples named after no candidate, or holding NaN, are a bad input', () => {
    expect(inputErrorOf(() => prepareGate(gateInput({ samples: { candidates: { rff: [1] } } }))).message).toBe(
      "input 'samples': scores are given for 'rff', which is not a candidate (candidates: rf, gb, lr; the baseline's are named 'baseline')",
    );
    expect(inputErrorOf(() => prepareGate(gateInput({ samples: { candidates: { rf: [1, Number.NaN] } } }))).message).toBe(
      "input 'samples': per-example score 2 of candidate 'rf' is NaN, not a finite number",
    );
  });
});
