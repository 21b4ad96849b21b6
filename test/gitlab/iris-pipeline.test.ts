/**
 * examples/iris/.gitlab-ci.yml under gitlab-ci-local (test/gitlab/gitlab-ci-local.ts):
 * the components of templates/ included as GitLab includes a project's own
 * (`$CI_SERVER_FQDN/$CI_PROJECT_PATH/<step>@$CI_COMMIT_SHA`, resolved from the
 * checkout), each job running the built bundle with the gitlab host, the jobs
 * in bash on this machine (training `runtime: host`; iris-fixture.ts: the
 * stand-in training and small env), each in its own folder: what a job hands
 * on reaches the next only as its artifacts and its dotenv report, as on a
 * runner. The registry is a folder outside the repository, set as
 * MLOPS_CI_REGISTRY, as a real pipeline sets a store that outlives its jobs.
 *
 * The gate reports to a local GitLab API (test/support/gitlab-api/server.ts)
 * that checks every request and answer against GitLab's documented shapes;
 * its header and shapes.ts name the pages each shape comes from
 * (doc/api/commits.md for statuses, doc/api/notes.md for merge request notes,
 * doc/api/rest/_index.md for pagination, doc/api/rest/authentication.md for
 * the token headers).
 *
 * In one repository, registry and API, in order, as GitLab would run them:
 * 1. MR !7: every job passes, the outputs reach later jobs as dotenv variables
 *    (staging v1's lineage holds what they carried), status success on its
 *    head, one note; no production yet, so no baseline.
 * 2. The default branch: production v2, a status on its commit and no note.
 * 3. MR !7 again: gated against production (the example's before_script adds
 *    the baseline and its samples), the same note edited in place, staging v3.
 * 4. MR !8, whose training is worse: the gate job fails with exit 3 and so
 *    does its status; the promote job after it does not run.
 * The token is in no log of any of them.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { jest } from '@jest/globals';
import { startGitLabApi, type GitLabApiFake } from '../support/gitlab-api/server.js';
import { toolEnv, requireTools } from '../setup-env/support.js';
import { tempDir } from '../support/bundle.js';
import { artifactsOf, explain, jobFolder, readDotenv, runPipeline, type PipelineRun } from './gitlab-ci-local.js';
import { degradeTraining, git, mergeRequestBranch, pipelineRepo, PIPELINE, PROJECT_PATH } from './iris-fixture.js';

// Four pipelines of seven jobs, each a start of the bundle: seconds each, more on a busy machine.
jest.setTimeout(300_000);

const JOBS = ['setup-env', 'data-pull', 'train-rf', 'train-gb', 'production', 'gate', 'promote'];
const TOKEN = 'glpat-gitlab-ci-local-test-token';
const STATUS = 'mlops-ci/gate';

let repo: string;
let registry: string;
let api: GitLabApiFake;
let pipelineId = 100;
/** Everything every run printed, its jobs' logs included: where the token must never be. */
const printed: string[] = [];

/**
 * One pipeline of the branch checked out, as GitLab starts it: a merge
 * request pipeline when `mergeRequest` is given, else a push pipeline.
 */
async function pipeline(mergeRequest?: number): Promise<PipelineRun> {
  const id = ++pipelineId;
  const source: Record<string, string> =
    mergeRequest === undefined ? { CI_PIPELINE_SOURCE: 'push' } : { CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_IID: String(mergeRequest) };
  const run = await runPipeline(repo, {
    file: PIPELINE,
    env: toolEnv(),
    variables: {
      GITLAB_CI: 'true',
      ...source,
      CI_PIPELINE_ID: String(id),
      CI_PIPELINE_URL: pipelineUrl(id),
      CI_API_V4_URL: api.url,
      CI_PROJECT_ID: String(api.project.id),
      GITLAB_TOKEN: TOKEN,
      MLOPS_CI_REGISTRY: registry,
    },
  });
  printed.push(run.output, ...run.logs.values());
  return run;
}

