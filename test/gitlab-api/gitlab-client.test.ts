/**
 * The GitLab client (packages/core/src/scm/gitlab.ts) against the local
 * GitLab API: what it sends fits GitLab's documented limits, a status lands
 * on this job's pipeline, the sticky note is only ever its own, and what it
 * says when GitLab refuses never carries the token.
 */
import { GitLabApiError, GitLabClient, GITLAB_LIMITS, gitlabPipelineFrom, gitlabTokenFrom, type GitLabClientOptions } from '../../packages/core/src/scm/gitlab.js';
import { OTHER_USER, startGitLabApi, TOKEN_USER, type GitLabApiFake } from '../support/gitlab-api/server.js';

const TOKEN = 'glpat-client-test-123';
const SHA = 'e'.repeat(40);

let api: GitLabApiFake;
let client: GitLabClient;

beforeEach(async () => {
  api = await startGitLabApi({ privateToken: TOKEN });
  api.state.addMergeRequest(3, { sha: SHA });
  client = clientWith({});
});

function clientWith(options: Partial<GitLabClientOptions>): GitLabClient {
  return new GitLabClient({ apiUrl: api.url, projectId: String(api.project.id), token: TOKEN, projectUrl: null, pipeline: null, ...options });
}

afterEach(async () => {
  await api.close();
});

test('a description over 255 characters and line breaks is sent as one line GitLab accepts; an over-long link is left out', async () => {
  await client.setStatus(SHA, { state: 'failure', context: 'gate', description: `first line\n${'x'.repeat(400)}`, targetUrl: `https://ci.example/${'p'.repeat(300)}` });
  const [status] = api.state.statuses(SHA);
  expect(status).toMatchObject({ status: 'failed', targetUrl: null });
  expect(status?.description?.length).toBe(GITLAB_LIMITS.statusText);
  expect(status?.description?.startsWith('first line xxx')).toBe(true);
  expect(api.violations).toEqual([]);
});

test('pending on a status a crashed run left pending is what the commit already says: no error', async () => {
  api.state.setStatus(SHA, { name: 'gate', state: 'pending', description: null, targetUrl: null, ref: null }, { id: 1, username: 'u', name: 'u' });
  await expect(client.setStatus(SHA, { state: 'pending', context: 'gate', description: 'again', targetUrl: null })).resolves.toBeUndefined();
  await client.setStatus(SHA, { state: 'success', context: 'gate', description: 'done', targetUrl: null });
  expect(api.state.statuses(SHA).map((s) => s.status)).toEqual(['success']);
  // GitLab refused the repeated pending, as the fake records; the client took that refusal for what it is.
  expect(api.violations).toEqual([expect.stringContaining('Cannot transition status via :enqueue from :pending')]);
});

test('a refusal names the status and the call, never the token', async () => {
  const refusing = clientWith({ token: 'glpat-wrong-456' });
  const error = await refusing.setStatus(SHA, { state: 'success', context: 'gate', description: 'd', targetUrl: null }).catch((err: unknown) => err);
  expect(error).toBeInstanceOf(GitLabApiError);
  expect((error as GitLabApiError).status).toBe(401);
  expect((error as Error).message).toMatch(/^GitLab answered 401 to POST http:\/\/127\.0\.0\.1:\d+\/api\/v4\/projects\/42\/statuses\/e+: \{"message":"401 Unauthorized"\}$/);
  expect((error as Error).message).not.toContain('glpat-wrong-456');
});

test('no answer at all is an error without a status (an outage, retried when it settles a verdict)', async () => {
  const nowhere = clientWith({ apiUrl: 'http://127.0.0.1:1/api/v4' });
  const error = await nowhere.setStatus(SHA, { state: 'success', context: 'gate', description: 'd', targetUrl: null }).catch((err: unknown) => err);
  expect(error).toBeInstanceOf(GitLabApiError);
  expect((error as GitLabApiError).status).toBeUndefined();
  expect((error as Error).message).toMatch(/^GitLab did not answer POST http:\/\/127\.0\.0\.1:1\/api\/v4\/projects\/42\/statuses\/e+: /);
});

test('sticky: a system note quoting the marker is passed over; mode new always adds one', async () => {
  const marker = '<!-- mlops-ci:evaluate-and-gate:gate -->';
  api.state.addNote(3, `quoted ${marker} by a system note`, undefined, true);
  const first = await client.postComment(3, 'report 1', marker, 'sticky');
  const second = await client.postComment(3, 'report 2', marker, 'sticky');
  expect(first.updated).toBe(false);
  expect(second).toEqual({ url: first.url, updated: true });
  await client.postComment(3, 'report 3', marker, 'new');
  expect(api.state.notes(3).map((note) => note.body)).toEqual([`quoted ${marker} by a system note`, `${marker}\nreport 2`, `${marker}\nreport 3`]);
  expect(first.url).toMatch(/^!3 note \d+$/);
  expect(api.violations).toEqual([]);
});

describe('the token: GITLAB_TOKEN only', () => {
  test.each<[string, NodeJS.ProcessEnv, string | undefined]>([
    ['GITLAB_TOKEN, trimmed', { GITLAB_TOKEN: ' glpat-x \n', CI_JOB_TOKEN: 'job' }, 'glpat-x'],
    // GitLab's job token may not set statuses or write notes (doc/ci/jobs/ci_job_token.md, "Job token access").
    ['only CI_JOB_TOKEN: none', { CI_JOB_TOKEN: 'job' }, undefined],
    ['a blank GITLAB_TOKEN: none', { GITLAB_TOKEN: '  ', CI_JOB_TOKEN: 'job' }, undefined],
  ])('%s', (_name, env, token) => {
    expect(gitlabTokenFrom(env)).toBe(token);
  });

  test('every call carries it in PRIVATE-TOKEN, never JOB-TOKEN', async () => {
    await client.setStatus(SHA, { state: 'success', context: 'gate', description: 'd', targetUrl: null });
    await client.postComment(3, 'report', '<!-- m -->', 'sticky');
    expect(api.requests.length).toBeGreaterThan(0);
    expect(api.requests.every((request) => request.headers['private-token'] === TOKEN && request.headers['job-token'] === undefined)).toBe(true);
    expect(api.violations).toEqual([]);
  });
});

