// A local GitHub REST API for tests. No network reaches GitHub, so the
// product's GitHub calls (commit statuses, PR comments, check runs) and the
// release workflow's (releases) run against this server instead. It is only useful if it is strict:
//  - every request is matched to an operation of GitHub's official OpenAPI
//    description and validated against it (path, query, body); what GitHub
//    would reject is answered as GitHub answers and recorded in `violations`;
//  - limits GitHub enforces beyond the schema (github-limits.ts) likewise;
//  - every response is validated against the operation's response schema
//    before it is sent, and a mismatch is a violation too (a bug in the fake),
//    so the product is never tested against a shape GitHub would not send.
// A test's last assertion is usually `expect(api.violations).toEqual([])`:
//
//   const api = await startGitHubApi({ token: 'ghs_test' });
//   api.state.seedPull('acme', 'models', { number: 7, head: { ref: 'feature', sha } });
//   api.state.seedComments('acme', 'models', 7, 150);
//   await runTheStep({ GITHUB_API_URL: api.url, GITHUB_TOKEN: 'ghs_test', ... });
//   expect(api.state.comments('acme', 'models', 7)).toHaveLength(151);
//   expect(api.violations).toEqual([]);
//   await api.close();
//
// Not modelled: issues exist implicitly (any number has a comment thread),
// repositories are public and created on first use, rate limits never run out.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkRunLimits, commitStatusLimits, issueCommentLimits, LIMITS, type GitHubError } from './github-limits.js';
import { githubSchemaMessage, loadSpec, type OpenApiSpec, type Operation } from './openapi-validator.js';
import * as render from './resources.js';
import { FakeState, timestamp, type AnnotationRecord, type CheckRunRecord, type CheckRunStatus, type RepoRecord, type UserRecord } from './state.js';

export { FakeState } from './state.js';

export interface RecordedRequest {
  method: string;
  /** The path as sent, without the query string and without a /api/v3 prefix. */
  path: string;
  /** Query parameters (the last value when one is repeated). */
  query: Record<string, string>;
  /** Request headers, lower-case names. */
  headers: Record<string, string>;
  /** The parsed JSON body (the raw text when it is not JSON; undefined when empty). */
  body: unknown;
  /** The OpenAPI operation the request matched, e.g. 'repos/create-commit-status'. */
  operationId: string | null;
  /** What the fake answered. */
  status: number;
  response: unknown;
}

export interface GitHubApiOptions {
  /** When set, requests must carry `Authorization: token <it>` or `Bearer <it>` (else 401, as GitHub). */
  token?: string;
  /**
   * The largest page the server returns; GitHub's is 100 (the default). An
   * explicit `per_page` above it is capped, as GitHub silently does, and
   * reported as a violation: a client asking for more would stop paginating early.
   */
  perPageMax?: number;
  /**
   * What kind of token the client holds. 'installation' (a GitHub App or the
   * Actions GITHUB_TOKEN, the default) may do everything; 'personal' cannot
   * create or update check runs (403 "You must authenticate via a GitHub App.").
   */
  tokenType?: 'installation' | 'personal';
  /**
   * The GITHUB_TOKEN of a pull_request run from a fork, which GitHub makes
   * read-only: every write (statuses, check runs, comments) is answered 403
   * "Resource not accessible by integration", as GitHub does; reads work.
   */
  readOnly?: boolean;
  /** The user the token authenticates as; authors comments and statuses. */
  actor?: UserRecord;
}

export interface GitHubApiFake {
  /** Base URL for clients (like GITHUB_API_URL). `${url}/api/v3` works as well (GHES form). */
  url: string;
  requests: RecordedRequest[];
  /** Requests GitHub would reject, and responses that do not match the spec. Empty = faithful run. */
  violations: string[];
  state: FakeState;
  spec: OpenApiSpec;
  /**
   * Answers the next request to `operationId` (whose body passes `when`, if
   * given) with a 502, as GitHub does in an outage, instead of handling it.
   * The request is still validated; the failure is not a violation.
   */
  failNext(operationId: string, when?: (body: unknown) => boolean): void;
  /**
   * Handles the next request to `operationId` (its effect is in `state` at
   * once) but holds the answer until `release()`: a call in flight, for
   * tests of what a client does meanwhile. `reached` resolves when it arrives.
   */
  holdNext(operationId: string): { reached: Promise<void>; release(): void };
  close(): Promise<void>;
}

