// A local GitLab REST API (v4) for tests: the endpoints the gate reports
// through — commit statuses, merge request notes (paginated), the merge
// request and the token's own user — held to GitLab's documented shapes (shapes.ts says which page
// each comes from). Like test/support/github-api/, it is only useful if it is
// strict:
//  - every request must carry a known token in PRIVATE-TOKEN or JOB-TOKEN
//    (else 401, as GitLab); a job token only on the endpoints GitLab's
//    "Job token access" table lists (doc/ci/jobs/ci_job_token.md): of these,
//    listing and reading MR notes and reading the MR. Anywhere else GitLab does
//    not take JOB-TOKEN as a credential at all, so the request is
//    unauthenticated: 401 (lib/api/helpers.rb `authenticate!`), and a violation;
//  - every request is matched to a documented operation and its parameters
//    (query and JSON body, merged as GitLab's Grape does) are checked against
//    the documentation's table: what GitLab would refuse is answered 400 with
//    the reason, and recorded in `violations`;
//  - every answer is checked against the documented response fields before it
//    is sent; a mismatch is a violation too (a bug in the fake).
// A test ends with `expect(api.violations).toEqual([])`:
//
//   const api = await startGitLabApi({ privateToken: 'glpat-test' });
//   api.state.addMergeRequest(7, { sha });
//   api.state.seedNotes(7, 25);                      // one page and a bit
//   await runTheStep({ CI_API_V4_URL: api.url, CI_PROJECT_ID: String(api.project.id), GITLAB_TOKEN: 'glpat-test', ... });
//   expect(api.state.statuses(sha).map((s) => s.status)).toEqual(['success']);
//   expect(api.violations).toEqual([]);
//   await api.close();
//
// Pipelines: a status with `pipeline_id` must name a pipeline of that sha
// (and of that `ref`, when one is sent), else 404 as GitLab answers
// (app/services/ci/create_commit_status_service.rb). A pipeline the test did
// not add is taken as this job's own, first seen with that sha and ref, so a
// test that does not care about pipelines need not add one.
//
// Not modelled: other projects than the one configured, the job token's
// allowlist of other projects, rate limits.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MERGE_REQUEST_SHAPE, NOTE_SHAPE, PARAMS, STATUS_SHAPE, USER_SHAPE, paramProblem, shapeProblem, type Operation, type Shape, type StatusState } from './shapes.js';

export interface GitLabApiOptions {
  /** Accepted in PRIVATE-TOKEN (a personal, project or group access token). */
  readonly privateToken?: string;
  /** Accepted in JOB-TOKEN (CI_JOB_TOKEN). */
  readonly jobToken?: string;
  /** The one project: its id and path (`CI_PROJECT_ID`, `CI_PROJECT_PATH`). Default 42, acme/models. */
  readonly project?: { readonly id: number; readonly path: string };
}

export interface RecordedRequest {
  readonly method: string;
  /** The path as sent, without the query string and the /api/v4 prefix. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body; undefined when empty. */
  readonly body: unknown;
  readonly operation: Operation | null;
  readonly status: number;
  readonly response: unknown;
}

export interface User {
  readonly id: number;
  readonly username: string;
  readonly name: string;
}

export interface StatusRecord {
  readonly id: number;
  readonly sha: string;
  readonly name: string;
  status: StatusState;
  description: string | null;
  targetUrl: string | null;
  readonly ref: string | null;
  /** The pipeline it is attached to, when the request named one (`pipeline_id`). */
  readonly pipelineId: number | null;
  readonly createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  readonly author: User;
}

export interface NoteRecord {
  readonly id: number;
  readonly mergeRequestIid: number;
  body: string;
  readonly author: User;
  readonly system: boolean;
  readonly createdAt: string;
  updatedAt: string;
}

