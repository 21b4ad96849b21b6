/**
 * examples/iris/airflow/mlops_ci_dag.py under the real Apache Airflow
 * (.cache/airflow-venv, scripts/provision/airflow.sh): `airflow dags test` runs
 * the whole DAG in one process, without a scheduler or webserver, against a
 * sqlite metadata db in a temp AIRFLOW_HOME, on a copy of the example, with the
 * committed bundle and `runtime: host` (train.py runs with setup_env's venv).
 *
 * First run: every task succeeds, the registry gets version 1 whose lineage
 * names the DAG run, and each task's XCom is exactly the outputs its step
 * recorded in .mlops-ci/ under the run id the DAG run gave it. Second run, with
 * the training degraded (labels shuffled before fit): the gate does not pass,
 * promote_model is skipped and the registry is as it was. Third, with a training
 * that exits 1: the trainings fail, the gate and promote_model never run. Airflow
 * runs as inside a CI job (GitLab's, Jenkins' and GitHub's variables set), which the
 * steps must not take for their host. Last, the operator alone (step-failure.py):
 * exits 2 and 3 raise AirflowFailException, which no `retries` repeats.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, ROOT, spawnCollect, tempDir, type BundleRun } from '../support/bundle.js';
import { jest } from '@jest/globals';
import { degradeTraining } from '../e2e/iris-fixture.js';

// The first run builds the example's venv (scikit-learn, pandas) from PyPI: half a minute; each run about 40 s.
jest.setTimeout(300_000);

const AIRFLOW_VENV = path.join(ROOT, '.cache', 'airflow-venv');
const AIRFLOW = path.join(AIRFLOW_VENV, 'bin', 'airflow');
const PYTHON = path.join(AIRFLOW_VENV, 'bin', 'python');
const DAG_ID = 'mlops_ci_iris';
/** What GitLab, Jenkins and GitHub Actions set in a job (the variables that pick the host and the run id). */
const CI_JOB = {
  GITLAB_CI: 'true',
  CI_PROJECT_ID: '7',
  CI_PIPELINE_ID: '4242',
  JENKINS_URL: 'http://127.0.0.1:9/',
  BUILD_URL: 'http://127.0.0.1:9/job/iris/12/',
  BUILD_TAG: 'jenkins-iris-12',
  GITHUB_ACTIONS: 'true',
  GITHUB_RUN_ID: '99',
};
const STEP_TASKS = ['setup_env', 'feature_engineering', 'train_rf', 'train_gb', 'production', 'select_best_model', 'promote_model'] as const;

interface DagRun {
  readonly run_id: string;
  readonly state: string;
  readonly tasks: Record<string, string>;
  readonly xcom: Record<string, unknown>;
}

interface StepRecord {
  readonly step: string;
  readonly outcome: string;
  readonly run: { id: string };
  readonly outputs: Record<string, string>;
}

const scratch: string[] = [];
let repo: string;
let env: Record<string, string>;

const example = (...parts: string[]): string => path.join(repo, 'examples', 'iris', ...parts);
const explain = (run: BundleRun): string => `exit ${run.code}\n--- stdout (end)\n${run.stdout.slice(-6000)}\n--- stderr (end)\n${run.stderr.slice(-6000)}`;
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** The example's files as a clone has them (no venv, pulled data, records or registry), under <repo>/examples/iris. */
function exampleCopy(): string {
  const dir = tempDir('airflow-iris-');
  scratch.push(dir);
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', 'examples/iris'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file && existsSync(path.join(ROOT, file)));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(dir, file));
  }
  return dir;
}

async function airflow(args: readonly string[]): Promise<BundleRun> {
  return spawnCollect(AIRFLOW, args, { cwd: repo, env });
}

/** One `airflow dags test` of the DAG with the host runtime, and what the db then says about that run. */
async function dagsTest(): Promise<{ run: BundleRun; dagRun: DagRun }> {
  const run = await airflow(['dags', 'test', DAG_ID, '--conf', JSON.stringify({ runtime: 'host' })]);
  const read = await spawnCollect(PYTHON, [path.join(ROOT, 'test', 'airflow', 'dag-run.py'), path.join(env['AIRFLOW_HOME']!, 'airflow.db'), DAG_ID], { cwd: repo, env });
  if (read.code !== 0) throw new Error(`dag-run.py: ${explain(read)}\nafter airflow dags test: ${explain(run)}`);
  return { run, dagRun: JSON.parse(read.stdout) as DagRun };
}

/** A run that must succeed. */
async function successfulRun(): Promise<DagRun> {
  const { run, dagRun } = await dagsTest();
  if (run.code !== 0 || dagRun.state !== 'success') throw new Error(`the DAG run ended ${dagRun.state}: ${JSON.stringify(dagRun.tasks)}\n${explain(run)}`);
  return dagRun;
}

