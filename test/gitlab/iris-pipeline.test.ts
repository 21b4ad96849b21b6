/**
 * examples/iris/.gitlab-ci.yml under gitlab-ci-local (test/gitlab/gitlab-ci-local.ts):
 * the components of templates/ included as GitLab includes a project's own
 * (`$CI_SERVER_FQDN/$CI_PROJECT_PATH/<step>@$CI_COMMIT_SHA`, resolved from the
 * checkout), each job running the built bundle with the gitlab host, the jobs
 * in bash on this machine (training `runtime: host`), as a merge request
 * pipeline (iris-fixture.ts: the stand-in training and small env).
 *
 * In one repository and registry, in order: MR !7 passes (every job, the
 * outputs reaching the next jobs as dotenv variables, staging v1 with the
 * lineage those variables carried); a merge request whose training is worse
 * fails the gate job, and the promote job after it does not run.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { jest } from '@jest/globals';
import { toolEnv, requireTools } from '../setup-env/support.js';
import { explain, readDotenv, runPipeline, type PipelineRun } from './gitlab-ci-local.js';
import { degradeTraining, mergeRequestBranch, pipelineRepo, PIPELINE } from './iris-fixture.js';

// Seven jobs per pipeline, each a start of the bundle; seconds each on a busy machine.
jest.setTimeout(300_000);

const JOBS = ['setup-env', 'data-pull', 'train-rf', 'train-gb', 'production', 'gate', 'promote'];
const REGISTRY = 'examples/iris/.mlops-ci/registry';

let repo: string;
let pipelineId = 100;

/** One merge request pipeline of the branch checked out, as GitLab starts it. */
async function mergeRequestPipeline(iid: number): Promise<PipelineRun> {
  const id = ++pipelineId;
  return runPipeline(repo, {
    file: PIPELINE,
    env: toolEnv(),
    variables: {
      GITLAB_CI: 'true',
      CI_PIPELINE_SOURCE: 'merge_request_event',
      CI_MERGE_REQUEST_IID: String(iid),
      CI_PIPELINE_ID: String(id),
      CI_PIPELINE_URL: `https://gitlab.example.com/acme/mlops-ci/-/pipelines/${id}`,
    },
  });
}

interface Lineage {
  data: { digest: string | null };
  env: { fingerprint: string | null };
  gate: { passed: boolean; best: string | null } | null;
  metrics: Record<string, unknown>;
}

function lineageOf(version: string): Lineage {
  return JSON.parse(readFileSync(path.join(repo, REGISTRY, 'iris', 'versions', version, 'version.json'), 'utf8')) as Lineage;
}

function aliasOf(alias: string): string {
  return (JSON.parse(readFileSync(path.join(repo, REGISTRY, 'iris', 'aliases', `${alias}.json`), 'utf8')) as { version: string }).version;
}

beforeAll(() => {
  requireTools();
  repo = pipelineRepo();
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
});

describe('the iris pipeline as GitLab components, a merge request that passes', () => {
  let run: PipelineRun;

  beforeAll(async () => {
    mergeRequestBranch(repo, 'feature');
    run = await mergeRequestPipeline(7);
  });

  test('every job passes, in the stages of the example', () => {
    if (run.code !== 0) throw new Error(explain(run));
    expect([...run.jobs]).toEqual(JOBS.map((job) => [job, 'PASS']));
  });

  test('each job ran the bundle under the gitlab host and left its outputs as a dotenv report', () => {
    for (const job of JOBS) {
      const dotenv = readDotenv(path.join(repo, `${job}.env`));
      expect([job, Object.keys(dotenv).length > 0]).toEqual([job, true]);
    }
    expect(readDotenv(path.join(repo, 'data-pull.env'))).toMatchObject({ MLOPS_CI_DATA_PULL_FILES: '1', MLOPS_CI_DATA_PULL_DIGEST: expect.stringMatching(/\S/) });
    // Two uses of one component, two prefixes: neither overwrites the other's outputs.
    expect(readDotenv(path.join(repo, 'train-rf.env'))['MLOPS_CI_TRAIN_RF_METRICS']).toBe(path.join(repo, 'examples/iris/out/rf/metrics.json'));
    expect(readDotenv(path.join(repo, 'train-gb.env'))['MLOPS_CI_TRAIN_GB_METRICS']).toBe(path.join(repo, 'examples/iris/out/gb/metrics.json'));
    expect(readDotenv(path.join(repo, 'gate.env'))).toMatchObject({ MLOPS_CI_GATE_PASSED: 'true', MLOPS_CI_GATE_BEST: 'rf' });
  });

  test('outputs reach the next jobs through dotenv: the promoted lineage holds what data-pull and setup-env reported', () => {
    const data = readDotenv(path.join(repo, 'data-pull.env'));
    const env = readDotenv(path.join(repo, 'setup-env.env'));
    const promoted = readDotenv(path.join(repo, 'promote.env'));
    expect(promoted['MLOPS_CI_PROMOTE_VERSION']).toBe('1');
    expect(aliasOf('staging')).toBe('1');
    const lineage = lineageOf('1');
    // promote-model got them only as `data-digest: $MLOPS_CI_DATA_PULL_DIGEST` and `env-fingerprint: $MLOPS_CI_SETUP_ENV_FINGERPRINT`.
    expect(lineage.data.digest).toBe(data['MLOPS_CI_DATA_PULL_DIGEST']);
    expect(lineage.env.fingerprint).toBe(env['MLOPS_CI_SETUP_ENV_FINGERPRINT']);
    expect(lineage.gate).toMatchObject({ passed: true, best: 'rf' });
    expect(lineage.metrics).toMatchObject({ accuracy: 0.9778 });
    // The training jobs ran the env's python, which reached their `command` as $MLOPS_CI_SETUP_ENV_PYTHON.
    expect(run.logs.get('train-rf')).toContain(env['MLOPS_CI_SETUP_ENV_PYTHON']);
  });

  test('the gate keeps its JUnit report and its report files', () => {
    const junit = readFileSync(path.join(repo, 'examples/iris/out/gate-junit.xml'), 'utf8');
    expect(junit).toContain('<testsuite');
    expect(readFileSync(path.join(repo, 'examples/iris/out/gate-report.md'), 'utf8')).toMatch(/passed/);
  });
});

describe('a merge request whose training is worse', () => {
  let run: PipelineRun;

  beforeAll(async () => {
    mergeRequestBranch(repo, 'worse', degradeTraining);
    run = await mergeRequestPipeline(8);
  });

  test('the gate job fails, and the promote job after it does not run', () => {
    if (run.jobs.get('gate') !== 'FAIL') throw new Error(explain(run));
    expect(run.code).not.toBe(0);
    expect(run.jobs.has('promote')).toBe(false);
    expect(run.jobs.get('train-rf')).toBe('PASS');
    expect(readDotenv(path.join(repo, 'gate.env'))).toMatchObject({ MLOPS_CI_GATE_PASSED: 'false', MLOPS_CI_GATE_BEST: '' });
    // Nothing new was promoted: staging is still the first merge request's version.
    expect(aliasOf('staging')).toBe('1');
    // The gate's own exit code for a verdict that did not pass, not a crash.
    expect(run.output).toMatch(/^gate +finished in .* FAIL 3 *$/m);
  });
});