describe('the status lands on this job’s pipeline', () => {
  test.each<[string, NodeJS.ProcessEnv, ReturnType<typeof gitlabPipelineFrom>]>([
    ['a branch pipeline: its id, commit and branch', { CI_PIPELINE_ID: '1001', CI_COMMIT_SHA: SHA, CI_COMMIT_REF_NAME: 'main', CI_PIPELINE_SOURCE: 'push' }, { id: 1001, sha: SHA, ref: 'main' }],
    ['a merge request pipeline: no ref (its own is refs/merge-requests/<iid>/head)', { CI_PIPELINE_ID: '1002', CI_COMMIT_SHA: SHA, CI_COMMIT_REF_NAME: 'feature', CI_PIPELINE_SOURCE: 'merge_request_event' }, { id: 1002, sha: SHA, ref: null }],
    ['no pipeline id: none', { CI_COMMIT_SHA: SHA }, null],
    ['a pipeline id that is not a number: none', { CI_PIPELINE_ID: '12a', CI_COMMIT_SHA: SHA }, null],
  ])('%s', (_name, env, pipeline) => {
    expect(gitlabPipelineFrom(env)).toEqual(pipeline);
  });

  test('on the pipeline’s own commit: pipeline_id and ref, so a commit with several pipelines gets it on this one', async () => {
    api.state.addPipeline(1000, { sha: SHA, ref: 'feature' });
    api.state.addPipeline(1001, { sha: SHA, ref: 'main' });
    const onMain = clientWith({ pipeline: { id: 1001, sha: SHA, ref: 'main' } });
    await onMain.setStatus(SHA, { state: 'success', context: 'gate', description: 'd', targetUrl: null });
    expect(api.requests[0]?.body).toMatchObject({ pipeline_id: 1001, ref: 'main' });
    expect(api.state.statuses(SHA)).toEqual([expect.objectContaining({ pipelineId: 1001, ref: 'main', status: 'success' })]);
    expect(api.violations).toEqual([]);
  });

  test('a merge request pipeline: pipeline_id alone, and GitLab takes the pipeline’s own ref', async () => {
    api.state.addPipeline(1002, { sha: SHA, ref: 'refs/merge-requests/3/head' });
    await clientWith({ pipeline: { id: 1002, sha: SHA, ref: null } }).setStatus(SHA, { state: 'pending', context: 'gate', description: 'd', targetUrl: null });
    expect(api.requests[0]?.body).not.toHaveProperty('ref');
    expect(api.state.statuses(SHA)).toEqual([expect.objectContaining({ pipelineId: 1002, ref: 'refs/merge-requests/3/head' })]);
    expect(api.violations).toEqual([]);
  });

  test('on another commit (a merged-results pipeline reporting on the source head): no pipeline_id or ref', async () => {
    const mergeCommit = 'f'.repeat(40);
    api.state.addPipeline(1003, { sha: mergeCommit, ref: 'refs/merge-requests/3/merge' });
    await clientWith({ pipeline: { id: 1003, sha: mergeCommit, ref: null } }).setStatus(SHA, { state: 'success', context: 'gate', description: 'd', targetUrl: null });
    expect(api.requests[0]?.body).not.toHaveProperty('pipeline_id');
    expect(api.state.statuses(SHA)).toEqual([expect.objectContaining({ pipelineId: null, ref: null })]);
    expect(api.violations).toEqual([]);
  });
});

describe('sticky: only the token’s own note', () => {
  const marker = '<!-- mlops-ci:evaluate-and-gate:gate -->';

  test('a reviewer’s note quoting the marker on an earlier page is left alone; ours, on page 2, is edited', async () => {
    api.state.addNote(3, `Why does ${marker} show up in the source?`, OTHER_USER);
    api.state.seedNotes(3, 120);
    const ours = api.state.addNote(3, `${marker}\nreport 1`, TOKEN_USER);
    const posted = await client.postComment(3, 'report 2', marker, 'sticky');
    expect(posted).toEqual({ url: `!3 note ${ours.id}`, updated: true });
    const notes = api.state.notes(3);
    expect(notes[0]?.body).toBe(`Why does ${marker} show up in the source?`);
    expect(notes.filter((note) => note.body.startsWith(marker)).map((note) => [note.id, note.body])).toEqual([[ours.id, `${marker}\nreport 2`]]);
    expect(api.violations).toEqual([]);
  });

  test('only a quoting note by someone else: a new note of our own; GET /user is asked once', async () => {
    api.state.addNote(3, `> ${marker}`, OTHER_USER);
    const first = await client.postComment(3, 'report 1', marker, 'sticky');
    const second = await client.postComment(3, 'report 2', marker, 'sticky');
    expect(first.updated).toBe(false);
    expect(second).toEqual({ url: first.url, updated: true });
    expect(api.state.notes(3).map((note) => [note.author.id, note.body])).toEqual([
      [OTHER_USER.id, `> ${marker}`],
      [TOKEN_USER.id, `${marker}\nreport 2`],
    ]);
    expect(api.requests.filter((request) => request.operation === 'getUser')).toHaveLength(1);
    expect(api.violations).toEqual([]);
  });
});
