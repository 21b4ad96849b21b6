import { truncate } from '../report/format.js';
import { fitStatusDescription, type CommentMode, type CommitState, type CommitStatus, type ReviewReporter } from './reporter.js';

/**
 * GitLab's documented limits: a status's `description` and `target_url` are
 * "255 characters or fewer" (doc/api/commits.md, "Set the pipeline status of
 * a commit"); a note's body is "Limited to 1,000,000 characters"
 * (doc/api/notes.md); a page holds at most 100 items (doc/api/rest/_index.md).
 */
export const GITLAB_LIMITS = {
  statusText: 255,
  noteBody: 1_000_000,
  perPage: 100,
} as const;

/**
 * GITLAB_TOKEN (a project or personal access token with the `api` scope),
 * trimmed; undefined when it is not set. CI_JOB_TOKEN is never used: GitLab
 * lets a job token call only the endpoints its "Job token access" table lists
 * (doc/ci/jobs/ci_job_token.md, https://docs.gitlab.com/ci/jobs/ci_job_token/#job-token-access;
 * "Job token feature access" in earlier versions), and POST …/statuses/:sha
 * and POST or PUT …/merge_requests/:iid/notes are not among them.
 */
export function gitlabTokenFrom(env: NodeJS.ProcessEnv): string | undefined {
  return env['GITLAB_TOKEN']?.trim() || undefined;
}

/**
 * The pipeline this job runs in, which a status on its own commit is attached
 * to: a commit with several pipelines (a branch and a merge request pipeline)
 * would otherwise get it on the newest one, not necessarily this one.
 */
export interface GitLabPipeline {
  /** CI_PIPELINE_ID, sent as `pipeline_id`. */
  readonly id: number;
  /** CI_COMMIT_SHA: the only commit this pipeline runs for. */
  readonly sha: string;
  /**
   * CI_COMMIT_REF_NAME, sent as `ref`; null in a merge request pipeline, whose
   * own ref is refs/merge-requests/<iid>/… and not the branch name: GitLab
   * matches `pipeline_id` together with `ref` and answers 404 on a mismatch,
   * and takes the pipeline's own ref when none is sent
   * (app/services/ci/create_commit_status_service.rb).
   */
  readonly ref: string | null;
}

/** This job's pipeline from GitLab's predefined variables; null outside a pipeline or when one is missing or malformed. */
export function gitlabPipelineFrom(env: NodeJS.ProcessEnv): GitLabPipeline | null {
  const id = env['CI_PIPELINE_ID']?.trim() ?? '';
  const sha = env['CI_COMMIT_SHA']?.trim() ?? '';
  if (!/^[1-9]\d*$/.test(id) || !Number.isSafeInteger(Number(id)) || sha === '') return null;
  const mergeRequestPipeline = env['CI_PIPELINE_SOURCE']?.trim() === 'merge_request_event';
  const ref = mergeRequestPipeline ? null : env['CI_COMMIT_REF_NAME']?.trim() || null;
  return { id: Number(id), sha, ref };
}

/** GitLab's status for each of the gate's states: it has no `error`, a gate that could not finish failed. */
const GITLAB_STATE: Readonly<Record<CommitState, 'pending' | 'success' | 'failed'>> = {
  pending: 'pending',
  success: 'success',
  failure: 'failed',
  error: 'failed',
};

/** A refused or failed call; `status` is absent when GitLab did not answer at all. */
export class GitLabApiError extends Error {
  override readonly name = 'GitLabApiError';
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** How long one call may take before it counts as no answer. */
const REQUEST_TIMEOUT_MS = 30_000;
/** A note list longer than this many pages is not something a merge request has: stop rather than loop. */
const MAX_NOTE_PAGES = 1_000;

interface Note {
  readonly id: number;
  readonly body: string;
  readonly system: boolean;
  readonly author: { readonly id: number };
}

export interface GitLabClientOptions {
  /** CI_API_V4_URL. */
  readonly apiUrl: string;
  /** CI_PROJECT_ID. */
  readonly projectId: string;
  /** GITLAB_TOKEN, sent in PRIVATE-TOKEN (doc/api/rest/authentication.md). */
  readonly token: string;
  /** CI_PROJECT_URL, to link to a note; null when unknown. */
  readonly projectUrl: string | null;
  /** This job's pipeline; null when unknown (GitLab then picks the commit's newest pipeline). */
  readonly pipeline: GitLabPipeline | null;
}

/**
 * The GitLab REST calls the gate reports through: a commit status and one
 * sticky merge request note.
 */
export class GitLabClient implements ReviewReporter {
  /** The token's own user, asked once: only its notes are the report's. */
  private tokenUser: Promise<number> | undefined;

  constructor(private readonly options: GitLabClientOptions) {}

  async setStatus(sha: string, status: CommitStatus): Promise<void> {
    const targetUrl = status.targetUrl && status.targetUrl.length <= GITLAB_LIMITS.statusText ? status.targetUrl : null;
    try {
      await this.call('POST', this.projectPath(`/statuses/${encodeURIComponent(sha)}`), {
        state: GITLAB_STATE[status.state],
        name: status.context,
        description: fitStatusDescription(status.description, GITLAB_LIMITS.statusText),
        ...(targetUrl ? { target_url: targetUrl } : {}),
        ...this.pipelineFields(sha),
      });
    } catch (err) {
      // A job retried after a crash finds its own pending status still open, and
      // GitLab refuses `pending` on a pending status: the commit already says what was asked.
      if (status.state === 'pending' && err instanceof GitLabApiError && err.status === 400 && err.message.includes('from :pending')) return;
      throw err;
    }
  }