const pipelineUrl = (id: number): string => `https://gitlab.example.com/${PROJECT_PATH}/-/pipelines/${id}`;

function expectPassed(run: PipelineRun): void {
  if (run.code !== 0) throw new Error(explain(run));
  expect([...run.jobs]).toEqual(JOBS.map((job) => [job, 'PASS']));
}

/** A job's dotenv report (`<as>.env`), where gitlab-ci-local keeps it for the next jobs. */
const dotenvOf = (job: string): Record<string, string> => readDotenv(repo, job, `${job}.env`);

/** A file a job kept as an artifact, by its path in the project. */
const artifact = (job: string, file: string): string => readFileSync(path.join(artifactsOf(repo, job), file), 'utf8');

interface Lineage {
  data: { digest: string | null };
  env: { fingerprint: string | null };
  gate: { passed: boolean; best: string | null } | null;
  metrics: Record<string, unknown>;
}

function lineageOf(version: string): Lineage {
  return JSON.parse(readFileSync(path.join(registry, 'iris', 'versions', version, 'version.json'), 'utf8')) as Lineage;
}

function aliasOf(alias: string): string {
  return (JSON.parse(readFileSync(path.join(registry, 'iris', 'aliases', `${alias}.json`), 'utf8')) as { version: string }).version;
}

/** The report's headline: its first `###` line (a note starts with its hidden marker). */
const headline = (markdown: string | undefined): string => (markdown ?? '').split('\n').find((line) => line.startsWith('### ')) ?? '';

beforeAll(async () => {
  requireTools();
  repo = pipelineRepo();
  registry = tempDir('gitlab-iris-registry-');
  api = await startGitLabApi({ privateToken: TOKEN, project: { id: 1217, path: PROJECT_PATH } });
});

afterAll(async () => {
  await api?.close();
  rmSync(repo, { recursive: true, force: true });
  rmSync(registry, { recursive: true, force: true });
});

