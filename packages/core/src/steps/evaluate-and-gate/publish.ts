import { messageOf } from '../../errors.js';
import type { Host, RunContext } from '../../host/types.js';
import { statusDescription } from '../../report/gate-report.js';
import type { GitHubClient } from '../../scm/github.js';
import { stickyMarker, type CommitState, type ReviewReporter } from '../../scm/reporter.js';
import type { InputValue } from '../../spec/inputs.js';
import type { GateResults } from '../../types/gate.js';
import type { evaluateAndGateSpec } from './spec.js';

/** Where and how the verdict is reported, as the inputs and the host say. */
export type ReportingPlan = GitHubReporting | GitLabReporting;

interface CommonReporting {
  /** The status's name (`status-context`); it also keys the sticky comment. */
  readonly context: string;
  readonly comment: InputValue<typeof evaluateAndGateSpec, 'comment'>;
}

/** GitHub (and Jenkins or a terminal reporting to GitHub): `github-token`, a check run when asked. */
export interface GitHubReporting extends CommonReporting {
  readonly forge: 'github';
  /** Absent: nothing is reported, and the step says so once. */
  readonly token: string | undefined;
  readonly apiUrl: string;
  readonly checkRun: boolean;
}

/** GitLab: GITLAB_TOKEN (never CI_JOB_TOKEN, see gitlabTokenFrom), CI_API_V4_URL; GitLab has no check runs. */
export interface GitLabReporting extends CommonReporting {
  readonly forge: 'gitlab';
  /** Absent: nothing is reported, and the step says so once. */
  readonly token: string | undefined;
  readonly apiUrl: string;
}

/** How each forge's parts are named in what the step says. */
const WORDS = {
  github: { forge: 'GitHub', comment: (n: number) => `PR #${n} comment`, posted: 'PR comment', noChange: 'No pull request in this run: no PR comment.', noToken: 'no github-token was given' },
  gitlab: { forge: 'GitLab', comment: (n: number) => `MR !${n} note`, posted: 'MR note', noChange: 'No merge request in this run: no MR note.', noToken: 'GITLAB_TOKEN is not set; set it to a project access token with the `api` scope, as CI_JOB_TOKEN cannot set commit statuses or write merge request notes' },
} as const;

/** The forge's client, the commit the verdict is about, and GitHub's check runs when asked for. */
interface Target {
  readonly reporter: ReviewReporter;
  readonly sha: string;
  readonly checkRuns: Pick<GitHubClient, 'createCheckRun'> | null;
}

/**
 * Reports the gate where people look: a commit status (pending, then the
 * verdict), on GitHub an optional check run, and the PR comment or MR note.
 * Reporting is best effort: a refused call is a warning, the gate's verdict
 * stands.
 *
 * A pending status is always settled: by the verdict, or by `error` (GitLab:
 * `failed`) when the step fails after posting it, so no commit waits on a
 * gate that has ended.
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
    private readonly target: Target | null,
  ) {}

  /** Where the verdict goes, for the log: GitHub or GitLab. */
  get forge(): string {
    return WORDS[this.inputs.forge].forge;
  }

  /** Says once, clearly, when nothing will be reported and why. */
  static async create(host: Host, inputs: ReportingPlan): Promise<GatePublisher> {
    const target = inputs.forge === 'github' ? await gitHubTarget(host.context, inputs) : await gitLabTarget(host.context, inputs);
    if (typeof target === 'string') {
      host.notice(`Not reporting to ${WORDS[inputs.forge].forge} (${target}): the gate still runs; the verdict is in the outputs and the report.`);
      return new GatePublisher(host, inputs, null);
    }
    return new GatePublisher(host, inputs, target);
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
    const token = this.inputs.token;
    const reason = token ? firstLine.split(token).join('***') : firstLine;
    await this.status('error', `The gate could not finish: ${reason}`);
  }

  async publish(results: GateResults, markdown: string): Promise<void> {
    await this.status(results.passed ? 'success' : 'failure', statusDescription(results));
    await this.checkRun(results, markdown);
    await this.comment(markdown);
  }

  private async status(state: CommitState, description: string): Promise<void> {
    if (!this.target || this.readOnly) return;
    const { reporter, sha } = this.target;
    const post = () => reporter.setStatus(sha, { state, context: this.inputs.context, description, targetUrl: this.host.context.runUrl });
    await this.attempt(`commit status '${this.inputs.context}' (${state}) on ${sha.slice(0, 7)}`, async () => {
      // A lost pending status costs nothing; a lost verdict after it leaves the commit pending: try that again.
      await (this.unsettled ? withRetries(post, SETTLE_ATTEMPTS) : post());
      this.unsettled = state === 'pending';
    });
  }

  private async checkRun(results: GateResults, markdown: string): Promise<void> {
    const checkRuns = this.target?.checkRuns;
    if (!this.target || !checkRuns || this.readOnly) return;
    const { sha } = this.target;
    await this.attempt(`check run '${this.inputs.context}'`, () =>
      checkRuns.createCheckRun(sha, {
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
    const words = WORDS[this.inputs.forge];
    const change = this.host.context.pullRequest;
    if (change === null) {
      this.host.info(words.noChange);
      return;
    }
    const mode = this.inputs.comment;
    await this.attempt(words.comment(change), async () => {
      const { url, updated } = await target.reporter.postComment(change, markdown, stickyMarker('evaluate-and-gate', this.inputs.context), mode);
      this.host.info(`${updated ? 'Updated' : 'Posted'} the ${words.posted}: ${url}`);
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

/** The GitHub client and commit, or why there is none. */
async function gitHubTarget(context: RunContext, inputs: GitHubReporting): Promise<Target | string> {
  const { repository, sha } = context;
  if (!inputs.token) return WORDS.github.noToken;
  if (!repository) return 'the repository is unknown';
  if (!sha) return 'the commit is unknown';
  const { GitHubClient } = await import('../../scm/github.js');
  const client = new GitHubClient(inputs.token, inputs.apiUrl, repository);
  return { reporter: client, sha, checkRuns: inputs.checkRun ? client : null };
}

/** The GitLab client and commit (CI_PROJECT_ID, the MR's source head or CI_COMMIT_SHA), or why there is none. */
async function gitLabTarget(context: RunContext, inputs: GitLabReporting): Promise<Target | string> {
  const { projectId, sha } = context;
  if (!inputs.token) return WORDS.gitlab.noToken;
  if (!projectId) return 'the project is unknown: CI_PROJECT_ID is not set';
  if (!sha) return 'the commit is unknown: CI_COMMIT_SHA is not set';
  const { GitLabClient, gitlabPipelineFrom } = await import('../../scm/gitlab.js');
  const projectUrl = context.env['CI_PROJECT_URL']?.trim() || null;
  const pipeline = gitlabPipelineFrom(context.env);
  return { reporter: new GitLabClient({ apiUrl: inputs.apiUrl, projectId, token: inputs.token, projectUrl, pipeline }), sha, checkRuns: null };
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
 * (a 5xx, or no answer at all); a 4xx is the forge's final word and is thrown at once.
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