/** API versions GitHub accepts in X-GitHub-Api-Version. */
const SUPPORTED_API_VERSIONS = ['2022-11-28', '2026-03-10'];
const DEFAULT_PER_PAGE = 30;
const GITHUB_ACTIONS_BOT: UserRecord = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
const PERSONAL_USER: UserRecord = { login: 'mlops-ci-user', id: 7300001, type: 'User' };

// ---------------------------------------------------------------------------
// handlers: one per operationId

interface Context {
  operation: Operation;
  /** Path parameters, typed as the spec declares them (integers are numbers). */
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
  state: FakeState;
  urls: render.Urls;
  /** The repository of /repos/{owner}/{repo}/... operations. */
  repo: RepoRecord;
  owner: string;
  repoName: string;
  options: Required<Omit<GitHubApiOptions, 'token'>>;
  /** The URL as the client sent it (absolute, with any /api/v3 prefix). */
  requestUrl: URL;
  /** '/api/v3' when the client used the GHES form, else ''. */
  prefix: string;
  /** The API path without prefix and with /repositories/{id} mapped to /repos/{owner}/{repo}. */
  apiPath: string;
  violation(message: string): void;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = (ctx: Context) => Reply;

/** An answer other than success. `violation` says whether the client was at fault. */
class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: GitHubError,
    readonly violation: boolean,
  ) {
    super(body.message);
  }
}

const notFound = () => new ApiError(404, { message: 'Not Found' }, false);
const rejected = (e: GitHubError) => new ApiError(422, e, true);