export interface PipelineRecord {
  readonly id: number;
  readonly sha: string;
  /** A branch or tag name, or refs/merge-requests/<iid>/head for a merge request pipeline; null when first seen without one. */
  readonly ref: string | null;
}

export interface MergeRequestRecord {
  readonly id: number;
  readonly iid: number;
  readonly sha: string;
  readonly sourceBranch: string;
  readonly targetBranch: string;
  readonly title: string;
}

/** The user the private token acts as (a project access token's bot user). */
export const TOKEN_USER: User = { id: 9001, username: 'project_42_bot', name: 'mlops-ci reporter' };
/** The user a job token acts as: whoever started the pipeline. */
export const JOB_USER: User = { id: 31, username: 'pipeline_starter', name: 'Pipeline Starter' };
/** Someone else: authors seeded notes, whose notes the token may not edit. */
export const OTHER_USER: User = { id: 17, username: 'janedoe', name: 'Jane Doe' };

/** What the server holds, for a test to seed and to assert on. */
export class GitLabState {
  private nextId = 1000;
  private readonly statusList: StatusRecord[] = [];
  private readonly noteList: NoteRecord[] = [];
  private readonly mergeRequestList: MergeRequestRecord[] = [];
  private readonly pipelineList: PipelineRecord[] = [];
  private readonly commits = new Set<string>();
  private clock = Date.parse('2026-01-05T10:00:00.000Z');

  /** A commit the project has: statuses can only be set on one. */
  addCommit(sha: string): void {
    this.commits.add(sha);
  }

  hasCommit(sha: string): boolean {
    return this.commits.has(sha);
  }

  /** An open merge request whose source branch head is `sha` (also added as a commit). */
  addMergeRequest(iid: number, { sha, sourceBranch = 'feature', targetBranch = 'main', title = 'Tune the model' }: { sha: string; sourceBranch?: string; targetBranch?: string; title?: string }): MergeRequestRecord {
    this.addCommit(sha);
    const record = { id: this.id(), iid, sha, sourceBranch, targetBranch, title };
    this.mergeRequestList.push(record);
    return record;
  }

  /** A pipeline of the project, for `pipeline_id` to name (the commit is added too). */
  addPipeline(id: number, { sha, ref }: { sha: string; ref: string | null }): PipelineRecord {
    this.addCommit(sha);
    const record = { id, sha, ref };
    this.pipelineList.push(record);
    return record;
  }

  pipeline(id: number): PipelineRecord | undefined {
    return this.pipelineList.find((pipeline) => pipeline.id === id);
  }

  mergeRequest(iid: number): MergeRequestRecord | undefined {
    return this.mergeRequestList.find((mr) => mr.iid === iid);
  }

  /** `count` notes by someone else on the MR, every fifth a system note, oldest first. */
  seedNotes(iid: number, count: number, body: (index: number) => string = (index) => `Looks good to me (${index})`): NoteRecord[] {
    return Array.from({ length: count }, (_, index) => this.addNote(iid, body(index), OTHER_USER, index % 5 === 4));
  }

  addNote(iid: number, body: string, author: User = TOKEN_USER, system = false): NoteRecord {
    const at = this.tick();
    const record = { id: this.id(), mergeRequestIid: iid, body, author, system, createdAt: at, updatedAt: at };
    this.noteList.push(record);
    return record;
  }

  /** The MR's notes, oldest first. */
  notes(iid: number): NoteRecord[] {
    return this.noteList.filter((note) => note.mergeRequestIid === iid);
  }

  /** The commit's statuses, oldest first (a status moved on from pending is one record). */
  statuses(sha: string): StatusRecord[] {
    return this.statusList.filter((status) => status.sha === sha);
  }

