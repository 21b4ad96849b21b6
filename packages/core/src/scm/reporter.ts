/**
 * What the gate reports through, whichever forge hosts the change: a commit
 * status and a comment on the change request (a GitHub pull request, a
 * GitLab merge request). GitHubClient and GitLabClient implement it; the
 * gate's publisher picks one by the host it runs on.
 */

/** The gate's states, in GitHub's words; a client maps them to its forge's (GitLab: failure and error are `failed`). */
export type CommitState = 'error' | 'failure' | 'pending' | 'success';
/** How the report is posted: one comment edited in place, or a new one each time. */
export type CommentMode = 'sticky' | 'new';

export interface CommitStatus {
  readonly state: CommitState;
  /** The status's name: two gates on one commit keep two statuses. */
  readonly context: string;
  readonly description: string;
  /** The run's page, when known. */
  readonly targetUrl: string | null;
}

export interface ReviewReporter {
  setStatus(sha: string, status: CommitStatus): Promise<void>;
  /**
   * Posts the report on the change request. `sticky` finds the comment
   * carrying `marker` across every page of comments (one found only on the
   * first page would be duplicated on a busy review) and edits it in place;
   * `new` always adds one. Returns the comment's address.
   */
  postComment(number: number, body: string, marker: string, mode: CommentMode): Promise<{ url: string; updated: boolean }>;
}

/** The hidden marker of a sticky comment; the context keeps two gates on one change apart. */
export function stickyMarker(step: string, context: string): string {
  return `<!-- mlops-ci:${step}:${context.replace(/-->/g, '')} -->`;
}

/**
 * A status description as one line of at most `limit` characters, cut with
 * an ellipsis: forges refuse a longer one (GitHub 140, GitLab 255).
 */
export function fitStatusDescription(text: string, limit: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= limit ? oneLine : `${oneLine.slice(0, limit - 1)}…`;
}