describe('1. a merge request that passes', () => {
  let run: PipelineRun;
  let head: string;

  beforeAll(async () => {
    head = mergeRequestBranch(repo, 'feature');
    api.state.addMergeRequest(7, { sha: head, sourceBranch: 'feature' });
    run = await pipeline(7);
  });

  test('every job passes, in the stages of the example', () => {
    expectPassed(run);
  });

  test('each job left its outputs as a dotenv report, under its own prefix', () => {
    for (const job of JOBS) expect([job, Object.keys(dotenvOf(job)).length > 0]).toEqual([job, true]);
    expect(dotenvOf('data-pull')).toMatchObject({ MLOPS_CI_DATA_PULL_FILES: '1', MLOPS_CI_DATA_PULL_DIGEST: expect.stringMatching(/\S/) });
    // Two uses of one component, two prefixes: neither overwrites the other's outputs.
    expect(dotenvOf('train-rf')['MLOPS_CI_TRAIN_RF_METRICS']).toBe(path.join(jobFolder(repo, 'train-rf'), 'examples/iris/out/rf/metrics.json'));
    expect(dotenvOf('train-gb')['MLOPS_CI_TRAIN_GB_METRICS']).toBe(path.join(jobFolder(repo, 'train-gb'), 'examples/iris/out/gb/metrics.json'));
    expect(dotenvOf('production')).toMatchObject({ MLOPS_CI_PRODUCTION_FOUND: 'false' });
    expect(dotenvOf('gate')).toMatchObject({ MLOPS_CI_GATE_PASSED: 'true', MLOPS_CI_GATE_BEST: 'rf' });
  });

  test('outputs reach the next jobs through dotenv: the promoted lineage holds what data-pull and setup-env reported', () => {
    const data = dotenvOf('data-pull');
    const env = dotenvOf('setup-env');
    expect(dotenvOf('promote')['MLOPS_CI_PROMOTE_VERSION']).toBe('1');
    expect(aliasOf('staging')).toBe('1');
    const lineage = lineageOf('1');
    // promote-model got them only as `data-digest: $MLOPS_CI_DATA_PULL_DIGEST` and `env-fingerprint: $MLOPS_CI_SETUP_ENV_FINGERPRINT`.
    expect(lineage.data.digest).toBe(data['MLOPS_CI_DATA_PULL_DIGEST']);
    expect(lineage.env.fingerprint).toBe(env['MLOPS_CI_SETUP_ENV_FINGERPRINT']);
    expect(lineage.gate).toMatchObject({ passed: true, best: 'rf' });
    expect(lineage.metrics).toMatchObject({ accuracy: 0.9778 });
    // The trainings ran the env's python (the stand-in imports its package) from setup-env's artifact, in their own folders.
    expect(run.logs.get('train-rf')).toContain('.venv/bin/python');
    expect(existsSync(path.join(jobFolder(repo, 'train-rf'), 'examples/iris/.venv/pyvenv.cfg'))).toBe(true);
  });

  test('each job hands its files on as artifacts, and nothing reaches a later job any other way', () => {
    const kept: Record<string, string[]> = {
      'setup-env': ['examples/iris/.venv/pyvenv.cfg'],
      'data-pull': ['examples/iris/data/iris.csv', 'examples/iris/out/data-manifest.json'],
      'train-rf': ['examples/iris/out/rf/metrics.json', 'examples/iris/out/rf/correct.json', 'examples/iris/out/rf/model.txt'],
      'train-gb': ['examples/iris/out/gb/metrics.json', 'examples/iris/out/gb/correct.json', 'examples/iris/out/gb/model.txt'],
      gate: ['examples/iris/out/gate-report.md', 'examples/iris/out/gate-report.html', 'examples/iris/out/gate-results.json', 'examples/iris/out/gate-junit.xml'],
    };
    for (const [job, files] of Object.entries(kept)) {
      for (const file of files) expect([job, file, existsSync(path.join(artifactsOf(repo, job), file))]).toEqual([job, file, true]);
    }
    // A job keeps only what its artifacts name: a training's folder is not the env's.
    expect(existsSync(path.join(artifactsOf(repo, 'train-rf'), 'examples/iris/.venv'))).toBe(false);
    // The jobs ran in their own folders: the repository's stays as checked out.
    expect(existsSync(path.join(repo, 'examples/iris/.venv'))).toBe(false);
    expect(existsSync(path.join(repo, 'examples/iris/out'))).toBe(false);
  });

  test('the gate keeps its JUnit report and its report files', () => {
    expect(artifact('gate', 'examples/iris/out/gate-junit.xml')).toContain('<testsuite');
    expect(headline(artifact('gate', 'examples/iris/out/gate-report.md'))).toMatch(/passed — best: \*\*rf\*\*.*no baseline was given/);
  });

  test('the merge request gets the status success on its head, linking the pipeline, and one note with the report', () => {
    expect(api.state.statuses(head).map((status) => [status.name, status.status, status.targetUrl])).toEqual([[STATUS, 'success', pipelineUrl(pipelineId)]]);
    const notes = api.state.notes(7);
    expect(notes).toHaveLength(1);
    expect(headline(notes[0]!.body)).toMatch(/passed — best: \*\*rf\*\*/);
    // The chart stays mermaid: GitLab renders it in the note.
    expect(notes[0]!.body).toContain('```mermaid');
    expect(api.violations).toEqual([]);
  });
});

describe('2. the default branch', () => {
  let run: PipelineRun;
  let head: string;

  beforeAll(async () => {
    git(repo, 'checkout', '-q', 'main');
    head = git(repo, 'rev-parse', 'HEAD');
    api.state.addCommit(head);
    run = await pipeline();
  });

  test('promotes to production, with a status on its commit and no note', () => {
    expectPassed(run);
    expect(aliasOf('production')).toBe('2');
    expect(api.state.statuses(head).map((status) => [status.name, status.status])).toEqual([[STATUS, 'success']]);
    expect(api.state.notes(7)).toHaveLength(1);
    expect(api.violations).toEqual([]);
  });
});

