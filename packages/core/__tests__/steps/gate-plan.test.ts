/**
 * planGate reads the gate's inputs through the spec: defaults come from the
 * spec alone, rules/rules-file is the spec's relation, and relative paths
 * resolve against the run context's cwd, never the process's.
 */
import { quietHost } from '../support/quiet-host.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../../src/errors.js';
import { jsonInputs } from '../../src/host/raw-inputs.js';
import { InputReader } from '../../src/spec/inputs.js';
import { planGate } from '../../src/steps/evaluate-and-gate/plan.js';
import { evaluateAndGateSpec } from '../../src/steps/evaluate-and-gate/spec.js';

/** A project folder (not the process's cwd) with one candidate's metrics and a rules file. */
function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gate-plan-'));
  mkdirSync(path.join(dir, 'out', 'rf'), { recursive: true });
  writeFileSync(path.join(dir, 'out', 'rf', 'metrics.json'), JSON.stringify({ accuracy: 0.95 }));
  writeFileSync(path.join(dir, 'gate.rules'), 'accuracy >= 0.9\n');
  return dir;
}


async function plan(cwd: string, inputs: Record<string, unknown>) {
  return planGate(new InputReader(evaluateAndGateSpec, jsonInputs({ metrics: 'out/rf/metrics.json', ...inputs })), quietHost({ cwd, apiUrl: 'https://ghe.example/api/v3' }));
}

test('an input left out reads as the spec’s default, or as what the run decides', async () => {
  const dir = project();
  const planned = await plan(dir, { rules: 'accuracy >= 0.9' });
  expect(planned.evaluation.bootstrap).toEqual({ resamples: 10_000, seed: 42 });
  expect(planned.onFail).toBe('fail');
  expect(planned.evaluation.onMissingBaseline).toBe('pass');
  expect(planned.reporting).toEqual({ forge: 'github', token: undefined, apiUrl: 'https://ghe.example/api/v3', context: 'mlops-ci/gate', checkRun: false, comment: 'sticky' });
  const reports = path.join(dir, 'tmp', 'mlops-ci', 'evaluate-and-gate', 'mlops-ci-gate');
  expect(planned.files).toEqual({ report: path.join(reports, 'report.md'), reportHtml: path.join(reports, 'report.html'), results: path.join(reports, 'results.json'), junit: null });
});

describe('on GitLab the verdict goes to GitLab', () => {
  async function planOnGitLab(env: Record<string, string>, inputs: Record<string, unknown> = {}) {
    const host = { ...quietHost({ cwd: project(), apiUrl: 'https://gitlab.example/api/v4', env }), kind: 'gitlab' as const };
    return planGate(new InputReader(evaluateAndGateSpec, jsonInputs({ metrics: 'out/rf/metrics.json', rules: 'accuracy >= 0.9', ...inputs })), host);
  }

  test('with GITLAB_TOKEN only (CI_JOB_TOKEN cannot set statuses or write notes), on CI_API_V4_URL; github-token is not GitLab’s', async () => {
    const both = await planOnGitLab({ GITLAB_TOKEN: 'glpat-x', CI_JOB_TOKEN: 'job-y' }, { 'github-token': 'ghs-z' });
    expect(both.reporting).toEqual({ forge: 'gitlab', token: 'glpat-x', apiUrl: 'https://gitlab.example/api/v4', context: 'mlops-ci/gate', comment: 'sticky' });
    expect((await planOnGitLab({ CI_JOB_TOKEN: 'job-y' })).reporting).toMatchObject({ forge: 'gitlab', token: undefined });
    expect((await planOnGitLab({})).reporting).toMatchObject({ forge: 'gitlab', token: undefined });
  });

  test('check-run, which GitLab has no counterpart of, is bad input naming it', async () => {
    const error = await planOnGitLab({ GITLAB_TOKEN: 'glpat-x' }, { 'check-run': 'true' }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('check-run');
  });
});

test('relative paths resolve against the run context’s cwd', async () => {
  const dir = project();
  const planned = await plan(dir, { 'rules-file': 'gate.rules', report: 'gate/report.md', junit: 'junit.xml' });
  expect(planned.evaluation.rules.map((rule) => rule.text)).toEqual(['accuracy >= 0.9']);
  expect(planned.evaluation.candidates[0]?.file).toBe('out/rf/metrics.json');
  expect(planned.files.report).toBe(path.join(dir, 'gate', 'report.md'));
  expect(planned.files.junit).toBe(path.join(dir, 'junit.xml'));
});

test.each([
  ['neither rules nor rules-file', {}, 'rules'],
  ['both rules and rules-file', { rules: 'accuracy >= 0.9', 'rules-file': 'gate.rules' }, 'rules-file'],
  ['resamples below the spec’s minimum', { rules: 'accuracy >= 0.9', 'bootstrap-resamples': '99' }, 'bootstrap-resamples'],
  ['a seed that is not whole', { rules: 'accuracy >= 0.9', 'bootstrap-seed': '4.2' }, 'bootstrap-seed'],
  ['an API URL that is not http(s)', { rules: 'accuracy >= 0.9', 'github-api-url': 'ftp://example' }, 'github-api-url'],
])('%s is bad input naming the input', async (_, inputs, input) => {
  const dir = project();
  const error = await plan(dir, inputs).catch((err: unknown) => err);
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).input).toBe(input);
});