const handlers: Record<string, Handler> = {
  // -- commit statuses ---------------------------------------------------------
  'repos/create-commit-status': (ctx) => {
    const body = ctx.body as { state: 'error' | 'failure' | 'pending' | 'success'; target_url?: string | null; description?: string | null; context?: string };
    const limit = commitStatusLimits(body);
    if (limit) throw rejected(limit);
    const sha = ctx.state.resolveRef(ctx.owner, ctx.repoName, String(ctx.path.sha));
    if (sha === null) throw rejected({ message: `No commit found for SHA: ${String(ctx.path.sha)}` });
    const context = body.context ?? 'default';
    if (ctx.state.statuses(ctx.owner, ctx.repoName, sha).filter((s) => s.context === context).length >= LIMITS.statusesPerShaAndContext) {
      throw rejected({
        message: 'Validation Failed',
        errors: [{ resource: 'Status', field: 'context', code: 'custom', message: 'This SHA and context has reached the maximum number of statuses.' }],
      });
    }
    const record = ctx.state.addStatus(ctx.owner, ctx.repoName, sha, {
      state: body.state,
      description: body.description ?? null,
      targetUrl: body.target_url ?? null,
      context,
    });
    const json = render.commitStatus(ctx.repo, record, ctx.urls);
    return { status: 201, body: json, headers: { location: String(json.url) } };
  },

  'repos/list-commit-statuses-for-ref': (ctx) => {
    const sha = ctx.state.resolveRef(ctx.owner, ctx.repoName, String(ctx.path.ref));
    // Newest first: "The first status in the list will be the latest one."
    const all = sha === null ? [] : ctx.state.statuses(ctx.owner, ctx.repoName, sha).reverse();
    const page = paginate(ctx, all);
    return { status: 200, body: page.items.map((s) => render.commitStatus(ctx.repo, s, ctx.urls)), headers: page.headers };
  },

  'repos/get-combined-status-for-ref': (ctx) => {
    const sha = ctx.state.resolveRef(ctx.owner, ctx.repoName, String(ctx.path.ref));
    if (sha === null) throw notFound();
    const latest = ctx.state.latestStatuses(ctx.owner, ctx.repoName, sha);
    // per_page/page apply to the statuses array; GitHub sends no Link here.
    const page = paginate(ctx, latest, { link: false });
    const api = `${ctx.urls.api}/repos/${ctx.repo.owner.login}/${ctx.repo.name}`;
    return {
      status: 200,
      body: {
        state: render.combinedState(latest),
        statuses: page.items.map((s) => render.simpleCommitStatus(ctx.repo, s, ctx.urls)),
        sha,
        total_count: latest.length,
        repository: render.repository(ctx.repo, ctx.urls),
        commit_url: `${api}/commits/${sha}`,
        url: `${api}/commits/${sha}/status`,
      },
    };
  },

  // -- issue / PR comments ---------------------------------------------------------
  'issues/list-comments': (ctx) => {
    const issue = Number(ctx.path.issue_number);
    const since = typeof ctx.query.since === 'string' ? Date.parse(ctx.query.since) : Number.NaN;
    const all = ctx.state
      .comments(ctx.owner, ctx.repoName, issue)
      .filter((c) => Number.isNaN(since) || Date.parse(c.updatedAt) >= since);
    const page = paginate(ctx, all);
    const isPull = ctx.state.pull(ctx.owner, ctx.repoName, issue) !== undefined;
    return { status: 200, body: page.items.map((c) => render.issueComment(ctx.repo, c, isPull, ctx.urls)), headers: page.headers };
  },

  'issues/create-comment': (ctx) => {
    const body = ctx.body as { body: string };
    const limit = issueCommentLimits(body);
    if (limit) throw rejected(limit);
    const issue = Number(ctx.path.issue_number);
    const record = ctx.state.addComment(ctx.owner, ctx.repoName, issue, body.body);
    const isPull = ctx.state.pull(ctx.owner, ctx.repoName, issue) !== undefined;
    const json = render.issueComment(ctx.repo, record, isPull, ctx.urls);
    return { status: 201, body: json, headers: { location: String(json.url) } };
  },

  'issues/get-comment': (ctx) => {
    const c = ctx.state.comment(ctx.owner, ctx.repoName, Number(ctx.path.comment_id));
    if (!c) throw notFound();
    return { status: 200, body: render.issueComment(ctx.repo, c, ctx.state.pull(ctx.owner, ctx.repoName, c.issueNumber) !== undefined, ctx.urls) };
  },

  'issues/update-comment': (ctx) => {
    const body = ctx.body as { body: string };
    const id = Number(ctx.path.comment_id);
    if (!ctx.state.comment(ctx.owner, ctx.repoName, id)) throw notFound();
    const limit = issueCommentLimits(body);
    if (limit) throw rejected(limit);
    const c = ctx.state.updateComment(ctx.owner, ctx.repoName, id, body.body)!;
    return { status: 200, body: render.issueComment(ctx.repo, c, ctx.state.pull(ctx.owner, ctx.repoName, c.issueNumber) !== undefined, ctx.urls) };
  },

  'issues/delete-comment': (ctx) => {
    if (!ctx.state.deleteComment(ctx.owner, ctx.repoName, Number(ctx.path.comment_id))) throw notFound();
    return { status: 204 };
  },

  // -- check runs ---------------------------------------------------------------
  'checks/create': (ctx) => {
    requireAppToken(ctx);
    const body = ctx.body as unknown as CheckRunBody & { name: string; head_sha: string };
    const limit = checkRunLimits(body, true);
    if (limit) throw rejected(limit);
    const now = timestamp();
    const completed = body.conclusion !== undefined || body.status === 'completed';
    const record = ctx.state.addCheckRun(ctx.owner, ctx.repoName, {
      name: body.name,
      headSha: body.head_sha,
      status: completed ? 'completed' : (body.status ?? 'queued'),
      conclusion: body.conclusion ?? null,
      startedAt: body.started_at ?? now,
      completedAt: completed ? (body.completed_at ?? now) : null,
      detailsUrl: body.details_url ?? null,
      externalId: body.external_id ?? null,
      output: { title: body.output?.title ?? null, summary: body.output?.summary ?? null, text: body.output?.text ?? null },
      annotations: [...(body.output?.annotations ?? [])],
    });
    return { status: 201, body: renderCheckRun(ctx, record) };
  },

  'checks/update': (ctx) => {
    requireAppToken(ctx);
    const run = ctx.state.checkRun(ctx.owner, ctx.repoName, Number(ctx.path.check_run_id));
    if (!run) throw notFound();
    const body = ctx.body as unknown as CheckRunBody;
    const limit = checkRunLimits(body, false);
    if (limit) throw rejected(limit);
    if (body.name !== undefined) run.name = body.name;
    if (body.details_url !== undefined) run.detailsUrl = body.details_url;
    if (body.external_id !== undefined) run.externalId = body.external_id;
    if (body.started_at !== undefined) run.startedAt = body.started_at;
    if (body.status !== undefined) run.status = body.status;
    if (body.completed_at !== undefined) run.completedAt = body.completed_at;
    // "Providing conclusion will automatically set the status parameter to completed."
    if (body.conclusion !== undefined) {
      run.conclusion = body.conclusion;
      run.status = 'completed';
    }
    if (run.status === 'completed') run.completedAt ??= timestamp();
    if (body.output) {
      if (body.output.title !== undefined) run.output.title = body.output.title;
      if (body.output.summary !== undefined) run.output.summary = body.output.summary;
      if (body.output.text !== undefined) run.output.text = body.output.text;
      // Annotations are appended, never replaced: that is how more than 50 get in.
      run.annotations.push(...(body.output.annotations ?? []));
    }
    return { status: 200, body: renderCheckRun(ctx, run) };
  },

  'checks/get': (ctx) => {
    const run = ctx.state.checkRun(ctx.owner, ctx.repoName, Number(ctx.path.check_run_id));
    if (!run) throw notFound();
    return { status: 200, body: renderCheckRun(ctx, run) };
  },

  'checks/list-for-ref': (ctx) => {
    const sha = ctx.state.resolveRef(ctx.owner, ctx.repoName, String(ctx.path.ref));
    let runs = sha === null ? [] : ctx.state.checkRuns(ctx.owner, ctx.repoName, sha);
    if (typeof ctx.query.check_name === 'string') runs = runs.filter((r) => r.name === ctx.query.check_name);
    if (typeof ctx.query.status === 'string') runs = runs.filter((r) => r.status === ctx.query.status);
    // filter=latest (the default): only the most recent run of each name.
    if (ctx.query.filter !== 'all') {
      const latest = new Map<string, CheckRunRecord>();
      for (const r of runs) latest.set(r.name, r);
      runs = [...latest.values()];
    }
    runs = [...runs].sort((a, b) => b.id - a.id);
    const page = paginate(ctx, runs);
    return { status: 200, body: { total_count: runs.length, check_runs: page.items.map((r) => renderCheckRun(ctx, r)) }, headers: page.headers };
  },

  'checks/list-annotations': (ctx) => {
    const run = ctx.state.checkRun(ctx.owner, ctx.repoName, Number(ctx.path.check_run_id));
    if (!run) throw notFound();
    const page = paginate(ctx, run.annotations.map((_, i) => i));
    return { status: 200, body: page.items.map((i) => render.checkAnnotation(ctx.repo, run, i, ctx.urls)), headers: page.headers };
  },

  // -- releases -------------------------------------------------------------------
  'repos/create-release': (ctx) => {
    const body = ctx.body as { tag_name: string; target_commitish?: string; name?: string; body?: string; draft?: boolean; prerelease?: boolean };
    // One release per tag; GitHub's answer names the field and nothing else.
    if (ctx.state.releaseByTag(ctx.owner, ctx.repoName, body.tag_name)) {
      throw rejected({ message: 'Validation Failed', errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }] });
    }
    const record = ctx.state.addRelease(ctx.owner, ctx.repoName, {
      tagName: body.tag_name,
      targetCommitish: body.target_commitish ?? ctx.repo.defaultBranch,
      name: body.name ?? null,
      body: body.body ?? null,
      draft: body.draft ?? false,
      prerelease: body.prerelease ?? false,
    });
    const json = render.release(ctx.repo, record, ctx.urls);
    return { status: 201, body: json, headers: { location: String(json.url) } };
  },

  'repos/get-release-by-tag': (ctx) => {
    const record = ctx.state.releaseByTag(ctx.owner, ctx.repoName, String(ctx.path.tag));
    if (!record) throw notFound();
    return { status: 200, body: render.release(ctx.repo, record, ctx.urls) };
  },

  // -- pull requests ----------------------------------------------------------------
  'pulls/get': (ctx) => {
    const pull = ctx.state.pull(ctx.owner, ctx.repoName, Number(ctx.path.pull_number));
    if (!pull) throw notFound();
    return { status: 200, body: render.pullRequest(ctx.repo, pull, ctx.state.comments(ctx.owner, ctx.repoName, pull.number).length, ctx.urls) };
  },

  'pulls/list': (ctx) => {
    const state = (ctx.query.state as string | undefined) ?? 'open';
    const head = ctx.query.head as string | undefined; // "user:ref-name"
    const base = ctx.query.base as string | undefined;
    const pulls = ctx.state
      .pulls(ctx.owner, ctx.repoName)
      .filter((p) => state === 'all' || p.state === state)
      .filter((p) => head === undefined || head === `${ctx.repo.owner.login}:${p.head.ref}` || head.toLowerCase() === `${ctx.repo.owner.login}:${p.head.ref}`.toLowerCase())
      .filter((p) => base === undefined || p.base.ref === base)
      .sort((a, b) => (ctx.query.direction === 'asc' ? a.number - b.number : b.number - a.number));
    const page = paginate(ctx, pulls);
    return {
      status: 200,
      body: page.items.map((p) => render.pullRequest(ctx.repo, p, ctx.state.comments(ctx.owner, ctx.repoName, p.number).length, ctx.urls)),
      headers: page.headers,
    };
  },
};