/** The record a step left in the example's .mlops-ci/ (a training's is keyed by its outputs folder). */
function recordOf(task: (typeof STEP_TASKS)[number]): StepRecord {
  const records = example('.mlops-ci');
  if (task === 'train_rf' || task === 'train_gb') {
    const outputs = example('out', task.replace('train_', ''));
    const keyed = readdirSync(path.join(records, 'train-in-container')).map((file) => readJson<StepRecord>(path.join(records, 'train-in-container', file)));
    const record = keyed.find((r) => r.outputs['outputs'] === outputs);
    if (!record) throw new Error(`no training record for ${outputs}`);
    return record;
  }
  const step = { setup_env: 'setup-env', feature_engineering: 'data-pull', production: 'promote-model', select_best_model: 'evaluate-and-gate', promote_model: 'promote-model' }[task];
  return readJson<StepRecord>(path.join(records, `${step}.json`));
}

/** A record keeps every output as text; the CLI prints a json output (the gate's `results`) as its value. */
function asPrinted(record: StepRecord): Record<string, unknown> {
  const outputs: Record<string, unknown> = { ...record.outputs };
  if (record.step === 'evaluate-and-gate') outputs['results'] = JSON.parse(record.outputs['results']!);
  return outputs;
}

function expectXcomIsTheRecord(dagRun: DagRun, tasks: readonly (typeof STEP_TASKS)[number][]): void {
  for (const task of tasks) {
    const record = recordOf(task);
    expect({ task, run: record.run.id, outcome: record.outcome }).toEqual({ task, run: `env:airflow:${DAG_ID}:${dagRun.run_id}`, outcome: 'ok' });
    expect({ task, xcom: dagRun.xcom[task] }).toEqual({ task, xcom: asPrinted(record) });
  }
}

interface StepError {
  readonly exception: string;
  readonly message: string;
}

/**
 * The errors the tasks raised, from the tracebacks in `airflow dags test`'s output: a traceback
 * ends with the exception's class and its message, whose lines run up to the next log line
 * (which starts with a timestamp) — so a message holds its own step's log, no other task's.
 */
function stepErrors(output: string): StepError[] {
  const ends = /^airflow\.sdk\.exceptions\.(\w+): (mlops-ci [\s\S]*?)(?=^\d{4}-\d\d-\d\dT|(?![\s\S]))/gm;
  return [...output.matchAll(ends)].map(([, exception, message]) => ({ exception: exception!, message: message! }));
}

function registryVersions(): string[] {
  return readdirSync(example('.mlops-ci', 'registry', 'iris', 'versions')).sort();
}

