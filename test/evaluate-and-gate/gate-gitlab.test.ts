/**
 * The gate in a GitLab job reports to GitLab: a commit status (pending, then
 * success or failed) named by `status-context` and linking the pipeline, and
 * one sticky merge request note with the report, found across every page of
 * notes and edited in place, reported with GITLAB_TOKEN alone (a job token
 * may not set statuses or write notes). The committed bundle's CLI runs against the
 * local GitLab API (test/support/gitlab-api/), which refuses what GitLab
 * would and records it as a violation.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { jest } from '@jest/globals';
import { BUNDLE, bundleEnv, runBundle, tempDir, type BundleRun } from '../support/bundle.js';
import { startGitLabApi, TOKEN_USER, type GitLabApiFake } from '../support/gitlab-api/server.js';

// Each test runs the bundle once or twice: seconds on a busy machine.
jest.setTimeout(60_000);

const TOKEN = 'glpat-gate-test-0123456789';
const JOB_TOKEN = 'job-token-gate-test-9876';
const SHA = 'c'.repeat(40);
const MERGE_COMMIT = 'd'.repeat(40);
const CONTEXT = 'mlops-ci/gate';
const PIPELINE_URL = 'https://gitlab.example.com/acme/models/-/pipelines/1001';

let api: GitLabApiFake;
beforeEach(async () => {
  api = await startGitLabApi({ privateToken: TOKEN, jobToken: JOB_TOKEN });
  api.state.addCommit(MERGE_COMMIT);
});
afterEach(async () => {
  await api.close();
  expect(api.violations).toEqual([]);
});

/** Two candidates: rf 0.95, gb 0.93. */
function project(): string {
  const dir = tempDir('gate-gitlab-');
  for (const [name, accuracy] of [['rf', 0.95], ['gb', 0.93]] as const) {
    mkdirSync(path.join(dir, 'out', name), { recursive: true });
    writeFileSync(path.join(dir, 'out', name, 'metrics.json'), JSON.stringify({ accuracy }));
  }
  return dir;
}

/** A merge request pipeline's variables (MR !7), the gate's inputs as job variables. */
function mrPipeline(dir: string, rules = 'accuracy >= 0.9', extra: Record<string, string> = {}): Record<string, string> {
  return {
    GITLAB_CI: 'true',
    CI_API_V4_URL: api.url,
    CI_PROJECT_ID: String(api.project.id),
    CI_PROJECT_PATH: api.project.path,
    CI_PROJECT_URL: `https://gitlab.example.com/${api.project.path}`,
    CI_PROJECT_DIR: dir,
    CI_COMMIT_SHA: SHA,
    CI_PIPELINE_ID: '1001',
    CI_PIPELINE_URL: PIPELINE_URL,
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_MERGE_REQUEST_IID: '7',
    GITLAB_TOKEN: TOKEN,
    MLOPS_CI_DEBUG: '1',
    MLOPS_CI_INPUT_METRICS: 'out/*/metrics.json',
    MLOPS_CI_INPUT_RULES: rules,
    MLOPS_CI_INPUT_SELECT: 'max:accuracy',
    ...extra,
  };
}

async function gate(dir: string, env: Record<string, string>): Promise<BundleRun> {
  const run = await runBundle(['evaluate-and-gate'], { cwd: dir, env });
  expect(run.stdout + run.stderr).not.toContain(TOKEN);
  expect(run.stdout + run.stderr).not.toContain(JOB_TOKEN);
  return run;
}

function explain(run: BundleRun): string {
  return `exit ${run.code}\n--- stderr ---\n${run.stderr}\n--- stdout ---\n${run.stdout}`;
}

/** The states posted for a commit under the gate's name, as GitLab keeps them. */
function states(sha = SHA): string[] {
  return api.state.statuses(sha).filter((status) => status.name === CONTEXT).map((status) => status.status);
}

/** The operations the gate called, in order, with GitLab's answer. */
function calls(): string[] {
  return api.requests.map((request) => `${request.operation} ${request.status}`);
}

const MARKER = `<!-- mlops-ci:evaluate-and-gate:${CONTEXT} -->`;