interface CheckRunBody {
  name?: string;
  details_url?: string;
  external_id?: string;
  status?: CheckRunStatus;
  conclusion?: string;
  started_at?: string;
  completed_at?: string;
  output?: { title?: string; summary?: string; text?: string; annotations?: AnnotationRecord[] };
}

function renderCheckRun(ctx: Context, run: CheckRunRecord): Record<string, unknown> {
  return render.checkRun(ctx.repo, run, ctx.state.pulls(ctx.owner, ctx.repoName), ctx.urls);
}

function requireAppToken(ctx: Context): void {
  // Only GitHub Apps (GITHUB_TOKEN included) may write check runs. Not a
  // violation: it is the answer a product with a personal token must handle.
  if (ctx.options.tokenType === 'personal') throw new ApiError(403, { message: 'You must authenticate via a GitHub App.' }, false);
}

// ---------------------------------------------------------------------------
// pagination

/**
 * Slice a list as GitHub does (per_page default 30, max 100; page from 1) and
 * build its Link header: absolute URLs on the base the client used, the
 * client's own query with `page` replaced, and rels in GitHub's order
 * prev, next, last, first. Like GitHub, repository-scoped links use the
 * stable `/repositories/{id}/...` form, which this server also accepts.
 */
function paginate<T>(ctx: Context, all: T[], opts: { link?: boolean } = {}): { items: T[]; headers: Record<string, string> } {
  const asked = ctx.query.per_page as number | undefined;
  let perPage = asked === undefined || asked < 1 ? Math.min(DEFAULT_PER_PAGE, ctx.options.perPageMax) : asked;
  if (perPage > ctx.options.perPageMax) {
    ctx.violation(
      `per_page=${perPage} is above the maximum of ${ctx.options.perPageMax}: GitHub silently returns ${ctx.options.perPageMax}, so a client that expects a full page of ${perPage} stops paginating early`,
    );
    perPage = ctx.options.perPageMax;
  }
  const page = Math.max(1, (ctx.query.page as number | undefined) ?? 1);
  const items = all.slice((page - 1) * perPage, page * perPage);
  const last = Math.max(1, Math.ceil(all.length / perPage));
  if (opts.link === false || last === 1) return { items, headers: {} };

  const linkUrl = new URL(ctx.requestUrl.href);
  const repoPath = /^\/repos\/[^/]+\/[^/]+(\/.*)?$/.exec(ctx.apiPath);
  linkUrl.pathname = repoPath ? `${ctx.prefix}/repositories/${ctx.repo.id}${repoPath[1] ?? ''}` : ctx.requestUrl.pathname;
  const at = (n: number) => {
    linkUrl.searchParams.set('page', String(n));
    return linkUrl.href;
  };
  const links: string[] = [];
  if (page > 1) links.push(`<${at(Math.min(page - 1, last))}>; rel="prev"`);
  if (page < last) links.push(`<${at(page + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`);
  if (page > 1) links.push(`<${at(1)}>; rel="first"`);
  return { items, headers: links.length ? { link: links.join(', ') } : {} };
}

