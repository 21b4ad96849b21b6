/**
 * A registration that fails after promote-model started its MLflow run ends
 * that run FAILED (with an end time), not RUNNING for ever: the real
 * `mlflow server` whose artifact store breaks (its folder replaced by a file)
 * refuses the model files.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { runBundle } from '../support/bundle.js';
import { startMlflowServer, type MlflowServer } from './mlflow-server.js';
import { project } from './fixtures.js';

let server: MlflowServer;
beforeAll(async () => {
  server = await startMlflowServer();
}, 120_000);
afterAll(async () => {
  await server?.stop();
}, 15_000);

interface Run {
  readonly info: { readonly run_name: string; readonly status: string; readonly end_time?: number };
}

async function runsOfExperiment(name: string): Promise<Run[]> {
  const experiment = await (await fetch(`${server.url}/api/2.0/mlflow/experiments/get-by-name?experiment_name=${name}`)).json() as { experiment: { experiment_id: string } };
  const response = await fetch(`${server.url}/api/2.0/mlflow/runs/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ experiment_ids: [experiment.experiment.experiment_id] }),
  });
  return ((await response.json()) as { runs?: Run[] }).runs ?? [];
}

test('the model files are refused by the artifact store: exit 1, and the run is FAILED with an end time', async () => {
  rmSync(server.artifactsDir, { recursive: true, force: true });
  writeFileSync(server.artifactsDir, 'not a folder');
  const dir = project('promote-mlflow-fail-');
  const run = await runBundle(['promote-model', '--registry', `mlflow+${server.url}`, '--model', 'iris', '--path', 'out/rf/model', '--gate-results', 'results.json'], { cwd: dir });
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('failed with HTTP');
  const runs = await runsOfExperiment('mlops-ci');
  expect(runs.map((r) => ({ name: r.info.run_name, status: r.info.status, ended: typeof r.info.end_time === 'number' }))).toEqual([{ name: 'register iris', status: 'FAILED', ended: true }]);
}, 120_000);