test('a merge request pipeline: pending then success on the commit and this pipeline, linking it; one note with the report and its mermaid chart', async () => {
  api.state.addMergeRequest(7, { sha: SHA });
  // The commit's branch pipeline and this MR pipeline: the status must land on the latter.
  api.state.addPipeline(1000, { sha: SHA, ref: 'feature' });
  api.state.addPipeline(1001, { sha: SHA, ref: 'refs/merge-requests/7/head' });
  const dir = project();
  const run = await gate(dir, mrPipeline(dir));
  expect({ code: run.code, run: explain(run) }).toMatchObject({ code: 0 });

  expect(calls()).toEqual(['createStatus 201', 'createStatus 201', 'getUser 200', 'listNotes 200', 'createNote 201']);
  const statusCalls = api.requests.filter((request) => request.operation === 'createStatus');
  // An MR pipeline: on this pipeline (CI_PIPELINE_ID), whose ref GitLab knows (refs/merge-requests/7/head), so no `ref`.
  expect(statusCalls.map((request) => request.body)).toEqual([
    { state: 'pending', name: CONTEXT, description: expect.any(String), target_url: PIPELINE_URL, pipeline_id: 1001 },
    { state: 'success', name: CONTEXT, description: expect.stringContaining('rf'), target_url: PIPELINE_URL, pipeline_id: 1001 },
  ]);
  expect(api.requests.every((request) => request.headers['private-token'] === TOKEN && request.headers['job-token'] === undefined)).toBe(true);
  expect(api.state.statuses(SHA)).toEqual([expect.objectContaining({ name: CONTEXT, status: 'success', targetUrl: PIPELINE_URL, pipelineId: 1001, ref: 'refs/merge-requests/7/head' })]);

  const notes = api.state.notes(7);
  expect(notes).toHaveLength(1);
  expect(notes[0]?.author).toEqual(TOKEN_USER);
  expect(notes[0]?.body.startsWith(`${MARKER}\n`)).toBe(true);
  expect(notes[0]?.body).toContain('```mermaid');
  expect(run.stderr).toContain(`Posted the MR note: https://gitlab.example.com/acme/models/-/merge_requests/7#note_${notes[0]?.id}`);
  expect(run.stderr).toMatch(/section_start:\d+:mlops_ci_2_Report_to_GitLab\[collapsed=true\]/);
});

test('a second run edits its note in place, found on page 2 of the notes, and settles a new status', async () => {
  api.state.addMergeRequest(7, { sha: SHA });
  // 120 notes before the gate's: with 100 a page, its note lands on page 2.
  api.state.seedNotes(7, 120);
  const dir = project();
  expect((await gate(dir, mrPipeline(dir))).code).toBe(0);
  const mine = api.state.notes(7).filter((note) => note.body.includes(MARKER));
  expect(mine).toHaveLength(1);
  api.state.seedNotes(7, 10);
  api.requests.length = 0;

  const second = await gate(dir, mrPipeline(dir, 'accuracy >= 0.94'));
  expect({ code: second.code, run: explain(second) }).toMatchObject({ code: 0 });
  expect(calls()).toEqual(['createStatus 201', 'createStatus 201', 'getUser 200', 'listNotes 200', 'listNotes 200', 'updateNote 200']);
  expect(api.requests.filter((request) => request.operation === 'listNotes').map((request) => request.query['page'])).toEqual(['1', '2']);
  const after = api.state.notes(7).filter((note) => note.body.includes(MARKER));
  expect(after.map((note) => note.id)).toEqual([mine[0]?.id]);
  expect(after[0]?.body).toContain('accuracy >= 0.94');
  expect(api.state.notes(7)).toHaveLength(131);
  expect(second.stderr).toContain('Updated the MR note:');
  // The first run's verdict is kept; the second run's status is a new one.
  expect(states()).toEqual(['success', 'success']);
});

test('a failed gate: pending then failed, exit 3, the note says why', async () => {
  api.state.addMergeRequest(7, { sha: SHA });
  const dir = project();
  const run = await gate(dir, mrPipeline(dir, 'accuracy >= 0.99'));
  expect({ code: run.code, run: explain(run) }).toMatchObject({ code: 3 });
  expect(api.requests.filter((request) => request.operation === 'createStatus').map((request) => (request.body as { state: string }).state)).toEqual(['pending', 'failed']);
  expect(states()).toEqual(['failed']);
  expect(api.state.notes(7)[0]?.body).toContain('accuracy >= 0.99');
});

test('a merged-results pipeline reports on the source branch head, not the merge commit', async () => {
  api.state.addMergeRequest(7, { sha: SHA });
  const dir = project();
  const run = await gate(dir, mrPipeline(dir, 'accuracy >= 0.9', { CI_COMMIT_SHA: MERGE_COMMIT, CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: SHA }));
  expect(run.code).toBe(0);
  expect(states()).toEqual(['success']);
  expect(states(MERGE_COMMIT)).toEqual([]);
  // The pipeline runs for the merge commit, not for the head the status is on: not attached to it.
  expect(api.requests.filter((request) => request.operation === 'createStatus').map((request) => request.body)).not.toContainEqual(expect.objectContaining({ pipeline_id: expect.anything() }));
});