// ---------------------------------------------------------------------------
// the server

export async function startGitHubApi(options: GitHubApiOptions = {}): Promise<GitHubApiFake> {
  const spec = loadSpec();
  const tokenType = options.tokenType ?? 'installation';
  const settings: Context['options'] = {
    perPageMax: options.perPageMax ?? 100,
    tokenType,
    readOnly: options.readOnly ?? false,
    actor: options.actor ?? (tokenType === 'personal' ? PERSONAL_USER : GITHUB_ACTIONS_BOT),
  };
  const state = new FakeState(settings.actor);
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  let rateRemaining = 5000;
  let baseUrl = '';
  const faults: { operationId: string; when: (body: unknown) => boolean }[] = [];
  const holds: { operationId: string; arrived: () => void; released: Promise<void> }[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    const method = (req.method ?? 'GET').toUpperCase();
    const requestUrl = new URL(req.url ?? '/', baseUrl);
    // GHES serves the API under /api/v3; api.github.com at the root. Accept both.
    const prefix = /^\/api\/v3(?=\/|$)/.test(requestUrl.pathname) ? '/api/v3' : '';
    const sentPath = requestUrl.pathname.slice(prefix.length) || '/';
    const urls: render.Urls = { api: `${baseUrl}${prefix}`, web: baseUrl };
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    const query: Record<string, string> = {};
    const queryAll: Record<string, string | string[]> = {};
    for (const key of new Set(requestUrl.searchParams.keys())) {
      const values = requestUrl.searchParams.getAll(key);
      query[key] = values[values.length - 1] ?? '';
      queryAll[key] = values.length > 1 ? values : (values[0] ?? '');
    }
    let body: unknown = undefined;
    let bodyIsJson = true;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        body = raw.toString('utf8');
        bodyIsJson = false;
      }
    }
    const record: RecordedRequest = { method, path: sentPath, query, headers, body, operationId: null, status: 0, response: undefined };
    requests.push(record);
    const label = () => `${method} ${sentPath}${record.operationId ? ` (${record.operationId})` : ''}`;
    const violation = (message: string) => violations.push(`${label()}: ${message}`);

    const send = (status: number, payload: unknown, extra: Record<string, string> = {}, operation: Operation | null = null) => {
      if (operation) {
        // Check what we are about to send against the spec: a failure here is a bug in the fake.
        for (const problem of responseProblems(spec, operation, status, payload)) violation(`invalid response ${status}: ${problem}`);
      }
      record.status = status;
      record.response = payload;
      rateRemaining = Math.max(0, rateRemaining - 1);
      const common: Record<string, string> = {
        'x-github-request-id': randomUUID().toUpperCase(),
        'x-github-media-type': 'github.v3; format=json',
        'x-github-api-version-selected': headers['x-github-api-version'] ?? SUPPORTED_API_VERSIONS[0]!,
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': String(rateRemaining),
        'x-ratelimit-used': String(5000 - rateRemaining),
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-ratelimit-resource': 'core',
        ...extra,
      };
      if (payload === undefined) {
        res.writeHead(status, common).end();
        return;
      }
      const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
      res
        .writeHead(status, {
          'content-type': typeof payload === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
          'content-length': String(Buffer.byteLength(text)),
          ...common,
        })
        .end(text);
    };
    const sendError = (status: number, error: GitHubError, documentationUrl: string, operation: Operation | null = null) =>
      send(status, { ...error, documentation_url: documentationUrl, status: String(status) }, {}, operation);

    // A wrong token is refused before anything else, whatever the path.
    if (options.token !== undefined && headers.authorization !== undefined) {
      const m = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(headers.authorization);
      if (!m || m[1] !== options.token) return sendError(401, { message: 'Bad credentials' }, 'https://docs.github.com/rest');
    }
    if (!headers['user-agent']) {
      violation('no User-Agent header: GitHub refuses such requests with 403');
      return send(
        403,
        'Request forbidden by administrative rules. Please make sure your request has a User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required). Check https://developer.github.com for other possible causes.\n',
      );
    }
    const version = headers['x-github-api-version'];
    if (version !== undefined && !SUPPORTED_API_VERSIONS.includes(version)) {
      violation(`X-GitHub-Api-Version ${version} is not one GitHub supports (${SUPPORTED_API_VERSIONS.join(', ')})`);
      return sendError(400, { message: `API version ${version} is not supported.` }, 'https://docs.github.com/rest/overview/api-versions');
    }

    // GitHub's Link headers point at /repositories/{id}/...; map them back.
    let apiPath = sentPath;
    const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(sentPath);
    const aliased = byId ? state.repoById(Number(byId[1])) : undefined;
    if (byId && aliased) apiPath = `/repos/${aliased.owner.login}/${aliased.name}${byId[2] ?? ''}`;

    const match = spec.match(method, apiPath);
    if (!match) {
      const other = spec.pathExists(apiPath) ? ' (the path exists, but not for this method)' : '';
      violation(`no operation in GitHub's OpenAPI description matches ${method} ${apiPath}${other}`);
      return sendError(404, { message: 'Not Found' }, 'https://docs.github.com/rest');
    }
    const { operation } = match;
    record.operationId = operation.operationId;

    if (options.token !== undefined && headers.authorization === undefined) {
      return sendError(401, { message: 'Requires authentication' }, operation.documentationUrl, operation);
    }
    if (!bodyIsJson && operation.bodyPointer) {
      violation('body is not valid JSON');
      return sendError(400, { message: 'Problems parsing JSON' }, operation.documentationUrl, operation);
    }

    const coerced = { path: {} as Record<string, unknown>, query: {} as Record<string, unknown> };
    const problems = spec.validateRequest(
      operation,
      { pathParams: match.pathParams, query: queryAll, headers, body, hasBody: raw.length > 0 },
      coerced,
    );
    if (problems.length > 0) {
      violation(`invalid request: ${problems.map((p) => p.text).join('; ')}`);
      // GitHub's schema failures carry only a message ("Invalid request.\n\n...").
      const error: GitHubError = { message: `Invalid request.\n\n${problems.map(githubSchemaMessage).join('\n')}` };
      return sendError(422, error, operation.documentationUrl, operation);
    }

    if (settings.readOnly && method !== 'GET' && method !== 'HEAD') {
      // Not a violation: the answer a product run from a fork must handle.
      return sendError(403, { message: 'Resource not accessible by integration' }, operation.documentationUrl);
    }
    const fault = faults.findIndex((f) => f.operationId === operation.operationId && f.when(body));
    if (fault >= 0) {
      faults.splice(fault, 1);
      return send(502, { message: 'Server Error' });
    }
    const handler = handlers[operation.operationId];
    if (!handler) {
      violation(`${operation.operationId} is valid GitHub API but this fake does not implement it`);
      return sendError(501, { message: `Not implemented by the fake: ${operation.operationId}` }, operation.documentationUrl);
    }
    const owner = typeof coerced.path.owner === 'string' ? coerced.path.owner : '';
    const repoName = typeof coerced.path.repo === 'string' ? coerced.path.repo : '';
    const repo = state.repo(owner, repoName).repo;
    const ctx: Context = {
      operation,
      path: coerced.path,
      query: coerced.query,
      body: (body ?? {}) as Record<string, unknown>,
      state,
      urls,
      repo,
      owner,
      repoName,
      options: settings,
      requestUrl,
      prefix,
      apiPath,
      violation,
    };
    try {
      const reply = handler(ctx);
      const hold = holds.findIndex((h) => h.operationId === operation.operationId);
      if (hold >= 0) {
        const [{ arrived, released }] = holds.splice(hold, 1) as [(typeof holds)[number]];
        arrived();
        await released;
      }
      return send(reply.status, reply.body, reply.headers, operation);
    } catch (e) {
      if (e instanceof ApiError) {
        if (e.violation) violation(`GitHub would answer ${e.status}: ${JSON.stringify(e.body)}`);
        return sendError(e.status, e.body, operation.documentationUrl, operation);
      }
      violation(`the fake crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return sendError(500, { message: 'Server Error' }, operation.documentationUrl);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      violations.push(`${req.method} ${req.url}: the fake crashed: ${String(e)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    requests,
    violations,
    state,
    spec,
    failNext: (operationId, when = () => true) => {
      faults.push({ operationId, when });
    },
    holdNext: (operationId) => {
      let arrived = (): void => undefined;
      let release = (): void => undefined;
      const reached = new Promise<void>((resolve) => (arrived = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      holds.push({ operationId, arrived, released });
      return { reached, release };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        // fetch keeps connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

/**
 * Problems with a response the fake is about to send. Error statuses the
 * operation does not document (GitHub sends 401/404/422 on any endpoint) are
 * checked against GitHub's generic error shapes instead of being refused.
 */
function responseProblems(spec: OpenApiSpec, operation: Operation, status: number, payload: unknown): string[] {
  if (status >= 400 && !operation.responses.has(String(status))) {
    return spec.validateComponent(status === 422 ? 'validation-error' : 'basic-error', payload);
  }
  return spec.validateResponse(operation, status, payload);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