  /** @internal the server's writes */
  setStatus(sha: string, fields: { name: string; state: StatusState; description: string | null; targetUrl: string | null; ref: string | null; pipelineId?: number | null }, author: User): StatusRecord | { transitionError: string } {
    const now = this.tick();
    const latest = this.statuses(sha).filter((status) => status.name === fields.name && status.ref === fields.ref).at(-1);
    const finished = (state: StatusState) => !['pending', 'running'].includes(state);
    if (latest && !finished(latest.status)) {
      // GitLab moves the open status through its state machine; the same state again is no transition.
      if (latest.status === fields.state) return { transitionError: `Cannot transition status via :${EVENT_OF[fields.state]} from :${latest.status}` };
      latest.status = fields.state;
      latest.description = fields.description;
      latest.targetUrl = fields.targetUrl;
      if (fields.state === 'running') latest.startedAt = now;
      if (finished(fields.state)) latest.finishedAt = now;
      return latest;
    }
    // No open status of that name: a new one (a finished one is kept, as a retried job).
    const record: StatusRecord = {
      id: this.id(),
      sha,
      name: fields.name,
      status: fields.state,
      description: fields.description,
      targetUrl: fields.targetUrl,
      ref: fields.ref,
      pipelineId: fields.pipelineId ?? null,
      createdAt: now,
      startedAt: fields.state === 'running' ? now : null,
      finishedAt: finished(fields.state) ? now : null,
      author,
    };
    this.statusList.push(record);
    return record;
  }

  /** @internal */
  note(id: number): NoteRecord | undefined {
    return this.noteList.find((note) => note.id === id);
  }

  /** @internal */
  touch(note: NoteRecord, body: string): void {
    note.body = body;
    note.updatedAt = this.tick();
  }

  private id(): number {
    return ++this.nextId;
  }

  /** Time moves on by a second per write, so created_at orders notes as GitLab's would. */
  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }
}

/** The state-machine event GitLab names in a refused transition (Ci::HasStatus events). */
const EVENT_OF: Record<StatusState, string> = { pending: 'enqueue', running: 'run', success: 'succeed', failed: 'drop', canceled: 'cancel', skipped: 'skip' };

export interface GitLabApiFake {
  /** The API root, as GitLab gives it in CI_API_V4_URL (`http://127.0.0.1:<port>/api/v4`). */
  readonly url: string;
  readonly project: { readonly id: number; readonly path: string };
  readonly requests: RecordedRequest[];
  /** Requests GitLab would refuse, and answers that differ from the documented shapes. Empty = faithful run. */
  readonly violations: string[];
  readonly state: GitLabState;
  /**
   * Answers the next request to `operation` (whose parameters pass `when`, if
   * given) with `status` (default 500, an outage) instead of handling it.
   */
  failNext(operation: Operation, status?: number, when?: (params: Readonly<Record<string, unknown>>) => boolean): void;
  /**
   * Handles the next request to `operation` (its effect is in `state` at
   * once) but holds the answer until `release()`: a call in flight, for tests
   * of what a client does meanwhile. `reached` resolves when it arrives.
   */
  holdNext(operation: Operation): { reached: Promise<void>; release(): void };
  close(): Promise<void>;
}

const PER_PAGE_DEFAULT = 20;
const PER_PAGE_MAX = 100;

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly operation: Operation;
}

/** `:id` is the numeric id or the URL-encoded path (`acme%2Fmodels`), as GitLab accepts both; a route without it is not a project's. */
const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: /^\/user$/, operation: 'getUser' },
  { method: 'POST', pattern: /^\/projects\/([^/]+)\/statuses\/([^/]+)$/, operation: 'createStatus' },
  { method: 'GET', pattern: /^\/projects\/([^/]+)\/merge_requests\/(\d+)\/notes$/, operation: 'listNotes' },
  { method: 'POST', pattern: /^\/projects\/([^/]+)\/merge_requests\/(\d+)\/notes$/, operation: 'createNote' },
  { method: 'GET', pattern: /^\/projects\/([^/]+)\/merge_requests\/(\d+)\/notes\/(\d+)$/, operation: 'getNote' },
  { method: 'PUT', pattern: /^\/projects\/([^/]+)\/merge_requests\/(\d+)\/notes\/(\d+)$/, operation: 'updateNote' },
  { method: 'GET', pattern: /^\/projects\/([^/]+)\/merge_requests\/(\d+)$/, operation: 'getMergeRequest' },
];

interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** The documented shape of the body (each element's, for an array). */
  readonly shape?: Shape;
}

/** An answer other than success; `violation` says the client was at fault (GitLab would refuse it too). */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly violation: boolean,
  ) {
    super(JSON.stringify(body));
  }
}

const badRequest = (error: string) => new Refusal(400, { error }, true);
const notFound = (what: string) => new Refusal(404, { message: `404 ${what} Not Found` }, true);

/**
 * What a CI/CD job token may call here, from the "Job token access" table of
 * doc/ci/jobs/ci_job_token.md: `GET …/merge_requests/:iid`, `GET …/notes` and
 * `GET …/notes/:note_id`. Not POST …/statuses/:sha, not POST or PUT …/notes,
 * not GET /user.
 */
const JOB_TOKEN_OPERATIONS: ReadonlySet<Operation> = new Set(['getMergeRequest', 'listNotes', 'getNote']);

interface Call {
  readonly operation: Operation;
  readonly ids: readonly string[];
  readonly params: Readonly<Record<string, unknown>>;
  readonly user: User;
  readonly requestUrl: URL;
}

export async function startGitLabApi(options: GitLabApiOptions = {}): Promise<GitLabApiFake> {
  const project = options.project ?? { id: 42, path: 'acme/models' };
  const state = new GitLabState();
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const failures = new Map<Operation, { status: number; when: (params: Readonly<Record<string, unknown>>) => boolean }>();
  const holds = new Map<Operation, { arrived(): void; released: Promise<void> }>();

  const handlers: Record<Operation, (call: Call) => Reply> = {
    createStatus: (call) => {
      const sha = call.ids[1] as string;
      if (!state.hasCommit(sha)) throw notFound('References for commit');
      const params = call.params as { state: StatusState; name?: string; context?: string; target_url?: string; description?: string; ref?: string; pipeline_id?: number | string };
      const pipeline = params.pipeline_id === undefined ? undefined : pipelineFor(Number(params.pipeline_id), sha, params.ref ?? null);
      const outcome = state.setStatus(
        sha,
        {
          name: params.name ?? params.context ?? 'default',
          state: params.state,
          description: params.description ?? null,
          targetUrl: params.target_url ?? null,
          // GitLab takes the pipeline's ref when none is sent.
          ref: params.ref ?? pipeline?.ref ?? null,
          pipelineId: pipeline?.id ?? null,
        },
        call.user,
      );
      if ('transitionError' in outcome) throw new Refusal(400, { message: outcome.transitionError }, true);
      return { status: 201, body: renderStatus(outcome), shape: STATUS_SHAPE };
    },
    listNotes: (call) => {
      const iid = mergeRequestOf(call).iid;
      const descending = (call.params.sort ?? 'desc') === 'desc';
      const key = call.params.order_by === 'updated_at' ? 'updatedAt' : 'createdAt';
      const notes = [...state.notes(iid)].sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.id - b.id) * (descending ? -1 : 1));
      const page = paginate(call, notes);
      return { status: 200, body: page.items.map((note) => renderNote(note, project.id)), headers: page.headers, shape: NOTE_SHAPE };
    },
    createNote: (call) => {
      const iid = mergeRequestOf(call).iid;
      const note = state.addNote(iid, String(call.params.body), call.user);
      return { status: 201, body: renderNote(note, project.id), shape: NOTE_SHAPE };
    },
    getNote: (call) => ({ status: 200, body: renderNote(noteOf(call), project.id), shape: NOTE_SHAPE }),
    updateNote: (call) => {
      const note = noteOf(call);
      if (note.author.id !== call.user.id) throw new Refusal(403, { message: '403 Forbidden' }, true);
      state.touch(note, String(call.params.body));
      return { status: 200, body: renderNote(note, project.id), shape: NOTE_SHAPE };
    },
    getMergeRequest: (call) => ({ status: 200, body: renderMergeRequest(mergeRequestOf(call), project), shape: MERGE_REQUEST_SHAPE }),
    getUser: (call) => ({ status: 200, body: renderUser(call.user), shape: USER_SHAPE }),
  };

  /** The pipeline `pipeline_id` names, matched on sha and ref as GitLab matches it; one the test did not add is this job's own. */
  function pipelineFor(id: number, sha: string, ref: string | null): PipelineRecord {
    const known = state.pipeline(id);
    if (!known) return state.addPipeline(id, { sha, ref });
    if (known.sha !== sha || (ref !== null && known.ref !== ref)) throw notFound('Pipeline for pipeline_id, sha and ref');
    return known;
  }

  function mergeRequestOf(call: Call): MergeRequestRecord {
    const found = state.mergeRequest(Number(call.ids[1]));
    if (!found) throw notFound('Merge Request');
    return found;
  }

  function noteOf(call: Call): NoteRecord {
    const iid = mergeRequestOf(call).iid;
    const note = state.note(Number(call.ids[2]));
    if (!note || note.mergeRequestIid !== iid) throw notFound('Note');
    return note;
  }

  /** Offset pagination as doc/api/rest/_index.md describes it. */
  function paginate<T>(call: Call, items: readonly T[]): { items: T[]; headers: Record<string, string> } {
    let perPage = call.params.per_page === undefined ? PER_PAGE_DEFAULT : Number(call.params.per_page);
    if (perPage > PER_PAGE_MAX) {
      violations.push(`GET ${call.requestUrl.pathname}: per_page=${perPage} is above GitLab's maximum of ${PER_PAGE_MAX}; GitLab answers ${PER_PAGE_MAX} a page`);
      perPage = PER_PAGE_MAX;
    }
    if (perPage < 1) perPage = PER_PAGE_DEFAULT;
    const page = Math.max(1, call.params.page === undefined ? 1 : Number(call.params.page));
    const totalPages = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number) => {
      const url = new URL(call.requestUrl);
      url.searchParams.set('page', String(n));
      url.searchParams.set('per_page', String(perPage));
      return url.toString();
    };
    const rels = [
      ...(page > 1 ? [`<${link(page - 1)}>; rel="prev"`] : []),
      ...(page < totalPages ? [`<${link(page + 1)}>; rel="next"`] : []),
      `<${link(1)}>; rel="first"`,
      `<${link(totalPages)}>; rel="last"`,
    ];
    return {
      items: items.slice((page - 1) * perPage, page * perPage),
      headers: {
        'x-page': String(page),
        'x-per-page': String(perPage),
        'x-next-page': page < totalPages ? String(page + 1) : '',
        'x-prev-page': page > 1 ? String(page - 1) : '',
        'x-total': String(items.length),
        'x-total-pages': String(totalPages),
        link: rels.join(', '),
      },
    };
  }

  /** The user the request's token acts as; a job token only where GitLab takes one (JOB_TOKEN_OPERATIONS). */
  function authenticate(headers: Record<string, string>, url: URL, operation: Operation): User {
    for (const name of ['private_token', 'job_token', 'access_token']) {
      if (url.searchParams.has(name)) throw new Refusal(401, { message: '401 Unauthorized' }, true);
    }
    if (options.privateToken && headers['private-token'] === options.privateToken) return TOKEN_USER;
    if (options.jobToken && headers['job-token'] === options.jobToken) {
      if (JOB_TOKEN_OPERATIONS.has(operation)) return JOB_USER;
      // The client sent a job token where GitLab does not accept one: its fault, not a wrong token.
      throw new Refusal(401, { message: '401 Unauthorized' }, true);
    }
    throw new Refusal(401, { message: '401 Unauthorized' }, false);
  }

  function route(method: string, apiPath: string): { operation: Operation; ids: string[] } {
    const matches = ROUTES.map((candidate) => ({ candidate, match: candidate.pattern.exec(apiPath) })).filter(({ match }) => match);
    const exact = matches.find(({ candidate }) => candidate.method === method);
    if (!exact) {
      if (matches.length > 0) throw new Refusal(405, { error: '405 Not Allowed' }, true);
      throw new Refusal(404, { error: '404 Not Found' }, true);
    }
    const [projectRef, ...rest] = (exact.match as RegExpExecArray).slice(1);
    if (projectRef === undefined) return { operation: exact.candidate.operation, ids: [] };
    const projectKey = decodeURIComponent(projectRef);
    if (projectKey !== String(project.id) && projectKey !== project.path) throw notFound('Project');
    return { operation: exact.candidate.operation, ids: [projectKey, ...rest] };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestUrl = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const apiPath = requestUrl.pathname.replace(/^\/api\/v4(?=\/)/, '');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
    const query = Object.fromEntries(requestUrl.searchParams);
    const text = await readBody(req);
    let body: unknown;
    let operation: Operation | null = null;
    let reply: Reply;
    try {
      if (!requestUrl.pathname.startsWith('/api/v4/')) throw new Refusal(404, { error: '404 Not Found' }, true);
      const matched = route(req.method ?? 'GET', apiPath);
      operation = matched.operation;
      const user = authenticate(headers, requestUrl, operation);
      body = parseBody(text, headers['content-type']);
      const params = { ...query, ...(body as Record<string, unknown> | undefined) };
      const problem = paramProblem(params, PARAMS[operation]);
      if (problem) throw badRequest(problem);
      const failure = failures.get(operation);
      if (failure?.when(params)) {
        failures.delete(operation);
        throw new Refusal(failure.status, { message: `${failure.status} (failNext)` }, false);
      }
      reply = handlers[operation]({ operation, ids: matched.ids, params, user, requestUrl });
      checkShape(`${req.method} ${apiPath}`, reply);
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      if (err.violation) violations.push(`${req.method} ${apiPath}: ${err.status} ${JSON.stringify(err.body)}`);
      reply = { status: err.status, body: err.body };
    }
    requests.push({ method: req.method ?? 'GET', path: apiPath, query, headers, body, operation, status: reply.status, response: reply.body });
    const hold = operation === null ? undefined : holds.get(operation);
    if (operation !== null && hold) {
      holds.delete(operation);
      hold.arrived();
      await hold.released;
    }
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body));
  }

  function checkShape(what: string, reply: Reply): void {
    if (!reply.shape) return;
    const items = Array.isArray(reply.body) ? reply.body : [reply.body];
    for (const item of items) {
      const problem = shapeProblem(item, reply.shape);
      if (problem) violations.push(`${what}: the fake's answer differs from GitLab's documented one: ${problem}`);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      violations.push(`${req.method} ${req.url}: the fake failed: ${(err as Error).stack ?? String(err)}`);
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: '500 Internal Server Error' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v4`,
    project,
    requests,
    violations,
    state,
    failNext: (operation, status = 500, when = () => true) => void failures.set(operation, { status, when }),
    holdNext: (operation) => {
      let arrived = (): void => undefined;
      let release = (): void => undefined;
      const reached = new Promise<void>((resolve) => (arrived = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      holds.set(operation, { arrived, released });
      return { reached, release };
    },
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

/** A JSON object body (what a client sends); anything else GitLab's docs do not describe for these endpoints. */
function parseBody(text: string, contentType: string | undefined): Record<string, unknown> | undefined {
  if (text === '') return undefined;
  if (!/^application\/json\b/.test(contentType ?? '')) throw badRequest(`a body of content-type ${contentType ?? '(none)'}; send JSON with content-type application/json`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest('the body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badRequest('the body is not a JSON object');
  return parsed as Record<string, unknown>;
}

function renderStatus(status: StatusRecord): Record<string, unknown> {
  return {
    author: { id: status.author.id, name: status.author.name, username: status.author.username, state: 'active', avatar_url: null, web_url: `https://gitlab.example.com/${status.author.username}` },
    name: status.name,
    sha: status.sha,
    status: status.status,
    coverage: null,
    description: status.description,
    id: status.id,
    target_url: status.targetUrl,
    ref: status.ref,
    started_at: status.startedAt,
    created_at: status.createdAt,
    allow_failure: false,
    finished_at: status.finishedAt,
  };
}

