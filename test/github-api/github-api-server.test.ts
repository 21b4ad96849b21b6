// Proves the fake GitHub REST server is faithful: what GitHub accepts is
// accepted with spec-valid responses, what GitHub rejects is rejected the way
// GitHub rejects it and lands in `violations`.
import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { startGitHubApi, type GitHubApiFake } from '../support/github-api/server.js';

const SHA = 'a'.repeat(40);

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read arbitrary fields of GitHub's JSON
  json: any;
  headers: Headers;
}

async function call(api: GitHubApiFake, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const url = path.startsWith('http') ? path : `${api.url}${path}`;
  const res = await fetch(url, {
    method,
    headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, json, headers: res.headers };
}

/** Parse a Link header strictly in GitHub's format: `<url>; rel="x", <url>; rel="y"`. */
function parseLink(header: string | null): Record<string, string> {
  const links: Record<string, string> = {};
  if (header === null) return links;
  for (const part of header.split(', ')) {
    const m = /^<([^<>\s]+)>; rel="(next|last|prev|first)"$/.exec(part);
    if (!m) throw new Error(`not a GitHub Link entry: ${part}`);
    links[m[2]!] = m[1]!;
  }
  return links;
}

const pageOf = (url: string | undefined) => {
  const page = url === undefined ? null : new URL(url).searchParams.get('page');
  return page === null ? undefined : Number(page);
};

describe('fake GitHub REST API', () => {
  let api: GitHubApiFake;
  beforeEach(async () => {
    api = await startGitHubApi();
  });
  afterEach(async () => {
    await api.close();
  });

  describe('commit statuses', () => {
    test('a valid status is created (201), stored per sha and its response matches the spec', async () => {
      const r = await call(api, 'POST', `/repos/acme/models/statuses/${SHA}`, {
        state: 'success',
        target_url: 'https://ci.example/run/1',
        description: 'gate passed',
        context: 'mlops-ci/gate',
      });
      expect(r.status).toBe(201);
      expect(r.json).toMatchObject({ state: 'success', context: 'mlops-ci/gate', description: 'gate passed', target_url: 'https://ci.example/run/1' });
      expect(r.json.url).toBe(`${api.url}/repos/acme/models/statuses/${SHA}`);
      expect(r.headers.get('location')).toBe(r.json.url);
      // The server validated it before sending; check again independently.
      expect(api.spec.validateResponse(api.spec.byId.get('repos/create-commit-status')!, 201, r.json)).toEqual([]);
      expect(api.state.statuses('acme', 'models', SHA).map((s) => s.state)).toEqual(['success']);
      expect(api.requests.at(-1)).toMatchObject({ method: 'POST', operationId: 'repos/create-commit-status', status: 201 });
      expect(api.violations).toEqual([]);
    });

    test('state "ok" is not one of GitHub\'s states: 422 and a violation naming the operation and the field', async () => {
      const r = await call(api, 'POST', `/repos/acme/models/statuses/${SHA}`, { state: 'ok' });
      expect(r.status).toBe(422);
      expect(r.json.message).toBe('Invalid request.\n\nFor \'properties/state\', "ok" is not one of ["error", "failure", "pending", "success"].');
      expect(r.json.documentation_url).toBe('https://docs.github.com/rest/commits/statuses#create-a-commit-status');
      expect(api.violations).toHaveLength(1);
      expect(api.violations[0]).toContain('repos/create-commit-status');
      expect(api.violations[0]).toContain('body /state: must be equal to one of the allowed values');
      expect(api.state.statuses('acme', 'models', SHA)).toEqual([]);
    });

    test('a missing required field is named as GitHub names it', async () => {
      const r = await call(api, 'POST', `/repos/acme/models/statuses/${SHA}`, { description: 'no state' });
      expect(r.status).toBe(422);
      expect(r.json.message).toBe('Invalid request.\n\n"state" wasn\'t supplied.');
      expect(api.violations[0]).toContain("must have required property 'state'");
    });

    test('description: 140 characters pass, 141 are refused as GitHub does (a limit the schema does not carry)', async () => {
      const ok = await call(api, 'POST', `/repos/acme/models/statuses/${SHA}`, { state: 'pending', description: 'x'.repeat(140) });
      expect(ok.status).toBe(201);
      expect(api.violations).toEqual([]);
      const r = await call(api, 'POST', `/repos/acme/models/statuses/${SHA}`, { state: 'pending', description: 'é'.repeat(141) });
      expect(r.status).toBe(422);
      expect(r.json).toMatchObject({
        message: 'Validation Failed',
        errors: [{ resource: 'Status', code: 'custom', field: 'description', message: 'description is too long (maximum is 140 characters)' }],
        status: '422',
      });
      expect(api.violations).toHaveLength(1);
      expect(api.violations[0]).toContain('description is too long');
    });

    test('list (newest first) and combined status reflect what was posted', async () => {
      await call(api, 'POST', `/repos/acme/models/statuses/${SHA}`, { state: 'pending', context: 'train' });
      await call(api, 'POST', `/repos/acme/models/statuses/${SHA}`, { state: 'success', context: 'train' });
      await call(api, 'POST', `/repos/acme/models/statuses/${SHA}`, { state: 'failure', context: 'gate' });
      const list = await call(api, 'GET', `/repos/acme/models/commits/${SHA}/statuses`);
      expect(list.status).toBe(200);
      expect(list.json.map((s: { context: string; state: string }) => `${s.context}:${s.state}`)).toEqual(['gate:failure', 'train:success', 'train:pending']);
      const combined = await call(api, 'GET', `/repos/acme/models/commits/${SHA}/status`);
      expect(combined.status).toBe(200);
      expect(combined.json).toMatchObject({ state: 'failure', sha: SHA, total_count: 2 });
      expect(combined.json.statuses.map((s: { context: string; state: string }) => `${s.context}:${s.state}`)).toEqual(['train:success', 'gate:failure']);
      expect(api.violations).toEqual([]);
    });

    test('refs with a slash ({ref} is multi-segment) resolve through branches', async () => {
      api.state.setBranch('acme', 'models', 'feature/new-model', SHA);
      await call(api, 'POST', `/repos/acme/models/statuses/${SHA}`, { state: 'success' });
      const r = await call(api, 'GET', '/repos/acme/models/commits/feature/new-model/status');
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ state: 'success', sha: SHA });
      expect(api.violations).toEqual([]);
    });

    test('once commits are declared, a status on an unknown sha (e.g. a local merge commit) is refused', async () => {
      api.state.seedPull('acme', 'models', { number: 7, head: { ref: 'feature', sha: SHA }, base: { ref: 'main', sha: 'b'.repeat(40) } });
      const merge = 'c'.repeat(40);
      const r = await call(api, 'POST', `/repos/acme/models/statuses/${merge}`, { state: 'success' });
      expect(r.status).toBe(422);
      expect(r.json.message).toBe(`No commit found for SHA: ${merge}`);
      expect(api.violations).toHaveLength(1);
      expect((await call(api, 'POST', `/repos/acme/models/statuses/${SHA}`, { state: 'success' })).status).toBe(201);
    });
  });

  describe('issue comments', () => {
    test('150 comments: pages of 30 by default with GitHub Link headers', async () => {
      api.state.seedComments('acme', 'models', 12, 150);
      const first = await call(api, 'GET', '/repos/acme/models/issues/12/comments');
      expect(first.status).toBe(200);
      expect(first.json).toHaveLength(30);
      expect(first.json[0].body).toBe('comment 1');
      const links = parseLink(first.headers.get('link'));
      expect(Object.keys(links)).toEqual(['next', 'last']);
      expect(pageOf(links.next)).toBe(2);
      expect(pageOf(links.last)).toBe(5);
      const repoId = api.state.repo('acme', 'models').repo.id;
      // Absolute, on the fake's own URL, in GitHub's /repositories/{id} form.
      expect(links.next).toBe(`${api.url}/repositories/${repoId}/issues/12/comments?page=2`);

      const middle = await call(api, 'GET', '/repos/acme/models/issues/12/comments?page=3');
      expect(middle.json[0].body).toBe('comment 61');
      const m = parseLink(middle.headers.get('link'));
      expect(Object.keys(m)).toEqual(['prev', 'next', 'last', 'first']);
      expect([pageOf(m.prev), pageOf(m.next), pageOf(m.last), pageOf(m.first)]).toEqual([2, 4, 5, 1]);

      const last = await call(api, 'GET', '/repos/acme/models/issues/12/comments?page=5');
      expect(last.json).toHaveLength(30);
      expect(Object.keys(parseLink(last.headers.get('link')))).toEqual(['prev', 'first']);
      expect(api.violations).toEqual([]);
    });

    test('per_page=100 gives 100 then 50, and following rel="next" walks every comment once', async () => {
      api.state.seedComments('acme', 'models', 12, 150);
      const first = await call(api, 'GET', '/repos/acme/models/issues/12/comments?per_page=100');
      expect(first.json).toHaveLength(100);
      const links = parseLink(first.headers.get('link'));
      expect(new URL(links.next!).search).toBe('?per_page=100&page=2');
      expect(pageOf(links.last)).toBe(2);

      const bodies: string[] = [];
      let next: string | undefined = `${api.url}/repos/acme/models/issues/12/comments?per_page=100`;
      while (next) {
        const page = await call(api, 'GET', next);
        expect(page.status).toBe(200);
        bodies.push(...page.json.map((c: { body: string }) => c.body));
        next = parseLink(page.headers.get('link')).next;
      }
      expect(bodies).toEqual(Array.from({ length: 150 }, (_, i) => `comment ${i + 1}`));
      expect(api.requests.map((r) => r.operationId)).toEqual(['issues/list-comments', 'issues/list-comments', 'issues/list-comments']);
      expect(api.violations).toEqual([]);
    });

    test('pages fetched through a Link URL carry correct Links themselves (walking 5 pages of 30)', async () => {
      api.state.seedComments('acme', 'models', 12, 150);
      const seen: string[] = [];
      let next: string | undefined = `${api.url}/repos/acme/models/issues/12/comments`;
      while (next) {
        const page = await call(api, 'GET', next);
        const links = parseLink(page.headers.get('link'));
        const n = pageOf(next) ?? 1;
        seen.push(`${n}:${Object.keys(links).join('+')}`);
        for (const url of Object.values(links)) expect(new URL(url).pathname).toMatch(/^\/repositories\/\d+\/issues\/12\/comments$/);
        if (n > 1) expect(pageOf(links.prev)).toBe(n - 1);
        next = links.next;
      }
      expect(seen).toEqual(['1:next+last', '2:prev+next+last+first', '3:prev+next+last+first', '4:prev+next+last+first', '5:prev+first']);
      expect(api.violations).toEqual([]);
    });

    test('per_page=101 is a violation (GitHub silently caps at 100)', async () => {
      api.state.seedComments('acme', 'models', 12, 150);
      const r = await call(api, 'GET', '/repos/acme/models/issues/12/comments?per_page=101');
      expect(r.status).toBe(200);
      expect(r.json).toHaveLength(100);
      expect(api.violations).toHaveLength(1);
      expect(api.violations[0]).toContain('per_page=101');
    });

    test('a non-integer query parameter is a violation', async () => {
      const r = await call(api, 'GET', '/repos/acme/models/issues/12/comments?per_page=ten');
      expect(r.status).toBe(422);
      expect(api.violations[0]).toContain('query parameter "per_page": must be integer');
    });

    test('create, update in place, get and delete a comment', async () => {
      api.state.seedPull('acme', 'models', { number: 12, head: { ref: 'feature', sha: SHA } });
      const created = await call(api, 'POST', '/repos/acme/models/issues/12/comments', { body: '<!-- mlops-ci -->\nfirst' });
      expect(created.status).toBe(201);
      expect(created.json.user.login).toBe('github-actions[bot]');
      expect(created.json.html_url).toBe(`${api.url}/acme/models/pull/12#issuecomment-${created.json.id}`);
      expect(created.headers.get('location')).toBe(created.json.url);
      const id = created.json.id as number;

      const updated = await call(api, 'PATCH', `/repos/acme/models/issues/comments/${id}`, { body: '<!-- mlops-ci -->\nsecond' });
      expect(updated.status).toBe(200);
      expect(updated.json).toMatchObject({ id, body: '<!-- mlops-ci -->\nsecond', created_at: created.json.created_at });
      expect(api.state.comments('acme', 'models', 12).map((c) => [c.id, c.body])).toEqual([[id, '<!-- mlops-ci -->\nsecond']]);

      const got = await call(api, 'GET', `/repos/acme/models/issues/comments/${id}`);
      expect(got.json.body).toBe('<!-- mlops-ci -->\nsecond');

      const deleted = await call(api, 'DELETE', `/repos/acme/models/issues/comments/${id}`);
      expect(deleted.status).toBe(204);
      expect(api.state.comments('acme', 'models', 12)).toEqual([]);
      // A missing resource is an ordinary answer, not a client error.
      expect((await call(api, 'GET', `/repos/acme/models/issues/comments/${id}`)).status).toBe(404);
      expect(api.violations).toEqual([]);
    });

    test('a comment body over 65,536 characters is refused as GitHub does', async () => {
      const r = await call(api, 'POST', '/repos/acme/models/issues/12/comments', { body: 'x'.repeat(65537) });
      expect(r.status).toBe(422);
      expect(r.json.errors[0]).toEqual({ resource: 'IssueComment', code: 'unprocessable', field: 'data', message: 'Body is too long (maximum is 65536 characters)' });
      expect(api.violations).toHaveLength(1);
    });
  });

  describe('check runs', () => {
    const create = (output: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      call(api, 'POST', '/repos/acme/models/check-runs', { name: 'mlops-ci / gate', head_sha: SHA, status: 'in_progress', output, ...extra });
    const annotations = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ path: 'metrics.json', start_line: i + 1, end_line: i + 1, annotation_level: 'warning', message: `metric ${i}` }));

    test('create (201) then complete with PATCH (200); annotations append across requests', async () => {
      api.state.seedPull('acme', 'models', { number: 3, head: { ref: 'feature', sha: SHA } });
      const created = await create({ title: 'Gate', summary: 'running', annotations: annotations(50) });
      expect(created.status).toBe(201);
      expect(created.json).toMatchObject({ name: 'mlops-ci / gate', head_sha: SHA, status: 'in_progress', conclusion: null, completed_at: null });
      expect(created.json.output.annotations_count).toBe(50);
      expect(created.json.pull_requests.map((p: { number: number }) => p.number)).toEqual([3]);

      const id = created.json.id as number;
      const done = await call(api, 'PATCH', `/repos/acme/models/check-runs/${id}`, {
        conclusion: 'success',
        output: { summary: 'all gates passed', annotations: annotations(50) },
      });
      expect(done.status).toBe(200);
      expect(done.json).toMatchObject({ id, status: 'completed', conclusion: 'success', output: { title: 'Gate', summary: 'all gates passed', annotations_count: 100 } });
      expect(done.json.completed_at).toEqual(expect.any(String));
      expect(api.state.checkRun('acme', 'models', id)!.annotations).toHaveLength(100);

      const listed = await call(api, 'GET', `/repos/acme/models/commits/${SHA}/check-runs`);
      expect(listed.json.total_count).toBe(1);
      const notes = await call(api, 'GET', `/repos/acme/models/check-runs/${id}/annotations?per_page=100`);
      expect(notes.json).toHaveLength(100);
      expect(api.violations).toEqual([]);
    });

    test('summary: 65,535 characters pass, 65,536 are refused (on create and on update)', async () => {
      const ok = await create({ title: 'Gate', summary: 's'.repeat(65535) });
      expect(ok.status).toBe(201);
      expect(api.violations).toEqual([]);

      const tooLong = await create({ title: 'Gate', summary: 's'.repeat(65536) });
      expect(tooLong.status).toBe(422);
      expect(tooLong.json.message).toBe('Invalid request.\n\nOnly 65535 characters are allowed; 65536 were supplied.');
      const update = await call(api, 'PATCH', `/repos/acme/models/check-runs/${ok.json.id}`, { output: { summary: 'ok', text: 't'.repeat(65536) } });
      expect(update.status).toBe(422);
      expect(api.violations).toHaveLength(2);
      expect(api.violations[0]).toContain('checks/create');
      expect(api.violations[1]).toContain('checks/update');
    });

    test('summary within 65,535 characters but over 65,535 UTF-8 bytes is refused too', async () => {
      const r = await create({ title: 'Gate', summary: '✓'.repeat(30000) }); // 30,000 chars, 90,000 bytes
      expect(r.status).toBe(422);
      expect(r.json.errors[0]).toMatchObject({ resource: 'CheckRun', field: 'summary', message: 'summary exceeds a maximum bytesize of 65535' });
      expect(api.violations).toHaveLength(1);
    });

    test('51 annotations in one request are refused', async () => {
      const r = await create({ title: 'Gate', summary: 's', annotations: annotations(51) });
      expect(r.status).toBe(422);
      expect(r.json.message).toBe('Invalid request.\n\nNo more than 50 items are allowed; 51 were supplied.');
      expect(api.violations).toHaveLength(1);
    });

    test('status "completed" without a conclusion is refused', async () => {
      const r = await create({ title: 'Gate', summary: 's' }, { status: 'completed' });
      expect(r.status).toBe(422);
      expect(api.violations).toHaveLength(1);
    });
  });

  describe('pull requests', () => {
    test('a seeded PR is returned as a full, spec-valid pull request; unknown ones are 404', async () => {
      api.state.seedPull('acme', 'models', { number: 5, head: { ref: 'feature', sha: SHA }, base: { ref: 'main', sha: 'b'.repeat(40) }, title: 'New model' });
      const r = await call(api, 'GET', '/repos/acme/models/pulls/5');
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ number: 5, title: 'New model', head: { ref: 'feature', sha: SHA }, base: { ref: 'main' } });
      const list = await call(api, 'GET', '/repos/acme/models/pulls?head=acme:feature');
      expect(list.json.map((p: { number: number }) => p.number)).toEqual([5]);
      expect((await call(api, 'GET', '/repos/acme/models/pulls/6')).status).toBe(404);
      expect(api.violations).toEqual([]);
    });
  });

  describe('releases', () => {
    test('a release is created (201) with its notes and flags, spec-valid, and can be read back by tag', async () => {
      const r = await call(api, 'POST', '/repos/acme/models/releases', { tag_name: 'v1.2.3-rc.1', name: 'v1.2.3-rc.1', body: '### Added\n\n- a thing', prerelease: true });
      expect(r.status).toBe(201);
      expect(r.json).toMatchObject({ tag_name: 'v1.2.3-rc.1', name: 'v1.2.3-rc.1', body: '### Added\n\n- a thing', prerelease: true, draft: false, target_commitish: 'main' });
      expect(r.json.published_at).toEqual(expect.any(String));
      expect(r.headers.get('location')).toBe(r.json.url);
      expect(api.spec.validateResponse(api.spec.byId.get('repos/create-release')!, 201, r.json)).toEqual([]);
      expect(api.state.releases('acme', 'models').map((x) => x.tagName)).toEqual(['v1.2.3-rc.1']);
      const byTag = await call(api, 'GET', '/repos/acme/models/releases/tags/v1.2.3-rc.1');
      expect(byTag).toMatchObject({ status: 200, json: { id: r.json.id } });
      expect((await call(api, 'GET', '/repos/acme/models/releases/tags/v9.9.9')).status).toBe(404);
      expect(api.violations).toEqual([]);
    });

    test('a second release of the same tag is refused with GitHub\'s 422 already_exists', async () => {
      expect((await call(api, 'POST', '/repos/acme/models/releases', { tag_name: 'v1.0.0' })).status).toBe(201);
      const again = await call(api, 'POST', '/repos/acme/models/releases', { tag_name: 'v1.0.0', body: 'again' });
      expect(again.status).toBe(422);
      expect(again.json).toMatchObject({ message: 'Validation Failed', errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }] });
      expect(api.state.releases('acme', 'models')).toHaveLength(1);
      expect(api.violations).toEqual([expect.stringContaining('already_exists')]);
    });

    test('a release without tag_name is GitHub\'s schema 422 and a violation', async () => {
      const r = await call(api, 'POST', '/repos/acme/models/releases', { name: 'nameless' });
      expect(r.status).toBe(422);
      expect(r.json.message).toContain('"tag_name" wasn\'t supplied.');
      expect(api.violations).toHaveLength(1);
    });
  });

  describe('routing and protocol', () => {
    test('an unknown route is 404 and a violation', async () => {
      const r = await call(api, 'GET', '/repos/acme/models/no-such-thing');
      expect(r.status).toBe(404);
      expect(r.json).toMatchObject({ message: 'Not Found' });
      expect(api.violations).toEqual([expect.stringContaining("no operation in GitHub's OpenAPI description matches GET /repos/acme/models/no-such-thing")]);
    });

    test('a known path with a method GitHub does not offer is a violation', async () => {
      const r = await call(api, 'PUT', `/repos/acme/models/statuses/${SHA}`, { state: 'success' });
      expect(r.status).toBe(404);
      expect(api.violations[0]).toContain('not for this method');
    });

    test('the GHES prefix /api/v3 works, and URLs in answers keep it', async () => {
      const r = await call(api, 'POST', `/api/v3/repos/acme/models/statuses/${SHA}`, { state: 'success' });
      expect(r.status).toBe(201);
      expect(r.json.url).toBe(`${api.url}/api/v3/repos/acme/models/statuses/${SHA}`);
      api.state.seedComments('acme', 'models', 1, 31);
      const page = await call(api, 'GET', '/api/v3/repos/acme/models/issues/1/comments');
      const next = parseLink(page.headers.get('link')).next!;
      expect(new URL(next).pathname).toMatch(/^\/api\/v3\/repositories\/\d+\/issues\/1\/comments$/);
      expect((await call(api, 'GET', next)).json).toHaveLength(1);
      expect(api.requests[0]!.path).toBe(`/repos/acme/models/statuses/${SHA}`);
      expect(api.violations).toEqual([]);
    });

    test('a body that is not JSON is 400 "Problems parsing JSON" and a violation', async () => {
      const r = await call(api, 'POST', '/repos/acme/models/issues/1/comments', '{"body": ');
      expect(r.status).toBe(400);
      expect(r.json.message).toBe('Problems parsing JSON');
      expect(api.violations).toHaveLength(1);
    });

    test('an unsupported X-GitHub-Api-Version is refused', async () => {
      const r = await call(api, 'GET', '/repos/acme/models/issues/1/comments', undefined, { 'x-github-api-version': '2021-01-01' });
      expect(r.status).toBe(400);
      expect(api.violations[0]).toContain('X-GitHub-Api-Version');
    });

    test('a request without User-Agent is refused (403) as GitHub does', async () => {
      const status = await new Promise<number>((resolve, reject) => {
        // node:http sends no User-Agent unless told to (fetch always does).
        const req = httpRequest(`${api.url}/repos/acme/models/issues/1/comments`, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(403);
      expect(api.violations[0]).toContain('User-Agent');
    });

    test('the response validator catches a response that breaks the schema', () => {
      const op = api.spec.byId.get('issues/get-comment')!;
      const problems = api.spec.validateResponse(op, 200, { id: 'one', body: 'x' });
      expect(problems).toEqual(
        expect.arrayContaining([expect.stringContaining("must have required property 'user'"), expect.stringContaining('/id: must be integer')]),
      );
      expect(api.spec.validateResponse(op, 201, {})).toEqual(['status 201 is not documented for issues/get-comment']);
    });

    test('OpenAPI nullable is understood: null passes where the spec says nullable, fails where it does not', () => {
      const op = api.spec.byId.get('repos/create-commit-status')!;
      const ok = api.spec.validateRequest(op, { pathParams: { owner: 'o', repo: 'r', sha: SHA }, query: {}, headers: {}, body: { state: 'success', target_url: null }, hasBody: true });
      expect(ok).toEqual([]);
      const bad = api.spec.validateRequest(op, { pathParams: { owner: 'o', repo: 'r', sha: SHA }, query: {}, headers: {}, body: { state: 'success', context: null }, hasBody: true });
      expect(bad.map((p) => p.text)).toEqual(['body /context: must be string']);
      // `nullable: true` beside anyOf and no type (ajv's own nullable support throws on it)
      const account = (value: unknown) => api.spec.validateComponent('installation', { account: value }).filter((p) => p.includes('/account'));
      expect(account(null)).toEqual([]);
      expect(account(5)).not.toEqual([]);
      // a nullable enum whose list leaves null out
      const reason = (value: unknown) => api.spec.validateComponent('issue', { state_reason: value }).filter((p) => p.includes('/state_reason'));
      expect(reason(null)).toEqual([]);
      expect(reason('bogus')).not.toEqual([]);
    });

    test('the server checks its own responses: a record the spec cannot describe becomes a violation', async () => {
      // Bypass the API (which refuses "stale") to plant a conclusion the check-run schema lacks.
      const run = api.state.addCheckRun('acme', 'models', {
        name: 'planted', headSha: SHA, status: 'completed', conclusion: 'stale', startedAt: null, completedAt: null,
        detailsUrl: null, externalId: null, output: { title: null, summary: null, text: null }, annotations: [],
      });
      const r = await call(api, 'GET', `/repos/acme/models/check-runs/${run.id}`);
      expect(r.status).toBe(200);
      expect(api.violations).toEqual([expect.stringMatching(/checks\/get.*invalid response 200: response \/conclusion: must be equal to one of the allowed values/)]);
    });
  });

  test('the spec is loaded once per process', async () => {
    const other = await startGitHubApi();
    try {
      expect(other.spec).toBe(api.spec);
      expect(api.spec.stats.operations).toBeGreaterThan(1000);
    } finally {
      await other.close();
    }
  });
});

describe('authentication', () => {
  test('with a token: none → 401 "Requires authentication", wrong → 401 "Bad credentials"; token and Bearer both work; neither is a violation', async () => {
    const api = await startGitHubApi({ token: 'ghs_secret' });
    try {
      const path = `/repos/acme/models/statuses/${SHA}`;
      const none = await call(api, 'POST', path, { state: 'success' });
      expect(none.status).toBe(401);
      expect(none.json.message).toBe('Requires authentication');
      const wrong = await call(api, 'POST', path, { state: 'success' }, { authorization: 'token nope' });
      expect(wrong.status).toBe(401);
      expect(wrong.json.message).toBe('Bad credentials');
      expect((await call(api, 'POST', path, { state: 'success' }, { authorization: 'token ghs_secret' })).status).toBe(201);
      expect((await call(api, 'POST', path, { state: 'success' }, { authorization: 'Bearer ghs_secret' })).status).toBe(201);
      expect(api.requests.map((r) => r.status)).toEqual([401, 401, 201, 201]);
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });

  test('a personal token can set statuses but not create check runs (403, as GitHub)', async () => {
    const api = await startGitHubApi({ tokenType: 'personal' });
    try {
      const check = await call(api, 'POST', '/repos/acme/models/check-runs', { name: 'gate', head_sha: SHA });
      expect(check.status).toBe(403);
      expect(check.json.message).toBe('You must authenticate via a GitHub App.');
      const status = await call(api, 'POST', `/repos/acme/models/statuses/${SHA}`, { state: 'success' });
      expect(status.status).toBe(201);
      expect(status.json.creator.type).toBe('User');
      expect(api.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
