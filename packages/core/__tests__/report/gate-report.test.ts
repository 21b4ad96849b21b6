import { buildReportView, renderGateReport as renderView, skippedBaselineSummary, statusDescription, type ReportOptions } from '../../src/report/gate-report.js';
import { renderJUnit } from '../../src/report/junit.js';
import { escapeCell, formatNumber, formatSigned, truncate } from '../../src/report/format.js';
import type { GateResults } from '../../src/types/gate.js';
import { bothFail, manyCandidates, reportOptions as options, twoCandidates } from './fixtures.js';

const renderGateReport = (results: GateResults, reportOptions: ReportOptions): string => renderView(buildReportView(results, reportOptions));

describe('renderGateReport', () => {
  const report = renderGateReport(twoCandidates(), options);

  test('headline names the verdict, the context and the best candidate', () => {
    expect(report.split('\n')[0]).toBe('### ✅ mlops-ci gate `mlops-ci/gate` passed — best: **rf**');
  });

  test('one comparison table comes first: candidates as rows (the best first), rule metrics as columns, the baseline as a row', () => {
    const table = [
      '| Candidate | `accuracy` | `loss` | Verdict |',
      '|---|---:|---:|---|',
      '| rf | 0.9533 ✅ | 0.15 ✅ | ✅ best |',
      '| gb | 0.91 ✅ | 0.25 ❌ | ❌ 1 failed rule |',
      '| _baseline_ | 0.94 | 0.2 | — |',
    ].join('\n');
    expect(report).toContain(table);
    expect(report.indexOf(table)).toBeLessThan(report.indexOf('<details'));
  });

  test('each candidate’s rules are in a <details>, the winner’s open, with blank lines around the table', () => {
    expect(report).toContain('<details open>\n<summary><b>rf</b> — ✅ passed · best</summary>\n\n| Metric |');
    expect(report).toContain('<details>\n<summary><b>gb</b> — ❌ failed</summary>\n\n| Metric |');
    expect(report).toContain('<sub>out/gb/metrics.json</sub>\n\n</details>');
    expect(report.indexOf('<summary><b>rf</b>')).toBeLessThan(report.indexOf('<summary><b>gb</b>'));
  });

  test('Δ is against the baseline only, with an arrow that knows the better direction', () => {
    // loss went down for rf: down arrow, better (green); up for gb: worse (red).
    expect(report).toContain('| `loss` | 0.15 | 0.2 | ▼ −0.05 🟢 | `loss <= baseline.loss` | ✅ pass |');
    expect(report).toContain('| `loss` | 0.25 | 0.2 | ▲ +0.05 🔴 | `loss <= baseline.loss` | ❌ fail |');
  });

  test('a rule against a number has no Δ: its margin is in the rule cell', () => {
    expect(report).toContain('| `accuracy` | 0.9533 | — | — | `accuracy >= 0.9` · margin +0.05333 | ✅ pass |');
    expect(report).toContain('| `accuracy` | 0.91 | — | — | `accuracy >= 0.9` · margin +0.01 | ✅ pass |');
  });

  test('a margin is on the passing side for a lower-is-better rule, negative when the rule failed', () => {
    const results = twoCandidates();
    const gb = results.candidates['gb']!;
    const rules = [{ rule: 'loss <= 0.2', metric: 'loss', value: 0.25, baseline: null, threshold: 0.2, delta: 0.05, passed: false, verdict: 'failed' as const }];
    const md = renderGateReport({ ...results, passed: false, best: null, candidates: { gb: { ...gb, rules } } }, { ...options, rules: [{ text: 'loss <= 0.2', line: 1, metric: 'loss', comparator: '<=', right: { kind: 'number', value: 0.2 } }] });
    expect(md).toContain('| `loss` | 0.25 | — | — | `loss <= 0.2` · margin −0.05 | ❌ fail |');
  });

  test('a statistical rule shows its interval', () => {
    expect(report).toContain('`accuracy >= baseline.accuracy - 0.01 @ 95%` · 95% CI of Δ: [−0.0067, +0.0333]');
  });

  test('identical models do not print [±0, ±0]', () => {
    const results = twoCandidates();
    const rf = results.candidates['rf']!;
    const identical = { ...rf.rules[2]!, interval: { level: 0.95, lower: 0, upper: 0, resamples: 10000, seed: 42 } };
    const md = renderGateReport({ ...results, candidates: { rf: { ...rf, rules: [rf.rules[0]!, rf.rules[1]!, identical] } } }, options);
    expect(md).toContain('95% CI of Δ: no difference (identical samples)');
    expect(md).not.toContain('±0,');
  });

  test('a mermaid chart from 0: candidates as labelled bars marked by verdict, the baseline and the threshold as named lines', () => {
    expect(report).toContain(
      [
        '```mermaid',
        '---',
        'config:',
        '  xyChart:',
        '    showDataLabel: true',
        '    height: 190',
        '---',
        'xychart-beta horizontal',
        '  title "accuracy by candidate · lines: baseline 0.94, threshold 0.9"',
        '  x-axis ["rf ✅", "gb ❌"]',
        '  y-axis "accuracy" 0 --> 1',
        '  bar [0.9533, 0.91]',
        '  line [0.94, 0.94]',
        '  line [0.9, 0.9]',
        '```',
      ].join('\n'),
    );
  });

  test('a failed gate: the headline names the best-ranked candidate’s first failed rule, and how many others', () => {
    const md = renderGateReport(bothFail(), options);
    expect(md.split('\n')[0]).toBe(
      '### ❌ mlops-ci gate `mlops-ci/gate` did not pass — **rf** failed `accuracy >= 0.9` (accuracy = 0.85) and 1 other failed rule · 1 other candidate failed',
    );
    // The comparison table carries it too: rf first (best-ranked), its accuracy cell failed.
    expect(md).toContain('| rf | 0.85 ❌ | 0.15 ✅ | ❌ 2 failed rules |\n| gb | 0.91 ✅ | 0.25 ❌ | ❌ 1 failed rule |');
    expect(md).toContain('<details open>\n<summary><b>rf</b> — ❌ failed</summary>');
    expect(statusDescription(bothFail())).toBe('Failed: rf: accuracy >= 0.9 (accuracy = 0.85); +1 other failed rule; 1 other candidate failed');
  });

  test('a failed gate of one candidate says so and the status line names the failing rule', () => {
    const failed: GateResults = { ...twoCandidates(), passed: false, best: null, candidates: { gb: twoCandidates().candidates['gb']! } };
    expect(renderGateReport(failed, options).split('\n')[0]).toBe('### ❌ mlops-ci gate `mlops-ci/gate` did not pass — **gb** failed `loss <= baseline.loss` (loss = 0.25)');
    expect(statusDescription(failed)).toBe('Failed: gb: loss <= baseline.loss (loss = 0.25)');
  });

  test('a gate failed only by skipped baseline rules (on-missing-baseline: fail) says so', () => {
    const results = twoCandidates();
    const rf = results.candidates['rf']!;
    const rules = rf.rules.map((rule) => (rule.rule.includes('baseline.') ? { ...rule, baseline: null, threshold: null, delta: null, passed: false, verdict: 'skipped' as const, note: 'no baseline was given' } : rule));
    const failed: GateResults = { ...results, passed: false, best: null, baseline: { source: null, metrics: null }, candidates: { rf: { ...rf, passed: false, rules } } };
    expect(renderGateReport(failed, options).split('\n')[0]).toBe(
      '### ❌ mlops-ci gate `mlops-ci/gate` did not pass — **rf** failed no rule, but its skipped baseline rules count as failures (on-missing-baseline: fail) · ⏭️ 2 baseline rules skipped: no baseline was given',
    );
    expect(statusDescription(failed)).toBe('Failed: rf: no rule failed, but skipped baseline rules count as failures; 2 baseline rules skipped');
    expect(renderGateReport(failed, options)).toContain('| rf | 0.9533 ⏭️ | 0.15 ⏭️ | ❌ 2 skipped rules |');
  });

  test('the select metric gets a column of its own (values, no marks) when no rule is about it', () => {
    const results = twoCandidates();
    const md = renderGateReport({ ...results, selection: { mode: 'min', metric: 'latency' }, candidates: { rf: { ...results.candidates['rf']!, metrics: { accuracy: 0.95333, loss: 0.15, latency: 12 } } } }, options);
    expect(md).toContain('| Candidate | `accuracy` | `loss` | `latency` | Verdict |');
    expect(md).toContain('| rf | 0.9533 ✅ | 0.15 ✅ | 12 | ✅ best |');
  });

  test('eight candidates stay one row each, the best first, then by name', () => {
    const md = renderGateReport(manyCandidates(8), { ...options, rules: [options.rules[0]!] });
    const rows = md.split('\n').filter((line) => line.startsWith('| candidate-with-a-long-name-'));
    expect(rows).toHaveLength(8);
    expect(rows[0]).toBe('| candidate-with-a-long-name-7 | 0.9 ✅ | ✅ best |');
    expect(rows.slice(1).map((row) => row.split(' | ')[0])).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `| candidate-with-a-long-name-${i}`));
    expect(md.match(/<details open>/g)).toHaveLength(1);
    expect(md.match(/<details>/g)).toHaveLength(7);
  });

  test('user text cannot break the table', () => {
    const results = twoCandidates();
    const evil: GateResults = { ...results, candidates: { 'a|b<script>': results.candidates['rf']! }, best: 'a|b<script>' };
    const md = renderGateReport(evil, options);
    expect(md).toContain('| a\\|b&lt;script&gt; | 0.9533 ✅ |');
    expect(md).toContain('<summary><b>a|b&lt;script&gt;</b>');
    expect(md).not.toContain('<script>');
  });

  test('a gate that passed with baseline rules skipped says so, and why, in its headline', () => {
    const results = twoCandidates();
    const rf = results.candidates['rf']!;
    const note = 'no baseline: git:origin/main:metrics.json was not found';
    const skippedRules = rf.rules.map((rule) => (rule.rule.includes('baseline.') ? { ...rule, baseline: null, threshold: null, delta: null, passed: false, verdict: 'skipped' as const, note } : rule));
    const skipped: GateResults = { ...results, baseline: { source: 'git:origin/main:metrics.json', metrics: null }, candidates: { rf: { ...rf, rules: skippedRules } } };
    const md = renderGateReport(skipped, options);
    expect(md.split('\n')[0]).toBe(
      '### ✅ mlops-ci gate `mlops-ci/gate` passed — best: **rf** · ⏭️ 2 baseline rules skipped: no baseline: git:origin/main:metrics.json was not found',
    );
    expect(md).toContain('| rf | 0.9533 ⏭️ | 0.15 ⏭️ | ✅ best |');
    expect(skippedBaselineSummary(skipped)).toBe('2 baseline rules skipped: no baseline: git:origin/main:metrics.json was not found');
    expect(skippedBaselineSummary(twoCandidates())).toBeNull();
    expect(statusDescription(skipped)).toBe('Passed: best rf (1/1 candidates pass); 2 baseline rules skipped');
  });

  test('status descriptions fit GitHub’s 140 characters', () => {
    const results = twoCandidates();
    const long: GateResults = { ...results, passed: true, best: 'x'.repeat(300) };
    expect(statusDescription(long).length).toBeLessThanOrEqual(140);
    expect(statusDescription(twoCandidates())).toBe('Passed: best rf (1/2 candidates pass)');
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

describe('format', () => {
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
