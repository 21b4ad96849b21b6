import { getOctokit } from '@actions/github';
import { truncate } from '../report/format.js';
import { fitStatusDescription, type CommentMode, type CommitStatus, type ReviewReporter } from './reporter.js';

/** GitHub's documented limits for statuses, check runs and comments. */
export const LIMITS = {
  statusDescription: 140,
  checkRunText: 65_535,
  commentBody: 65_536,
} as const;

export type { CommentMode, CommitState } from './reporter.js';
export { stickyMarker } from './reporter.js';

export interface Repository {
  readonly owner: string;
  readonly repo: string;
}

type Octokit = ReturnType<typeof getOctokit>;

/**
 * The few GitHub REST calls the steps report through: commit statuses,
 * check runs and PR comments. The base URL is configurable so GitHub
 * Enterprise Server (and the tests' local server) work the same way.
 */
export class GitHubClient implements ReviewReporter {
  private readonly octokit: Octokit;

  constructor(
    token: string,
    apiUrl: string,
    private readonly repository: Repository,
  ) {
    this.octokit = getOctokit(token, { baseUrl: apiUrl.replace(/\/+$/, '') });
  }

  async setStatus(sha: string, status: CommitStatus): Promise<void> {
    await this.octokit.rest.repos.createCommitStatus({
      ...this.repository,
      sha,
      state: status.state,
      context: status.context,
      description: fitStatusDescription(status.description, LIMITS.statusDescription),
      ...(status.targetUrl ? { target_url: status.targetUrl } : {}),
    });
  }

  /** A completed check run with the report as its summary (cut to GitHub's limit with a note). */
  async createCheckRun(sha: string, run: { name: string; passed: boolean; title: string; summary: string; detailsUrl: string | null }): Promise<void> {
    await this.octokit.rest.checks.create({
      ...this.repository,
      head_sha: sha,
      name: run.name,
      status: 'completed',
      conclusion: run.passed ? 'success' : 'failure',
      ...(run.detailsUrl ? { details_url: run.detailsUrl } : {}),
      output: {
        title: run.title,
        summary: truncate(run.summary, LIMITS.checkRunText, '_The report was cut to fit GitHub’s 65,535-character limit; the full report is in the job summary._', 'bytes'),
      },
    });
  }

  /**
   * Posts the report on the PR. `sticky` finds the comment carrying `marker`
   * across every page of comments (a sticky found only on page 1 would be
   * duplicated on busy PRs) and edits it in place; `new` always adds one.
   * Returns the comment's URL.
   */
  async postComment(pullRequest: number, body: string, marker: string, mode: CommentMode): Promise<{ url: string; updated: boolean }> {
    const text = truncate(`${marker}\n${body}`, LIMITS.commentBody, '_The report was cut to fit GitHub’s comment size limit; the full report is in the job summary._');
    const existing = mode === 'sticky' ? await this.findComment(pullRequest, marker) : undefined;
    if (existing !== undefined) {
      const { data } = await this.octokit.rest.issues.updateComment({ ...this.repository, comment_id: existing, body: text });
      return { url: data.html_url, updated: true };
    }
    const { data } = await this.octokit.rest.issues.createComment({ ...this.repository, issue_number: pullRequest, body: text });
    return { url: data.html_url, updated: false };
  }

  private async findComment(pullRequest: number, marker: string): Promise<number | undefined> {
    const pages = this.octokit.paginate.iterator(this.octokit.rest.issues.listComments, {
      ...this.repository,
      issue_number: pullRequest,
      per_page: 100,
    });
    for await (const page of pages) {
      const found = page.data.find((comment) => comment.body?.includes(marker));
      if (found) return found.id;
    }
    return undefined;
  }
}