beforeAll(async () => {
  if (!existsSync(AIRFLOW)) throw new Error(`${AIRFLOW} is missing: run bash scripts/provision/airflow.sh`);
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build`);
  repo = exampleCopy();
  const scratchDir = tempDir('airflow-scratch-');
  scratch.push(scratchDir);
  env = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '/root', // pip's download cache and pyenv's shims, for setup-env
    ...(process.env['PYENV_ROOT'] ? { PYENV_ROOT: process.env['PYENV_ROOT'] } : {}),
    TMPDIR: path.join(scratchDir, 'tmp'),
    AIRFLOW_HOME: path.join(scratchDir, 'airflow'),
    AIRFLOW__CORE__DAGS_FOLDER: example('airflow'),
    AIRFLOW__CORE__LOAD_EXAMPLES: 'False',
    MLOPS_CI_BUNDLE: BUNDLE,
    MLOPS_CI_CACHE_DIR: path.join(scratchDir, 'env-cache'),
    // A worker inside a CI job: the operator keeps these from its steps, else their run id
    // would be the job's (a gitlab: or jenkins: one) and, on GitLab, their outputs a dotenv file.
    ...CI_JOB,
  };
  mkdirSync(env['TMPDIR']!);
  // One metadata db for both runs.
  const migrate = await airflow(['db', 'migrate']);
  if (migrate.code !== 0) throw new Error(`airflow db migrate: ${explain(migrate)}`);
});

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

test('airflow dags test: every task runs its step, XCom holds the step outputs, and version 1 names the DAG run', async () => {
  const dagRun = await successfulRun();
  expect(dagRun.tasks).toEqual(Object.fromEntries([...STEP_TASKS, 'gate_passed'].map((task) => [task, 'success'])));
  // production ran before promote_model, whose record replaced its own; it found nothing to compare with.
  expect(dagRun.xcom['production']).toMatchObject({ found: 'false' });
  expectXcomIsTheRecord(dagRun, ['setup_env', 'feature_engineering', 'train_rf', 'train_gb', 'select_best_model', 'promote_model']);
  expect(dagRun.xcom['select_best_model']).toMatchObject({ passed: 'true', best: 'rf' });

  expect(registryVersions()).toEqual(['1']);
  const lineage = readJson<{
    extra: unknown;
    gate: { passed: boolean; best: string };
    data: { digest: string };
    env: { fingerprint: string };
    files: { path: string }[];
  }>(example('.mlops-ci', 'registry', 'iris', 'versions', '1', 'version.json'));
  expect(lineage.extra).toEqual({ airflow: { dag_id: DAG_ID, run_id: dagRun.run_id } });
  expect(lineage.gate).toMatchObject({ passed: true, best: 'rf' });
  const xcom = dagRun.xcom as Record<string, Record<string, string>>;
  expect(lineage.data.digest).toBe(xcom['feature_engineering']!['digest']);
  expect(lineage.env.fingerprint).toBe(xcom['setup_env']!['fingerprint']);
  expect(lineage.files.map((f) => f.path).sort()).toEqual(['correct.json', 'metrics.json', 'model.pkl']);
  expect(readJson<{ version: string }>(example('.mlops-ci', 'registry', 'iris', 'aliases', 'production.json')).version).toBe('1');
});

test('a degraded training stops at the gate: promote_model is skipped and the registry keeps version 1', async () => {
  degradeTraining(repo);
  const dagRun = await successfulRun();
  expect(dagRun.tasks).toMatchObject({ train_rf: 'success', train_gb: 'success', select_best_model: 'success', gate_passed: 'success', promote_model: 'skipped' });
  // The gate ran against production (version 1, from the first run) and no candidate passed.
  expect(dagRun.xcom['production']).toMatchObject({ found: 'true', version: '1' });
  expect(dagRun.xcom['select_best_model']).toMatchObject({ passed: 'false', best: '' });
  expect(dagRun.xcom['promote_model']).toBeUndefined();
  // promote_model was skipped, so production's record is still there.
  expectXcomIsTheRecord(dagRun, ['setup_env', 'feature_engineering', 'train_rf', 'train_gb', 'production', 'select_best_model']);
  expect((dagRun.xcom as Record<string, Record<string, string>>)['setup_env']!['cache-hit']).toBe('true');

  expect(registryVersions()).toEqual(['1']);
  expect(readJson<{ version: string }>(example('.mlops-ci', 'registry', 'iris', 'aliases', 'production.json')).version).toBe('1');
});

test('a training that fails fails its task and the DAG run: no gate, nothing promoted', async () => {
  writeFileSync(example('train.py'), 'raise SystemExit("training broken on purpose")\n');
  const { run, dagRun } = await dagsTest();
  expect({ exit: run.code, state: dagRun.state }).toEqual({ exit: 1, state: 'failed' });
  expect(dagRun.tasks).toMatchObject({ train_rf: 'failed', train_gb: 'failed', select_best_model: 'upstream_failed', gate_passed: 'upstream_failed', promote_model: 'upstream_failed' });
  // Each training's error carries the end of its step's log; exit 1 may be retried (AirflowException).
  const errors = stepErrors(run.stdout + run.stderr);
  expect(errors.map((error) => error.exception)).toEqual(['AirflowException', 'AirflowException']);
  for (const { message } of errors) {
    expect(message).toMatch(/^mlops-ci train-in-container exited 1:\n/);
    expect(message).toContain('\ntraining broken on purpose\n');
  }
  expect(errors.map(({ message }) => /"--model","(\w+)"/.exec(message)?.[1]).sort()).toEqual(['gb', 'rf']);
  expect(dagRun.xcom['train_rf']).toBeUndefined();
  expect(registryVersions()).toEqual(['1']);
});

test('a bad input (exit 2) and a gate that did not pass (exit 3) fail the task for good: AirflowFailException, never retried', async () => {
  writeFileSync(example('out', 'probe-metrics.json'), JSON.stringify({ accuracy: 0.5 }));
  writeFileSync(example('out', 'probe.rules'), 'accuracy >= 0.9\n');
  const gate = { metrics: 'out/probe-metrics.json', 'rules-file': 'out/probe.rules' };
  const failures = await Promise.all([{ ...gate, 'on-fail': 'sometimes' }, gate].map(async (inputs) => {
    const probe = await spawnCollect(PYTHON, [path.join(ROOT, 'test', 'airflow', 'step-failure.py'), example('airflow', 'mlops_ci_dag.py'), 'evaluate-and-gate', JSON.stringify(inputs)], { cwd: repo, env });
    if (probe.code !== 0) throw new Error(`step-failure.py: ${explain(probe)}`);
    // Airflow's log lines come first on stdout; the answer is the last line.
    return JSON.parse(probe.stdout.trim().split('\n').pop()!) as StepError;
  }));
  expect(failures).toEqual([
    { exception: 'AirflowFailException', message: 'mlops-ci evaluate-and-gate exited 2:' },
    { exception: 'AirflowFailException', message: 'mlops-ci evaluate-and-gate exited 3:' },
  ]);
});
