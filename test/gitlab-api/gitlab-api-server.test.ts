/**
 * The fake GitLab API (test/support/gitlab-api/) holds clients to GitLab's
 * documented requests and answers in GitLab's documented shapes: what it
 * refuses, how it pages, and how a commit status moves through its states.
 */
import { JOB_USER, startGitLabApi, TOKEN_USER, type GitLabApiFake } from '../support/gitlab-api/server.js';
import { NOTE_SHAPE, shapeProblem } from '../support/gitlab-api/shapes.js';

const TOKEN = 'glpat-fake-test';
const JOB_TOKEN = 'job-token-test';
const SHA = 'a'.repeat(40);

let api: GitLabApiFake;

beforeEach(async () => {
  api = await startGitLabApi({ privateToken: TOKEN, jobToken: JOB_TOKEN });
  api.state.addMergeRequest(7, { sha: SHA });
});

afterEach(async () => {
  await api.close();
});

interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
}

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = { 'PRIVATE-TOKEN': TOKEN }): Promise<Answer> {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

describe('authentication', () => {
  test.each([
    ['PRIVATE-TOKEN', { 'PRIVATE-TOKEN': TOKEN }],
    ['JOB-TOKEN', { 'JOB-TOKEN': JOB_TOKEN }],
  ])('a known token in %s is accepted', async (_name, headers) => {
    expect((await call('GET', '/projects/42/merge_requests/7', undefined, headers)).status).toBe(200);
  });

  test('no token, a wrong one, or one in the other header is 401 as GitLab answers it', async () => {
    const wrong: Record<string, string>[] = [{}, { 'PRIVATE-TOKEN': 'nope' }, { 'JOB-TOKEN': TOKEN }];
    for (const headers of wrong) {
      expect(await call('GET', '/projects/42/merge_requests/7', undefined, headers)).toMatchObject({ status: 401, body: { message: '401 Unauthorized' } });
    }
    expect(api.violations).toEqual([]);
  });

  // doc/ci/jobs/ci_job_token.md, "Job token access": a job token may list and read MR notes and read the MR, nothing the gate writes.
  test('a job token may read the MR and its notes, as GitLab’s job token access table says', async () => {
    const job = { 'JOB-TOKEN': JOB_TOKEN };
    api.state.seedNotes(7, 2);
    expect((await call('GET', '/projects/42/merge_requests/7/notes', undefined, job)).status).toBe(200);
    expect((await call('GET', `/projects/42/merge_requests/7/notes/${api.state.notes(7)[0]?.id}`, undefined, job)).status).toBe(200);
    expect(api.violations).toEqual([]);
  });

  test('a job token cannot set a status, write a note or ask GET /user: 401 as GitLab answers it, and a violation', async () => {
    const job = { 'JOB-TOKEN': JOB_TOKEN };
    const note = api.state.addNote(7, 'ours', JOB_USER);
    const refused = [
      await call('POST', `/projects/42/statuses/${SHA}`, { state: 'success', name: 'g' }, job),
      await call('POST', '/projects/42/merge_requests/7/notes', { body: 'x' }, job),
      await call('PUT', `/projects/42/merge_requests/7/notes/${note.id}`, { body: 'y' }, job),
      await call('GET', '/user', undefined, job),
    ];
    expect(refused.map((answer) => [answer.status, answer.body])).toEqual(Array.from({ length: 4 }, () => [401, { message: '401 Unauthorized' }]));
    expect(api.state.statuses(SHA)).toEqual([]);
    expect(api.state.notes(7).map((n) => n.body)).toEqual(['ours']);
    expect(api.violations).toHaveLength(4);
  });

  test('a token in the query string is refused and is a violation (it would land in access logs)', async () => {
    expect((await call('GET', `/projects/42/merge_requests/7?private_token=${TOKEN}`)).status).toBe(401);
    expect(api.violations).toHaveLength(1);
  });
});

describe('POST /projects/:id/statuses/:sha', () => {
  test('pending, then success: one status moved through its states, in the documented shape', async () => {
    const pending = await call('POST', `/projects/42/statuses/${SHA}`, { state: 'pending', name: 'mlops-ci/gate', target_url: 'https://gitlab.example/p/1', description: 'Evaluating' });
    expect(pending).toMatchObject({ status: 201, body: { status: 'pending', name: 'mlops-ci/gate', sha: SHA, target_url: 'https://gitlab.example/p/1', finished_at: null } });
    const done = await call('POST', `/projects/42/statuses/${SHA}`, { state: 'success', name: 'mlops-ci/gate', description: 'rf passed' });
    expect(done).toMatchObject({ status: 201, body: { id: (pending.body as { id: number }).id, status: 'success', description: 'rf passed' } });
    expect(api.state.statuses(SHA).map((s) => s.status)).toEqual(['success']);
    expect(api.violations).toEqual([]);
  });

  test('a finished status is kept and a new run gets a new one; the project may be named by its encoded path; `context` names it too', async () => {
    await call('POST', `/projects/42/statuses/${SHA}`, { state: 'failed', context: 'gate' });
    await call('POST', `/projects/acme%2Fmodels/statuses/${SHA}`, { state: 'pending', context: 'gate' });
    expect(api.state.statuses(SHA).map((s) => [s.name, s.status])).toEqual([
      ['gate', 'failed'],
      ['gate', 'pending'],
    ]);
    expect(api.violations).toEqual([]);
  });

  test('pending again on an open pending status is GitLab’s transition error, and a violation', async () => {
    await call('POST', `/projects/42/statuses/${SHA}`, { state: 'pending', name: 'g' });
    expect(await call('POST', `/projects/42/statuses/${SHA}`, { state: 'pending', name: 'g' })).toMatchObject({ status: 400, body: { message: 'Cannot transition status via :enqueue from :pending' } });
    expect(api.violations).toHaveLength(1);
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['a state GitLab does not have', { state: 'failure' }, 'state does not have a valid value'],
    ['no state', { name: 'g' }, 'state is missing'],
    ['a description over 255 characters', { state: 'success', description: 'x'.repeat(256) }, 'description is too long (maximum is 255 characters)'],
    ['a target_url that is not http(s)', { state: 'success', target_url: 'javascript:alert(1)' }, 'target_url is blocked: Only allowed schemes are http, https'],
    ['an undocumented parameter', { state: 'success', conclusion: 'success' }, 'conclusion is not a documented parameter of this endpoint'],
  ])('%s is 400 with the reason, and a violation', async (_name, body, error) => {
    expect(await call('POST', `/projects/42/statuses/${SHA}`, body)).toMatchObject({ status: 400, body: { error } });
    expect(api.violations).toEqual([expect.stringContaining(error)]);
  });

  test('an unknown commit or project is 404', async () => {
    expect((await call('POST', `/projects/42/statuses/${'b'.repeat(40)}`, { state: 'success' })).status).toBe(404);
    expect((await call('POST', `/projects/43/statuses/${SHA}`, { state: 'success' })).status).toBe(404);
  });

  test('a body that is not JSON is refused', async () => {
    const response = await fetch(`${api.url}/projects/42/statuses/${SHA}`, { method: 'POST', headers: { 'PRIVATE-TOKEN': TOKEN, 'content-type': 'text/plain' }, body: 'state=success' });
    expect(response.status).toBe(400);
    expect(api.violations).toHaveLength(1);
  });
});

describe('pipeline_id and ref on a status (doc/api/commits.md; matched as app/services/ci/create_commit_status_service.rb does)', () => {
  test('a known pipeline of that sha and ref: the status is attached to it; without ref, GitLab takes the pipeline’s', async () => {
    api.state.addPipeline(5, { sha: SHA, ref: 'main' });
    api.state.addPipeline(6, { sha: SHA, ref: 'refs/merge-requests/7/head' });
    expect((await call('POST', `/projects/42/statuses/${SHA}`, { state: 'success', name: 'g', pipeline_id: 5, ref: 'main' })).status).toBe(201);
    expect((await call('POST', `/projects/42/statuses/${SHA}`, { state: 'success', name: 'g', pipeline_id: 6 })).status).toBe(201);
    expect(api.state.statuses(SHA).map((s) => [s.pipelineId, s.ref])).toEqual([
      [5, 'main'],
      [6, 'refs/merge-requests/7/head'],
    ]);
    expect(api.violations).toEqual([]);
  });

  test.each<[string, Record<string, unknown>]>([
    ['another ref', { pipeline_id: 5, ref: 'feature' }],
    ['another commit’s pipeline', { pipeline_id: 8 }],
  ])('a pipeline_id with %s is 404 as GitLab answers it, and a violation', async (_name, fields) => {
    api.state.addPipeline(5, { sha: SHA, ref: 'main' });
    api.state.addPipeline(8, { sha: 'b'.repeat(40), ref: 'main' });
    expect(await call('POST', `/projects/42/statuses/${SHA}`, { state: 'success', name: 'g', ...fields })).toMatchObject({ status: 404, body: { message: '404 Pipeline for pipeline_id, sha and ref Not Found' } });
    expect(api.violations).toHaveLength(1);
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['a pipeline_id that is not an integer', { pipeline_id: 'latest' }, 'pipeline_id is invalid'],
    ['a ref that is not a string', { ref: 7 }, 'ref is invalid'],
    ['a ref over 255 characters', { ref: 'r'.repeat(256) }, 'ref is too long (maximum is 255 characters)'],
  ])('%s is 400 with the reason', async (_name, fields, error) => {
    expect(await call('POST', `/projects/42/statuses/${SHA}`, { state: 'success', ...fields })).toMatchObject({ status: 400, body: { error } });
    expect(api.violations).toEqual([expect.stringContaining(error)]);
  });
});

test('GET /user: the user the token acts as, in the documented shape', async () => {
  expect(await call('GET', '/user')).toMatchObject({ status: 200, body: { id: TOKEN_USER.id, username: TOKEN_USER.username } });
  expect(api.violations).toEqual([]);
});

describe('merge request notes', () => {
  test('the list pages as doc/api/rest/_index.md says: 20 by default, newest first, x-* headers and Link', async () => {
    api.state.seedNotes(7, 45);
    const first = await call('GET', '/projects/42/merge_requests/7/notes');
    expect((first.body as unknown[]).length).toBe(20);
    expect(Object.fromEntries(['x-page', 'x-per-page', 'x-next-page', 'x-prev-page', 'x-total', 'x-total-pages'].map((h) => [h, first.headers.get(h)]))).toEqual({
      'x-page': '1',
      'x-per-page': '20',
      'x-next-page': '2',
      'x-prev-page': '',
      'x-total': '45',
      'x-total-pages': '3',
    });
    expect(first.headers.get('link')).toMatch(/<[^>]*page=2[^>]*>; rel="next"/);
    const ids = (first.body as { id: number }[]).map((note) => note.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const last = await call('GET', '/projects/42/merge_requests/7/notes?page=3&per_page=20&sort=asc');
    expect((last.body as unknown[]).length).toBe(5);
    expect(last.headers.get('x-next-page')).toBe('');
    expect(last.headers.get('link')).not.toContain('rel="next"');
    expect(api.violations).toEqual([]);
  });

  test('per_page above 100 is capped as GitLab does, and a violation', async () => {
    api.state.seedNotes(7, 120);
    expect(((await call('GET', '/projects/42/merge_requests/7/notes?per_page=500')).body as unknown[]).length).toBe(100);
    expect(api.violations).toEqual([expect.stringContaining('per_page=500')]);
  });

  test('create, then edit in place; the documented note shape', async () => {
    const created = await call('POST', '/projects/42/merge_requests/7/notes', { body: 'report v1' });
    expect(created).toMatchObject({ status: 201, body: { body: 'report v1', noteable_type: 'MergeRequest', noteable_iid: 7, system: false } });
    const id = (created.body as { id: number }).id;
    expect(await call('PUT', `/projects/42/merge_requests/7/notes/${id}`, { body: 'report v2' })).toMatchObject({ status: 200, body: { id, body: 'report v2' } });
    expect(api.state.notes(7).map((note) => note.body)).toEqual(['report v2']);
    expect(api.violations).toEqual([]);
  });

  test('someone else’s note cannot be edited (403); an unknown note or MR is 404; a note needs a body', async () => {
    const [theirs] = api.state.seedNotes(7, 1);
    expect((await call('PUT', `/projects/42/merge_requests/7/notes/${theirs?.id}`, { body: 'mine now' })).status).toBe(403);
    expect((await call('PUT', '/projects/42/merge_requests/7/notes/999999', { body: 'x' })).status).toBe(404);
    expect((await call('GET', '/projects/42/merge_requests/8/notes')).status).toBe(404);
    expect(await call('POST', '/projects/42/merge_requests/7/notes', {})).toMatchObject({ status: 400, body: { error: 'body is missing' } });
    expect(api.violations).toHaveLength(4);
  });
});

test('GET /projects/:id/merge_requests/:iid gives the source head sha, in the documented shape', async () => {
  expect(await call('GET', '/projects/42/merge_requests/7')).toMatchObject({ status: 200, body: { iid: 7, sha: SHA, source_branch: 'feature', state: 'opened' } });
  expect(api.violations).toEqual([]);
});

test('failNext answers one request with an outage, which is not the client’s fault', async () => {
  api.failNext('createStatus', 502);
  expect((await call('POST', `/projects/42/statuses/${SHA}`, { state: 'pending' })).status).toBe(502);
  expect((await call('POST', `/projects/42/statuses/${SHA}`, { state: 'pending' })).status).toBe(201);
  expect(api.violations).toEqual([]);
});

test('an endpoint the fake does not know is a violation: the client called something unmodelled', async () => {
  expect((await call('GET', '/projects/42/pipelines')).status).toBe(404);
  expect((await call('DELETE', '/projects/42/merge_requests/7/notes/1')).status).toBe(405);
  expect(api.violations).toHaveLength(2);
  expect(api.requests.map((r) => [r.method, r.path, r.status])).toEqual([
    ['GET', '/projects/42/pipelines', 404],
    ['DELETE', '/projects/42/merge_requests/7/notes/1', 405],
  ]);
});

test('the answer check finds a field missing, one GitLab does not document, and a mistyped one', () => {
  const note = { id: 1, body: 'x', author: { id: 1, username: 'u', email: 'e', name: 'n', state: 'active', created_at: 't' }, created_at: 't', updated_at: 't', system: false, noteable_id: 1, noteable_type: 'MergeRequest', project_id: 42, noteable_iid: 7, resolvable: false, confidential: false, internal: false };
  expect(shapeProblem(note, NOTE_SHAPE)).toBeNull();
  const { internal: _dropped, ...missing } = note;
  expect(shapeProblem(missing, NOTE_SHAPE)).toBe('response.internal is missing');
  expect(shapeProblem({ ...note, html_url: 'u' }, NOTE_SHAPE)).toBe('response.html_url is not a documented field');
  expect(shapeProblem({ ...note, author: { ...note.author, id: '1' } }, NOTE_SHAPE)).toBe('response.author.id is "1", documented as number');
});
