/**
 * require-gate means "these files passed the gate": the gate results must name
 * a passing candidate whose metrics are those of the files being promoted,
 * checked by the digest evaluate-and-gate records per candidate. Through the
 * real bundle: the real gate writes the results, promote-model reads them.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBundle, tempDir } from '../support/bundle.js';
import { readJson } from './fixtures.js';

/** out/rf (accuracy 0.95, passes) and out/gb (0.85, fails), each a model folder and metrics.json; the gate run on them. */
async function gated(): Promise<string> {
  const dir = tempDir('promote-proof-');
  for (const [name, accuracy] of [['rf', 0.95], ['gb', 0.85]] as const) {
    mkdirSync(path.join(dir, 'out', name, 'model'), { recursive: true });
    writeFileSync(path.join(dir, 'out', name, 'model', 'weights.bin'), `weights of ${name}`);
    writeFileSync(path.join(dir, 'out', name, 'metrics.json'), JSON.stringify({ accuracy, f1: { macro: accuracy - 0.01 } }));
  }
  const gate = await runBundle(['evaluate-and-gate', '--metrics', 'out/*/metrics.json', '--rules', 'accuracy >= 0.9', '--results-file', 'results.json'], { cwd: dir });
  expect(gate.code).toBe(0);
  return dir;
}

const promote = (dir: string, ...args: string[]) => runBundle(['promote-model', '--model', 'iris', '--alias', 'production', ...args], { cwd: dir });
const registered = (dir: string) => path.join(dir, '.mlops-ci', 'registry', 'iris', 'versions', '1', 'version.json');

test("promoting the winner without `metrics` records the winner's metrics from the gate results, and the next gate compares with them", async () => {
  const dir = await gated();
  const run = await promote(dir, '--path', 'out/rf/model', '--gate-results', 'results.json');
  expect(run.stderr).not.toContain('error');
  expect(run.code).toBe(0);
  expect(readJson(registered(dir))['metrics']).toEqual({ accuracy: 0.95, 'f1.macro': 0.94 });

  writeFileSync(path.join(dir, 'candidate.json'), JSON.stringify({ accuracy: 0.93 }));
  const next = await runBundle(['evaluate-and-gate', '--metrics', 'candidate.json', '--rules', 'accuracy >= baseline.accuracy', '--baseline', 'registry:iris@production'], { cwd: dir });
  expect(next.code).toBe(3);
}, 30_000);

test('the gate results must name the promoted files: a failed candidate, another metrics file or changed metrics is exit 2 naming gate-results', async () => {
  const dir = await gated();
  const failedOne = await promote(dir, '--path', 'out/gb/model', '--gate-results', 'results.json');
  expect(failedOne.code).toBe(2);
  expect(failedOne.stderr).toContain("input 'gate-results': no passing candidate's metrics file is in or beside out/gb/model");

  const otherMetrics = await promote(dir, '--path', 'out/rf/model', '--metrics', 'out/gb/metrics.json', '--gate-results', 'results.json');
  expect(otherMetrics.code).toBe(2);
  expect(otherMetrics.stderr).toContain("input 'gate-results': the metrics in out/gb/metrics.json are not those of any passing candidate");

  writeFileSync(path.join(dir, 'out', 'rf', 'metrics.json'), JSON.stringify({ accuracy: 0.99 }));
  const changed = await promote(dir, '--path', 'out/rf/model', '--gate-results', 'results.json');
  expect(changed.code).toBe(2);
  expect(changed.stderr).toContain("input 'gate-results': out/rf/metrics.json of candidate rf changed since the gate evaluated it");
  expect(existsSync(registered(dir))).toBe(false);
}, 30_000);

test.each([
  ['a hand-written {"passed": true}', '{"passed": true}', 'names no passing candidate'],
  [
    'results of the older shape (no metrics digest)',
    JSON.stringify({ passed: true, best: 'rf', candidates: { rf: { passed: true, metricsFile: 'out/rf/metrics.json', metrics: { accuracy: 0.95, 'f1.macro': 0.94 }, rules: [] } } }),
    'older mlops-ci',
  ],
])('%s proves nothing: exit 2 naming gate-results, nothing registered', async (_label, results, message) => {
  const dir = await gated();
  const run = await promote(dir, '--path', 'out/rf/model', '--gate-results', results);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("input 'gate-results':");
  expect(run.stderr).toContain(message);
  expect(existsSync(registered(dir))).toBe(false);
}, 30_000);

test('with require-gate false, results that prove nothing still register, saying so, and lend no metrics', async () => {
  const dir = await gated();
  const run = await promote(dir, '--path', 'out/rf/model', '--gate-results', '{"passed": true}', '--require-gate', 'false');
  expect(run.code).toBe(0);
  expect(run.stderr).toContain('require-gate is false, so the version is registered anyway, without metrics; gate-results: names no passing candidate');
  expect(readJson(registered(dir))['metrics']).toBeNull();
}, 30_000);