test('a branch pipeline (no MR): the status only, and the step says there is no note', async () => {
  const dir = project();
  const env = mrPipeline(dir, 'accuracy >= 0.9', { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_REF_NAME: 'main' });
  delete env['CI_MERGE_REQUEST_IID'];
  api.state.addPipeline(1001, { sha: SHA, ref: 'main' });
  const run = await gate(dir, env);
  expect(run.code).toBe(0);
  expect(calls()).toEqual(['createStatus 201', 'createStatus 201']);
  expect(api.requests.map((request) => request.body)).toEqual([expect.objectContaining({ pipeline_id: 1001, ref: 'main' }), expect.objectContaining({ pipeline_id: 1001, ref: 'main' })]);
  expect(run.stderr).toContain('No merge request in this run: no MR note.');
});

// GitLab answers a job token 401 on POST …/statuses and POST/PUT …/notes (doc/ci/jobs/ci_job_token.md, "Job token access").
test.each<[string, Record<string, string>]>([
  ['only CI_JOB_TOKEN, which cannot set statuses or write notes', { CI_JOB_TOKEN: JOB_TOKEN }],
  ['no token at all', {}],
])('%s: said once, naming GITLAB_TOKEN; nothing is called; the gate still decides', async (_name, tokens) => {
  api.state.addMergeRequest(7, { sha: SHA });
  const dir = project();
  const env = { ...mrPipeline(dir, 'accuracy >= 0.99'), ...tokens };
  delete env['GITLAB_TOKEN'];
  const run = await gate(dir, env);
  expect(run.code).toBe(3);
  expect(api.requests).toEqual([]);
  expect(run.stderr.match(/Not reporting to GitLab/g)).toHaveLength(1);
  expect(run.stderr).toContain(
    'notice: Not reporting to GitLab (GITLAB_TOKEN is not set; set it to a project access token with the `api` scope, as CI_JOB_TOKEN cannot set commit statuses or write merge request notes): the gate still runs',
  );
  expect(JSON.parse(run.stdout)).toMatchObject({ passed: 'false' });
});

test('a refused note is a warning, the verdict stands; a verdict refused once (502) is sent again', async () => {
  api.state.addMergeRequest(7, { sha: SHA });
  const dir = project();
  api.failNext('createNote', 403);
  const first = await gate(dir, mrPipeline(dir));
  expect(first.code).toBe(0);
  expect(first.stderr).toMatch(/warning: Could not report MR !7 note: GitLab answered 403 to POST http:\/\/127\.0\.0\.1:\d+\/api\/v4\/projects\/42\/merge_requests\/7\/notes/);
  expect(states()).toEqual(['success']);

  api.requests.length = 0;
  api.failNext('createStatus', 502, (params) => params['state'] === 'success');
  const second = await gate(dir, mrPipeline(dir));
  expect(second.code).toBe(0);
  expect(calls().filter((call) => call.startsWith('createStatus'))).toEqual(['createStatus 201', 'createStatus 502', 'createStatus 201']);
  expect(states()).toEqual(['success', 'success']);
});

test('check-run: true on GitLab is bad input (exit 2) before any call', async () => {
  api.state.addMergeRequest(7, { sha: SHA });
  const dir = project();
  const run = await gate(dir, mrPipeline(dir, 'accuracy >= 0.9', { MLOPS_CI_INPUT_CHECK_RUN: 'true' }));
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("error: input 'check-run': GitLab has no check runs");
  expect(api.requests).toEqual([]);
});

test('a job stopped while the status is pending settles it as failed, then exits 143', async () => {
  api.state.addMergeRequest(7, { sha: SHA });
  const dir = project();
  const pending = api.holdNext('createStatus');
  const child = spawn(process.execPath, ['--', BUNDLE, 'evaluate-and-gate'], { cwd: dir, env: bundleEnv({ env: mrPipeline(dir) }), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const stopping = new Promise<void>((resolve) =>
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('Stopped by SIGTERM')) resolve();
    }),
  );
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  await pending.reached;
  child.kill('SIGTERM');
  await Promise.race([stopping, exited]);
  pending.release();
  expect(await exited).toBe(143);
  expect(states()).toEqual(['failed']);
  expect(api.state.statuses(SHA)[0]?.description).toBe('The gate could not finish: the run was stopped (SIGTERM)');
  expect(stderr).not.toContain(TOKEN);
});
