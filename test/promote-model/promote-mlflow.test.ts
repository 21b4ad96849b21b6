/**
 * promote-model against a real MLflow server: register (files uploaded to the
 * server's artifact store, version READY), alias, re-alias, rollback, each
 * read back through MLflow's own REST API.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBundle } from '../support/bundle.js';
import { startMlflowServer, type MlflowServer } from './mlflow-server.js';
import { outputsOf, project } from './fixtures.js';

let server: MlflowServer;
beforeAll(async () => {
  server = await startMlflowServer();
}, 120_000);
// stop() escalates to SIGKILL after 5 s, jest's default hook timeout: give it room.
afterAll(async () => {
  await server?.stop();
}, 15_000);

async function mlflow<T>(endpoint: string): Promise<T> {
  const response = await fetch(`${server.url}/api/2.0/mlflow/${endpoint}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const aliasVersion = async (alias: string) =>
  (await mlflow<{ model_version: { version: string } }>(`registered-models/alias?name=iris&alias=${alias}`)).model_version.version;

test('register, alias, re-alias, rollback and describe, read back through the REST API', async () => {
  const dir = project('promote-mlflow-');
  const registry = `mlflow+${server.url}`;
  const register = () =>
    runBundle(['promote-model', '--registry', registry, '--model', 'iris', '--path', 'out/rf/model', '--alias', 'champion', '--metrics', 'out/rf/metrics.json', '--gate-results', 'results.json', '--data-digest', 'md5:data'], { cwd: dir });

  const first = await register();
  expect(first.stderr).not.toContain('error');
  expect(first.code).toBe(0);
  expect(outputsOf(first.stdout)).toMatchObject({ version: '1', 'previous-version': '' });
  const version = (await mlflow<{ model_version: { status: string; source: string; run_id: string; tags: { key: string; value: string }[] } }>('model-versions/get?name=iris&version=1')).model_version;
  expect(version.status).toBe('READY');
  expect(version.source).toBe(outputsOf(first.stdout)['uri']);
  const tags = Object.fromEntries(version.tags.map((tag) => [tag.key, tag.value]));
  expect(tags).toMatchObject({ 'mlops_ci.gate_passed': 'true', 'mlops_ci.data_digest': 'md5:data', 'mlops_ci.metric.accuracy': '0.95', 'mlops_ci.host': 'local' });
  expect(tags['mlops_ci.files']).toMatch(/^config\.json sha256:[0-9a-f]{64}\nweights\.bin sha256:[0-9a-f]{64}$/);
  // The files are in the server's artifact store, byte for byte.
  const artifact = await fetch(`${server.url}/api/2.0/mlflow-artifacts/artifacts/${version.source.replace('mlflow-artifacts:/', '')}/weights.bin`);
  expect(Buffer.from(await artifact.arrayBuffer())).toEqual(Buffer.alloc(4096, 7));
  expect(await aliasVersion('champion')).toBe('1');

  const second = await register();
  expect(outputsOf(second.stdout)).toMatchObject({ version: '2', 'previous-version': '1' });
  expect(await aliasVersion('champion')).toBe('2');

  const rollback = await runBundle(['promote-model', '--registry', registry, '--model', 'iris', '--alias', 'champion', '--rollback'], { cwd: dir });
  expect(rollback.code).toBe(0);
  expect(outputsOf(rollback.stdout)).toMatchObject({ version: '1', 'previous-version': '2' });
  expect(await aliasVersion('champion')).toBe('1');

  const moved = await runBundle(['promote-model', '--registry', registry, '--model', 'iris', '--alias', 'challenger', '--to-version', '2'], { cwd: dir });
  expect(moved.code).toBe(0);
  expect(await aliasVersion('challenger')).toBe('2');

  const described = await runBundle(['promote-model', '--registry', registry, '--describe', 'iris@champion'], { cwd: dir });
  expect(described.code).toBe(0);
  expect(described.stderr).toContain('iris version 1');
  const lineageFile = outputsOf(described.stdout)['lineage'] as string;
  expect(path.basename(lineageFile)).toBe('version.json');

  const removed = await runBundle(['promote-model', '--registry', registry, '--model', 'iris', '--alias', 'challenger', '--remove-alias'], { cwd: dir });
  expect(outputsOf(removed.stdout)).toMatchObject({ 'previous-version': '2' });
  const gone = await fetch(`${server.url}/api/2.0/mlflow/registered-models/alias?name=iris&alias=challenger`);
  expect(gone.ok).toBe(false);

  const missing = await runBundle(['promote-model', '--registry', registry, '--model', 'iris', '--alias', 'champion', '--to-version', '42'], { cwd: dir });
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain("input 'to-version'");
  expect(await aliasVersion('champion')).toBe('1');
}, 120_000);

test('concurrent registrations get distinct versions from MLflow, each READY with its own files', async () => {
  const dir = project('promote-mlflow-race-');
  const writers = 6;
  const runs = await Promise.all(
    Array.from({ length: writers }, (_, writer) =>
      runBundle(['promote-model', '--registry', `mlflow+${server.url}`, '--model', 'race', '--path', 'out/rf/model', '--alias', 'champion', '--require-gate', 'false', '--lineage', `writer=${writer}`], { cwd: dir }),
    ),
  );
  for (const run of runs) expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
  const numbers = runs.map((run) => Number(outputsOf(run.stdout)['version'])).sort((a, b) => a - b);
  expect(numbers).toEqual(Array.from({ length: writers }, (_, i) => i + 1));
  expect(numbers).toContain(Number(await aliasVersionOf('race', 'champion')));
  for (const run of runs) {
    const { version, uri } = outputsOf(run.stdout) as { version: string; uri: string };
    const stored = (await mlflow<{ model_version: { status: string; source: string } }>(`model-versions/get?name=race&version=${version}`)).model_version;
    expect(stored).toEqual(expect.objectContaining({ status: 'READY', source: uri }));
  }
  expect(new Set(runs.map((run) => outputsOf(run.stdout)['uri'])).size).toBe(writers);
}, 120_000);

async function aliasVersionOf(model: string, alias: string): Promise<string> {
  return (await mlflow<{ model_version: { version: string } }>(`registered-models/alias?name=${model}&alias=${alias}`)).model_version.version;
}

test("the gate reads the baseline version's per-row file back from MLflow's artifact store (baseline=registry:<file>)", async () => {
  const dir = project('promote-mlflow-samples-');
  const registry = `mlflow+${server.url}`;
  writeFileSync(path.join(dir, 'out', 'rf', 'model', 'correct.json'), JSON.stringify([1, 1, 1, 1, 1, 1, 1, 1, 0, 0]));
  writeFileSync(path.join(dir, 'out', 'rf', 'correct.json'), JSON.stringify([1, 1, 1, 1, 1, 1, 1, 1, 1, 0]));
  const promoted = await runBundle(['promote-model', '--registry', registry, '--model', 'scored', '--path', 'out/rf/model', '--alias', 'champion', '--metrics', 'out/rf/metrics.json', '--gate-results', 'results.json'], { cwd: dir });
  expect(promoted.code).toBe(0);
  const gate = await runBundle(
    ['evaluate-and-gate', '--metrics', 'rf=out/rf/metrics.json', '--rules', 'accuracy >= baseline.accuracy - 0.2 @ 95%', '--baseline', `registry:scored@champion:${registry}`, '--samples', 'rf=out/rf/correct.json\nbaseline=registry:correct.json'],
    { cwd: dir },
  );
  if (gate.code !== 0) throw new Error(gate.stderr);
  // The CLI prints results as an object, not as JSON text.
  const results = (JSON.parse(gate.stdout) as { results: { candidates: Record<string, { rules: { verdict: string }[] }> } }).results;
  expect(results.candidates['rf']!.rules[0]!.verdict).toBe('passed');
  expect(gate.stderr).toContain('95% CI of Δ');
}, 120_000);

test('an MLflow model with versions but not the asked alias is exit 2 listing its aliases; a model MLflow does not know is the first run', async () => {
  const dir = project('promote-mlflow-alias-');
  const registry = `mlflow+${server.url}`;
  const promoted = await runBundle(['promote-model', '--registry', registry, '--model', 'aliased', '--path', 'out/rf/model', '--alias', 'champion', '--gate-results', 'results.json'], { cwd: dir });
  expect(promoted.code).toBe(0);
  writeFileSync(path.join(dir, 'candidate.json'), JSON.stringify({ accuracy: 0.9 }));
  const gate = (baseline: string) => runBundle(['evaluate-and-gate', '--metrics', 'candidate.json', '--rules', 'accuracy >= baseline.accuracy', '--baseline', baseline], { cwd: dir });

  const typo = await gate(`registry:aliased@champoin:${registry}`);
  expect(typo.code).toBe(2);
  expect(typo.stderr).toContain("no alias 'champoin' (its aliases: champion)");
  // The metrics came from the gate results (no `metrics` input): the real baseline compares, 0.9 < 0.95.
  expect((await gate(`registry:aliased@champion:${registry}`)).code).toBe(3);
  const first = await gate(`registry:unknown@champion:${registry}`);
  expect(first.code).toBe(0);
  expect(first.stderr).toContain('unknown has no version yet');
}, 120_000);