function renderNote(note: NoteRecord, projectId: number): Record<string, unknown> {
  return {
    id: note.id,
    body: note.body,
    author: { id: note.author.id, username: note.author.username, email: `${note.author.username}@example.com`, name: note.author.name, state: 'active', created_at: '2025-01-01T00:00:00.000Z' },
    created_at: note.createdAt,
    updated_at: note.updatedAt,
    system: note.system,
    noteable_id: note.mergeRequestIid + 500,
    noteable_type: 'MergeRequest',
    project_id: projectId,
    noteable_iid: note.mergeRequestIid,
    resolvable: false,
    confidential: false,
    internal: false,
  };
}

/** The fields of doc/api/users.md, "List current user (for normal users)", example response. */
function renderUser(user: User): Record<string, unknown> {
  return {
    id: user.id,
    username: user.username,
    email: `${user.username}@example.com`,
    name: user.name,
    state: 'active',
    avatar_url: null,
    web_url: `https://gitlab.example.com/${user.username}`,
    created_at: '2025-01-01T00:00:00.000Z',
    bio: '',
    bio_html: '',
    location: null,
    public_email: null,
    skype: '',
    linkedin: '',
    twitter: '',
    website_url: '',
    organization: '',
    last_sign_in_at: null,
    confirmed_at: '2025-01-01T00:00:00.000Z',
    theme_id: 1,
    last_activity_on: '2026-01-05',
    color_scheme_id: 1,
    projects_limit: 0,
    current_sign_in_at: null,
    identities: [],
    can_create_group: false,
    can_create_project: false,
    two_factor_enabled: false,
    external: false,
    private_profile: false,
  };
}

