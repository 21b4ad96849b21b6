import { messageOf } from '../../errors.js';
import type { Host } from '../../host/types.js';
import { statusDescription } from '../../report/gate-report.js';
import type { CommitState, GitHubClient } from '../../scm/github.js';
import type { InputValue } from '../../spec/inputs.js';
import type { GateResults } from '../../types/gate.js';
import type { evaluateAndGateSpec } from './spec.js';

/** Where and how the verdict is reported, as the inputs say. */
export interface ReportingPlan {
  /** Absent: nothing is reported, and the step says so once. */
  readonly token: string | undefined;
  readonly apiUrl: string;
  readonly context: string;
  readonly checkRun: boolean;
  readonly comment: InputValue<typeof evaluateAndGateSpec, 'comment'>;
}

/**
 * Reports the gate where people look: a commit status (pending, then the
 * verdict), an optional check run and the PR comment. Reporting is best
 * effort: a refused call is a warning, the gate's verdict stands.
 *
 * A pending status is always settled: by the verdict, or by `error` when the
 * step fails after posting it, so no commit waits on a gate that has ended.
 */
export class GatePublisher {
  /** Whether the last status this run posted is 'pending' (and so must still be settled). */
  private unsettled = false;
  /** The pending status call, awaited before settling so the settling status lands after it. */
  private pendingPost: Promise<void> = Promise.resolve();
  /** GitHub refused a write because the token is read-only (a fork's PR): said once, nothing more is tried. */
  private readOnly = false;

  private constructor(
    private readonly host: Host,
    private readonly inputs: ReportingPlan,
    private readonly target: { client: GitHubClient; sha: string } | null,
  ) {}

  /** Says once, clearly, when nothing will be reported and why. */
  static async create(host: Host, inputs: ReportingPlan): Promise<GatePublisher> {
    const { repository, sha } = host.context;
    if (!inputs.token || !repository || !sha) {
      const missing = !inputs.token ? 'no github-token was given' : !repository ? 'the repository is unknown' : 'the commit is unknown';
      host.notice(`Not reporting to GitHub (${missing}): the gate still runs; the verdict is in the outputs and the report.`);
      return new GatePublisher(host, inputs, null);
    }
    const { GitHubClient } = await import('../../scm/github.js');
    return new GatePublisher(host, inputs, { client: new GitHubClient(inputs.token, inputs.apiUrl, repository), sha });
  }

  async pending(): Promise<void> {
    this.pendingPost = this.status('pending', 'Evaluating candidate models…');
    await this.pendingPost;
  }

  /**
   * Settles a pending status when the step fails after posting it: `error`,
   * with the first line of the reason, the token cut out (GitHub shows the
   * description to anyone who can see the commit; setStatus cuts it to 140
   * characters). Does nothing when no pending status is outstanding.
   */
  async error(err: unknown): Promise<void> {
    await this.pendingPost;
    if (!this.unsettled) return;
    const firstLine = (messageOf(err).split('\n')[0] ?? '').trim();
    const reason = this.inputs.token ? firstLine.split(this.inputs.token).join('***') : firstLine;
    await this.status('error', `The gate could not finish: ${reason}`);
  }

  async publish(results: GateResults, markdown: string): Promise<void> {
    await this.status(results.passed ? 'success' : 'failure', statusDescription(results));
    if (this.inputs.checkRun) await this.checkRun(results, markdown);
    await this.comment(markdown);
  }

  private async status(state: CommitState, description: string): Promise<void> {
    if (!this.target || this.readOnly) return;
    const { client, sha } = this.target;
    const post = () => client.setStatus(sha, { state, context: this.inputs.context, description, targetUrl: this.host.context.runUrl });
    await this.attempt(`commit status '${this.inputs.context}' (${state}) on ${sha.slice(0, 7)}`, async () => {
      // A lost pending status costs nothing; a lost verdict after it leaves the commit pending: try that again.
      await (this.unsettled ? withRetries(post, SETTLE_ATTEMPTS) : post());
      this.unsettled = state === 'pending';
    });
  }

  private async checkRun(results: GateResults, markdown: string): Promise<void> {
    if (!this.target || this.readOnly) return;
    const { client, sha } = this.target;
    await this.attempt(`check run '${this.inputs.context}'`, () =>
      client.createCheckRun(sha, {
        name: this.inputs.context,
        passed: results.passed,
        title: statusDescription(results),
        summary: markdown,
        detailsUrl: this.host.context.runUrl,
      }),
      'only a GitHub App token or GITHUB_TOKEN can create check runs; a personal token cannot (set check-run: false)',
    );
  }

  private async comment(markdown: string): Promise<void> {
    const target = this.target;
    if (!target || this.readOnly || this.inputs.comment === 'off') return;
    const pullRequest = this.host.context.pullRequest;
    if (pullRequest === null) {
      this.host.info('No pull request in this run: no PR comment.');
      return;
    }
    const { stickyMarker } = await import('../../scm/github.js');
    const mode = this.inputs.comment;
    await this.attempt(`PR #${pullRequest} comment`, async () => {
      const { url, updated } = await target.client.postComment(pullRequest, markdown, stickyMarker('evaluate-and-gate', this.inputs.context), mode);
      this.host.info(`${updated ? 'Updated' : 'Posted'} the PR comment: ${url}`);
    });
  }

  private async attempt(what: string, call: () => Promise<void>, forbiddenHint?: string): Promise<void> {
    try {
      await call();
      this.host.info(`Reported ${what}.`);
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (status === 403 && this.host.context.pullRequestFromFork) {
        this.readOnly = true;
        this.host.warning(FORK_READ_ONLY);
        return;
      }
      const hint = status === 403 && forbiddenHint ? ` (${forbiddenHint})` : '';
      this.host.warning(`Could not report ${what}: ${messageOf(err)}${hint}`);
    }
  }
}

/**
 * Said once when GitHub refuses a write on a pull request from a fork: every
 * later write would be refused the same way, and the verdict is elsewhere.
 */
const FORK_READ_ONLY =
  "This looks like a pull request from a fork: GITHUB_TOKEN is read-only here, so the gate could not set its commit status or comment on the PR. The verdict is in the job summary, the report file and the outputs; to comment on fork PRs, see README 'Fork pull requests' (a workflow_run workflow).";

/** Tries for a status that settles a pending one; 1 s, then 2 s apart. */
const SETTLE_ATTEMPTS = 3;

/**
 * Calls `call` up to `attempts` times while it fails the way an outage does
 * (a 5xx, or no answer at all); a 4xx is GitHub's final word and is thrown at once.
 */
async function withRetries(call: () => Promise<void>, attempts: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const status = (err as { status?: number }).status;
      const transient = status === undefined || status >= 500;
      if (!transient || attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
}