  async postComment(mergeRequest: number, body: string, marker: string, mode: CommentMode): Promise<{ url: string; updated: boolean }> {
    const text = truncate(`${marker}\n${body}`, GITLAB_LIMITS.noteBody, '_The report was cut to fit GitLab’s note size limit; the full report is in the job log._');
    const existing = mode === 'sticky' ? await this.findNote(mergeRequest, marker) : undefined;
    const notes = this.projectPath(`/merge_requests/${mergeRequest}/notes`);
    const note = (existing === undefined ? await this.call('POST', notes, { body: text }) : await this.call('PUT', `${notes}/${existing}`, { body: text })).body as Note;
    return { url: this.noteUrl(mergeRequest, note.id), updated: existing !== undefined };
  }

  /** `pipeline_id` and `ref` when the status is on this pipeline's own commit; nothing otherwise. */
  private pipelineFields(sha: string): { pipeline_id?: number; ref?: string } {
    const { pipeline } = this.options;
    if (!pipeline || pipeline.sha !== sha) return {};
    return { pipeline_id: pipeline.id, ...(pipeline.ref ? { ref: pipeline.ref } : {}) };
  }

  /**
   * The id of the first note (oldest first) the token's own user wrote with
   * the marker, looking through every page: a reviewer quoting the marker
   * wrote a note GitLab would not let us edit, and it is not the report.
   */
  private async findNote(mergeRequest: number, marker: string): Promise<number | undefined> {
    const me = await this.tokenUserId();
    let page = 1;
    for (let fetched = 0; fetched < MAX_NOTE_PAGES; fetched++) {
      const { body, headers } = await this.call('GET', this.projectPath(`/merge_requests/${mergeRequest}/notes?sort=asc&order_by=created_at&per_page=${GITLAB_LIMITS.perPage}&page=${page}`));
      const notes = body as Note[];
      const found = notes.find((note) => !note.system && note.author.id === me && note.body.includes(marker));
      if (found) return found.id;
      const next = nextPage(headers, notes.length);
      if (next === null) return undefined;
      if (!Number.isInteger(next) || next <= page) throw new GitLabApiError(`GitLab named page ${next} after page ${page} of the notes of !${mergeRequest}`);
      page = next;
    }
    throw new GitLabApiError(`merge request !${mergeRequest} has more than ${MAX_NOTE_PAGES} pages of notes; not looking further for the report's note`);
  }

  /** The id of the user the token acts as (GET /user, doc/api/users.md), asked once per client. */
  private tokenUserId(): Promise<number> {
    this.tokenUser ??= this.call('GET', '/user').then(({ body }) => {
      const id = (body as { id?: unknown }).id;
      if (typeof id !== 'number') throw new GitLabApiError('GitLab’s answer to GET /user has no user id');
      return id;
    });
    return this.tokenUser;
  }

  private projectPath(rest: string): string {
    return `/projects/${encodeURIComponent(this.options.projectId)}${rest}`;
  }

  private noteUrl(mergeRequest: number, noteId: number): string {
    const where = `merge_requests/${mergeRequest}#note_${noteId}`;
    return this.options.projectUrl ? `${this.options.projectUrl.replace(/\/+$/, '')}/-/${where}` : `!${mergeRequest} note ${noteId}`;
  }

  /** One call to `path` under the API root (CI_API_V4_URL). */
  private async call(method: 'GET' | 'POST' | 'PUT', path: string, body?: Record<string, unknown>): Promise<{ body: unknown; headers: Headers }> {
    const url = `${this.options.apiUrl.replace(/\/+$/, '')}${path}`;
    const what = `${method} ${url.replace(/\?.*$/, '')}`;
    const { token } = this.options;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { 'PRIVATE-TOKEN': token, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (err) {
      const cause = (err as { cause?: { message?: string } }).cause?.message ?? (err as Error).message;
      throw new GitLabApiError(`GitLab did not answer ${what}: ${cause}`, undefined, { cause: err });
    }
    const text = await response.text();
    if (!response.ok) throw new GitLabApiError(`GitLab answered ${response.status} to ${what}: ${text.slice(0, 300)}`, response.status);
    try {
      return { body: JSON.parse(text) as unknown, headers: response.headers };
    } catch (err) {
      throw new GitLabApiError(`GitLab's answer to ${what} is not JSON: ${text.slice(0, 100)}`, undefined, { cause: err });
    }
  }
}

/**
 * The next page GitLab names: x-next-page (empty on the last page), else the
 * Link header's rel="next" (GitLab leaves the x-* totals out of very long
 * lists). A full page that names no next page is an error, never taken as the end.
 */
function nextPage(headers: Headers, count: number): number | null {
  const header = headers.get('x-next-page');
  if (header !== null) return header.trim() === '' ? null : Number(header);
  const next = /<([^>]+)>;\s*rel="next"/.exec(headers.get('link') ?? '')?.[1];
  if (next) return Number(new URL(next).searchParams.get('page'));
  if (count < GITLAB_LIMITS.perPage) return null;
  throw new GitLabApiError('GitLab sent a full page of notes without saying whether another follows (no x-next-page or Link header)');
}
