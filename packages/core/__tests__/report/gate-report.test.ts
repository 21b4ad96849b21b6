import { renderGateReport, skippedBaselineSummary, statusDescription } from '../../src/report/gate-report.js';
import { renderJUnit } from '../../src/report/junit.js';
import { renderBarChart } from '../../src/report/chart.js';
import { escapeCell, formatNumber, formatSigned, truncate } from '../../src/report/format.js';
import type { GateResults } from '../../src/types/gate.js';
import { twoCandidates } from './fixtures.js';

const options = {
  direction: (metric: string) => (metric === 'loss' ? ('lower' as const) : ('higher' as const)),
  context: 'mlops-ci/gate',
  runUrl: 'https://github.com/acme/models/actions/runs/1',
};

describe('renderGateReport', () => {
  const report = renderGateReport(twoCandidates(), options);

  test('headline names the verdict, the context and the best candidate', () => {
    expect(report.split('\n')[0]).toBe('### ✅ mlops-ci gate `mlops-ci/gate` passed — best: **rf**');
  });

  test('the best candidate comes first, then the others by name', () => {
    expect(report.indexOf('#### rf')).toBeLessThan(report.indexOf('#### gb'));
  });

  test('one row per rule with candidate, baseline, signed delta and an arrow that knows the better direction', () => {
    // loss went down for rf: down arrow, better (green); up for gb: worse (red).
    expect(report).toContain('| `loss` | 0.15 | 0.2 | ▼ −0.05 🟢 | `loss <= baseline.loss` | ✅ pass |');
    expect(report).toContain('| `loss` | 0.25 | 0.2 | ▲ +0.05 🔴 | `loss <= baseline.loss` | ❌ fail |');
    expect(report).toContain('| `accuracy` | 0.9533 | — | ▲ +0.05333 🟢 | `accuracy >= 0.9` | ✅ pass |');
  });

  test('a statistical rule shows its interval', () => {
    expect(report).toContain('`accuracy >= baseline.accuracy - 0.01 @ 95%`<br>95% CI of Δ: [−0.0067, +0.0333]');
  });

  test('a mermaid chart compares candidates and the baseline on the selected metric', () => {
    expect(report).toContain(['```mermaid', 'xychart-beta', '  title "accuracy by candidate"', '  x-axis ["gb", "rf", "baseline"]'].join('\n'));
    expect(report).toMatch(/ {2}bar \[0\.91, 0\.9533, 0\.94\]/);
  });

  test('a failed gate says so and the status line names the first failing rule', () => {
    const failed: GateResults = { ...twoCandidates(), passed: false, best: null, candidates: { gb: twoCandidates().candidates['gb']! } };
    expect(renderGateReport(failed, options).split('\n')[0]).toBe('### ❌ mlops-ci gate `mlops-ci/gate` did not pass');
    expect(statusDescription(failed)).toBe('Failed: gb: loss <= baseline.loss (loss = 0.25)');
  });

  test('user text cannot break the table', () => {
    const results = twoCandidates();
    const evil: GateResults = { ...results, candidates: { 'a|b<script>': results.candidates['rf']! }, best: 'a|b<script>' };
    const md = renderGateReport(evil, options);
    expect(md).toContain('#### a\\|b&lt;script&gt; — ✅ passed');
    expect(md).not.toContain('<script>');
  });

  test('a gate that passed with baseline rules skipped says so, and why, in its headline', () => {
    const results = twoCandidates();
    const rf = results.candidates['rf']!;
    const note = 'no baseline: git:origin/main:metrics.json was not found';
    const skippedRules = rf.rules.map((rule) => (rule.rule.includes('baseline.') ? { ...rule, baseline: null, threshold: null, delta: null, passed: false, verdict: 'skipped' as const, note } : rule));
    const skipped: GateResults = { ...results, baseline: { source: 'git:origin/main:metrics.json', metrics: null }, candidates: { rf: { ...rf, rules: skippedRules } } };
    const headline = renderGateReport(skipped, options).split('\n')[0];
    expect(headline).toBe(
      '### ✅ mlops-ci gate `mlops-ci/gate` passed — best: **rf** · ⏭️ 2 baseline rules skipped: no baseline: git:origin/main:metrics.json was not found',
    );
    expect(skippedBaselineSummary(skipped)).toBe('2 baseline rules skipped: no baseline: git:origin/main:metrics.json was not found');
    expect(skippedBaselineSummary(twoCandidates())).toBeNull();
  });

  test('status descriptions fit GitHub’s 140 characters', () => {
    const results = twoCandidates();
    const long: GateResults = { ...results, passed: true, best: 'x'.repeat(300) };
    expect(statusDescription(long).length).toBeLessThanOrEqual(140);
  });
});

