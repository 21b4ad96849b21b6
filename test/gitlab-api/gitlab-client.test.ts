/**
 * The GitLab client (packages/core/src/scm/gitlab.ts) against the local
 * GitLab API: what it sends fits GitLab's documented limits, and what it
 * says when GitLab refuses never carries the token.
 */
import { GitLabApiError, GitLabClient, GITLAB_LIMITS } from '../../packages/core/src/scm/gitlab.js';
import { startGitLabApi, type GitLabApiFake } from '../support/gitlab-api/server.js';

const TOKEN = 'glpat-client-test-123';
const SHA = 'e'.repeat(40);

let api: GitLabApiFake;
let client: GitLabClient;

beforeEach(async () => {
  api = await startGitLabApi({ privateToken: TOKEN });
  api.state.addMergeRequest(3, { sha: SHA });
  client = new GitLabClient({ apiUrl: api.url, projectId: String(api.project.id), token: { variable: 'GITLAB_TOKEN', header: 'PRIVATE-TOKEN', value: TOKEN }, projectUrl: null });
});

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
  const refusing = new GitLabClient({ apiUrl: api.url, projectId: '42', token: { variable: 'GITLAB_TOKEN', header: 'PRIVATE-TOKEN', value: 'glpat-wrong-456' }, projectUrl: null });
  const error = await refusing.setStatus(SHA, { state: 'success', context: 'gate', description: 'd', targetUrl: null }).catch((err: unknown) => err);
  expect(error).toBeInstanceOf(GitLabApiError);
  expect((error as GitLabApiError).status).toBe(401);
  expect((error as Error).message).toMatch(/^GitLab answered 401 to POST http:\/\/127\.0\.0\.1:\d+\/api\/v4\/projects\/42\/statuses\/e+: \{"message":"401 Unauthorized"\}$/);
  expect((error as Error).message).not.toContain('glpat-wrong-456');
});

test('no answer at all is an error without a status (an outage, retried when it settles a verdict)', async () => {
  const nowhere = new GitLabClient({ apiUrl: 'http://127.0.0.1:1/api/v4', projectId: '42', token: { variable: 'CI_JOB_TOKEN', header: 'JOB-TOKEN', value: 'j' }, projectUrl: null });
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