function renderMergeRequest(mr: MergeRequestRecord, project: { id: number; path: string }): Record<string, unknown> {
  const author = { id: OTHER_USER.id, name: OTHER_USER.name, username: OTHER_USER.username, state: 'active', avatar_url: null, web_url: `https://gitlab.example.com/${OTHER_USER.username}` };
  return {
    id: mr.id,
    iid: mr.iid,
    project_id: project.id,
    title: mr.title,
    description: '',
    state: 'opened',
    created_at: '2026-01-05T09:00:00.000Z',
    updated_at: '2026-01-05T09:00:00.000Z',
    target_branch: mr.targetBranch,
    source_branch: mr.sourceBranch,
    upvotes: 0,
    downvotes: 0,
    author,
    assignee: null,
    source_project_id: project.id,
    target_project_id: project.id,
    labels: [],
    draft: false,
    work_in_progress: false,
    milestone: null,
    merge_when_pipeline_succeeds: false,
    merge_status: 'can_be_merged',
    sha: mr.sha,
    merge_commit_sha: null,
    squash_commit_sha: null,
    user_notes_count: 0,
    discussion_locked: null,
    should_remove_source_branch: null,
    force_remove_source_branch: false,
    web_url: `https://gitlab.example.com/${project.path}/-/merge_requests/${mr.iid}`,
    time_stats: { time_estimate: 0, total_time_spent: 0, human_time_estimate: null, human_total_time_spent: null },
  };
}