describe('renderJUnit', () => {
  test('one testsuite per candidate and one testcase per rule, failures and skips counted', () => {
    const results = twoCandidates();
    const skipped: GateResults = {
      ...results,
      candidates: {
        ...results.candidates,
        nb: {
          passed: false,
          metricsFile: 'nb.json',
          metrics: {},
          metricsDigest: 'sha256:0',
          rules: [{ rule: 'f1 >= baseline.f1', metric: 'f1', value: 0.5, baseline: null, threshold: null, delta: null, passed: false, verdict: 'skipped', note: 'no baseline' }],
        },
      },
    };
    const xml = renderJUnit(skipped);
    expect(xml).toContain('<testsuites name="mlops-ci evaluate-and-gate" tests="6" failures="1" skipped="1">');
    expect(xml).toContain('<testsuite name="gb" tests="2" failures="1" skipped="0" errors="0">');
    expect(xml).toContain('<testcase classname="mlops-ci.gate.gb" name="loss &lt;= baseline.loss">');
    expect(xml).toContain('<failure message="loss = 0.25; baseline = 0.2; threshold = 0.2" type="GateRuleFailed">');
    expect(xml).toContain('<skipped message="no baseline"/>');
    expect(xml).toContain('95% CI of the difference = [-0.0067, 0.0333]');
  });

  test('control characters and quotes in names stay well-formed', () => {
    const results = twoCandidates();
    const odd: GateResults = { ...results, candidates: { 'a"\u0001&': results.candidates['gb']! } };
    expect(renderJUnit(odd)).toContain('<testsuite name="a&quot;&amp;"');
  });
});

describe('chart and format', () => {
  test('the axis zooms to the data but keeps it inside', () => {
    const chart = renderBarChart({ title: 't', metric: 'm', bars: [{ label: 'a', value: 0.953331 }, { label: 'b', value: 0.953332 }] });
    const axis = /y-axis "m" ([\d.]+) --> ([\d.]+)/.exec(chart)!;
    expect(Number(axis[1])).toBeLessThanOrEqual(0.953331);
    expect(Number(axis[2])).toBeGreaterThanOrEqual(0.953332);
  });

  test('nothing finite to draw gives no chart', () => {
    expect(renderBarChart({ title: 't', metric: 'm', bars: [{ label: 'a', value: Number.NaN }] })).toBe('');
  });

  test.each([
    [0.953333, '0.9533'],
    [118.25, '118.3'],
    [3, '3'],
    [Number.NaN, 'NaN'],
    [null, '—'],
  ])('formatNumber(%p) = %s', (value, text) => expect(formatNumber(value)).toBe(text));

  test('signed numbers and cells', () => {
    expect(formatSigned(-0.05)).toBe('−0.05');
    expect(formatSigned(0)).toBe('±0');
    expect(escapeCell('a|b\nc')).toBe('a\\|b c');
  });

  test('truncate keeps within the limit and says it cut', () => {
    const cut = truncate('x'.repeat(70_000), 65_535, '_cut_');
    expect(cut.length).toBeLessThanOrEqual(65_535);
    expect(cut.endsWith('_cut_\n')).toBe(true);
  });
});

describe('truncate by bytes', () => {
  test('fits GitHub’s byte limit with multi-byte text and never splits a character', () => {
    const cut = truncate('✅'.repeat(30_000), 65_535, '_cut_', 'bytes');
    expect(Buffer.byteLength(cut, 'utf8')).toBeLessThanOrEqual(65_535);
    expect(cut).not.toContain('\uFFFD');
    expect(cut.endsWith('_cut_\n')).toBe(true);
  });

  test('text within the limit is kept as it is', () => {
    expect(truncate('✅ ok', 100, '_cut_', 'bytes')).toBe('✅ ok');
  });
});