describe('3. the same merge request’s next pipeline', () => {
  let run: PipelineRun;
  let head: string;
  let first: { id: number; updatedAt: string };

  beforeAll(async () => {
    git(repo, 'checkout', '-q', 'feature');
    head = git(repo, 'rev-parse', 'HEAD');
    // The note of the first pipeline (its own test fails when there is none; this one then too).
    const [note] = api.state.notes(7);
    first = { id: note?.id ?? -1, updatedAt: note?.updatedAt ?? '' };
    run = await pipeline(7);
  });

  test('gates against production, found by the production job, with its samples', () => {
    expectPassed(run);
    expect(dotenvOf('production')).toMatchObject({ MLOPS_CI_PRODUCTION_FOUND: 'true', MLOPS_CI_PRODUCTION_VERSION: '2' });
    const results = JSON.parse(artifact('gate', 'examples/iris/out/gate-results.json')) as { passed: boolean; best: string };
    expect(results).toMatchObject({ passed: true, best: 'rf' });
    // The statistical rule ran: no "skipped" in the headline.
    expect(headline(artifact('gate', 'examples/iris/out/gate-report.md'))).not.toMatch(/skipped/);
    expect(aliasOf('staging')).toBe('3');
  });

  test('edits the one note in place and sets a new status', () => {
    const notes = api.state.notes(7);
    expect(notes.map((note) => note.id)).toEqual([first.id]);
    expect(notes[0]!.updatedAt > first.updatedAt).toBe(true);
    expect(api.requests.filter((request) => request.method === 'PUT').map((request) => request.path)).toEqual([`/projects/${api.project.id}/merge_requests/7/notes/${first.id}`]);
    expect(api.state.statuses(head).map((status) => [status.status, status.targetUrl])).toEqual([
      ['success', pipelineUrl(pipelineId - 2)],
      ['success', pipelineUrl(pipelineId)],
    ]);
    expect(api.violations).toEqual([]);
  });
});

describe('4. a merge request whose training is worse', () => {
  let run: PipelineRun;
  let head: string;

  beforeAll(async () => {
    head = mergeRequestBranch(repo, 'worse', degradeTraining);
    api.state.addMergeRequest(8, { sha: head, sourceBranch: 'worse' });
    run = await pipeline(8);
  });

  test('the gate job fails with the gate’s exit code, and the promote job after it does not run', () => {
    if (run.jobs.get('gate') !== 'FAIL') throw new Error(explain(run));
    expect(run.code).not.toBe(0);
    expect(run.jobs.get('train-rf')).toBe('PASS');
    expect(run.jobs.has('promote')).toBe(false);
    // Exit 3, a verdict that did not pass, not a crash.
    expect(run.output).toMatch(/^gate +finished in .* FAIL 3 *$/m);
    expect(dotenvOf('gate')).toMatchObject({ MLOPS_CI_GATE_PASSED: 'false', MLOPS_CI_GATE_BEST: '' });
    // `when: always`: a failed gate still keeps its report for the merge request's reader.
    expect(headline(artifact('gate', 'examples/iris/out/gate-report.md'))).toMatch(/failed/);
    expect(artifact('gate', 'examples/iris/out/gate-junit.xml')).toContain('<failure');
    // Nothing was promoted: the aliases are where the third pipeline left them.
    expect([aliasOf('staging'), aliasOf('production')]).toEqual(['3', '2']);
  });

  test('its status fails, and it gets its own note', () => {
    expect(api.state.statuses(head).map((status) => [status.name, status.status])).toEqual([[STATUS, 'failed']]);
    expect(api.state.notes(8)).toHaveLength(1);
    expect(headline(api.state.notes(8)[0]!.body)).toMatch(/failed/);
    expect(api.violations).toEqual([]);
  });
});

// Declared last, so it runs after every pipeline above.
test('the token is in no job log of any pipeline, nor in what gitlab-ci-local printed', () => {
  expect(printed.length).toBeGreaterThan(4);
  for (const text of printed) expect(text).not.toContain(TOKEN);
});
