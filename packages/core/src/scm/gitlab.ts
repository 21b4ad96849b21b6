import { truncate } from '../report/format.js';
import type { CommentMode, CommitState, CommitStatus, ReviewReporter } from './reporter.js';

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

/** The token the gate reports with, and the header GitLab reads it from (doc/api/rest/authentication.md). */
export interface GitLabToken {
  readonly variable: 'GITLAB_TOKEN' | 'CI_JOB_TOKEN';
  readonly header: 'PRIVATE-TOKEN' | 'JOB-TOKEN';
  readonly value: string;
}

/**
 * GITLAB_TOKEN (a project or personal access token) when set, else the job's
 * CI_JOB_TOKEN; undefined when neither is.
 */
export function gitlabTokenFrom(env: NodeJS.ProcessEnv): GitLabToken | undefined {
  const accessToken = env['GITLAB_TOKEN']?.trim();
  if (accessToken) return { variable: 'GITLAB_TOKEN', header: 'PRIVATE-TOKEN', value: accessToken };
  const jobToken = env['CI_JOB_TOKEN']?.trim();
  if (jobToken) return { variable: 'CI_JOB_TOKEN', header: 'JOB-TOKEN', value: jobToken };
  return undefined;
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
}

export interface GitLabClientOptions {
  /** CI_API_V4_URL. */
  readonly apiUrl: string;
  /** CI_PROJECT_ID. */
  readonly projectId: string;
  readonly token: GitLabToken;
  /** CI_PROJECT_URL, to link to a note; null when unknown. */
  readonly projectUrl: string | null;
}

/**
 * The GitLab REST calls the gate reports through: a commit status and one
 * sticky merge request note.
 */
export class GitLabClient implements ReviewReporter {
  constructor(private readonly options: GitLabClientOptions) {}

  async setStatus(sha: string, status: CommitStatus): Promise<void> {
    const targetUrl = status.targetUrl && status.targetUrl.length <= GITLAB_LIMITS.statusText ? status.targetUrl : null;
    try {
      await this.call('POST', `/statuses/${encodeURIComponent(sha)}`, {
        state: GITLAB_STATE[status.state],
        name: status.context,
        description: fitStatusText(status.description),
        ...(targetUrl ? { target_url: targetUrl } : {}),
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
    const notes = `/merge_requests/${mergeRequest}/notes`;
    const note = (existing === undefined ? await this.call('POST', notes, { body: text }) : await this.call('PUT', `${notes}/${existing}`, { body: text })).body as Note;
    return { url: this.noteUrl(mergeRequest, note.id), updated: existing !== undefined };
  }

  /** The id of the first note (oldest first) carrying the marker, looking through every page. */
  private async findNote(mergeRequest: number, marker: string): Promise<number | undefined> {
    let page = 1;
    for (let fetched = 0; fetched < MAX_NOTE_PAGES; fetched++) {
      const { body, headers } = await this.call('GET', `/merge_requests/${mergeRequest}/notes?sort=asc&order_by=created_at&per_page=${GITLAB_LIMITS.perPage}&page=${page}`);
      const notes = body as Note[];
      const found = notes.find((note) => !note.system && note.body.includes(marker));
      if (found) return found.id;
      const next = nextPage(headers, notes.length);
      if (next === null) return undefined;
      if (!Number.isInteger(next) || next <= page) throw new GitLabApiError(`GitLab named page ${next} after page ${page} of the notes of !${mergeRequest}`);
      page = next;
    }
    throw new GitLabApiError(`merge request !${mergeRequest} has more than ${MAX_NOTE_PAGES} pages of notes; not looking further for the report's note`);
  }

  private noteUrl(mergeRequest: number, noteId: number): string {
    const where = `merge_requests/${mergeRequest}#note_${noteId}`;
    return this.options.projectUrl ? `${this.options.projectUrl.replace(/\/+$/, '')}/-/${where}` : `!${mergeRequest} note ${noteId}`;
  }

  private async call(method: 'GET' | 'POST' | 'PUT', path: string, body?: Record<string, unknown>): Promise<{ body: unknown; headers: Headers }> {
    const url = `${this.options.apiUrl.replace(/\/+$/, '')}/projects/${encodeURIComponent(this.options.projectId)}${path}`;
    const what = `${method} ${url.replace(/\?.*$/, '')}`;
    const { token } = this.options;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { [token.header]: token.value, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
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

/** One line of at most 255 characters: GitLab refuses a longer description. */
function fitStatusText(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= GITLAB_LIMITS.statusText ? oneLine : `${oneLine.slice(0, GITLAB_LIMITS.statusText - 1)}…`;
}
