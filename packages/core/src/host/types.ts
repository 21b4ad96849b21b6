import type { CacheStore } from '../cache/types.js';
import type { SourceLocation } from '../errors.js';
import type { OutputType, RawInputs } from '../spec/types.js';

export type HostKind = 'github' | 'gitlab' | 'jenkins' | 'local';

/** Where the run happens: used for statuses, comments, lineage and temp files. */
export interface RunContext {
  /** `owner/repo`, when known (GitLab: the namespace, which may hold subgroups, and the project's path). */
  readonly repository: { readonly owner: string; readonly repo: string } | null;
  /**
   * GitLab's project id (CI_PROJECT_ID): what its API names the project by,
   * since a namespace path can be renamed under a running pipeline. Null on
   * the other hosts, whose APIs name a repository by owner/repo.
   */
  readonly projectId: string | null;
  /** The commit statuses and check runs belong on (a PR's head, not a merge commit). */
  readonly sha: string | null;
  readonly pullRequest: number | null;
  /**
   * The run is for a pull request from another repository (a fork): GitHub
   * hands such a run a read-only GITHUB_TOKEN, so statuses and comments are
   * refused. Only a GitHub pull_request event can say so; false elsewhere.
   */
  readonly pullRequestFromFork: boolean;
  /** Link back to this run (GitHub run page, GitLab CI_PIPELINE_URL, Jenkins BUILD_URL). */
  readonly runUrl: string | null;
  /** e.g. `pull_request`, `push` (GitLab: CI_PIPELINE_SOURCE, e.g. `merge_request_event`); null elsewhere. */
  readonly eventName: string | null;
  /** The REST API base: GITHUB_API_URL, else https://api.github.com (GHES-ready); on GitLab CI_API_V4_URL. */
  readonly apiUrl: string;
  /** The checkout: where step records live, the default working folder of a training. */
  readonly workspace: string;
  /**
   * The folder a relative path in an input is relative to, on every host and
   * in every step: the working directory the step was started in (a GitHub
   * action: the workspace; Jenkins: the current `dir()`; a terminal: the
   * shell's folder). Only the entry (cli.ts) reads `process.cwd()`; all
   * other code takes this or a folder passed down from it.
   */
  readonly cwd: string;
  /**
   * The step's environment variables. Only the entry (cli.ts) reads
   * `process.env`; all other code, and every child process, gets this (or
   * an environment passed down from it), so a test or host can hand it in.
   */
  readonly env: Readonly<NodeJS.ProcessEnv>;
  /** A per-run scratch folder that outlives the step (RUNNER_TEMP, WORKSPACE_TMP, os.tmpdir()). */
  readonly tempDir: string;
  /** Which run this step belongs to: the steps of one run share it, and only they trust each other's records. */
  readonly run: RunIdentity;
}

/**
 * The identity of one pipeline run, the same for every step in it. Where it
 * came from decides what "this run" means:
 * - `github`: GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT (a re-run is a new run);
 * - `gitlab`: CI_PROJECT_ID and CI_PIPELINE_ID (every job of a pipeline shares them; a retried job too);
 * - `jenkins`: BUILD_TAG (`jenkins-<job>-<build number>`);
 * - `env`: MLOPS_CI_RUN_ID, set by whoever chains steps in a terminal or script;
 * - `process`: nothing named a run, so this process is a run of its own.
 */
export interface RunIdentity {
  readonly id: string;
  readonly source: 'github' | 'gitlab' | 'jenkins' | 'env' | 'process';
}

/**
 * Where a notice, warning or error points in the user's files: a place in a
 * file (`SourceLocation`, the file absolute or relative to the run's folder),
 * optionally up to `endLine`, with a `title`. GitHub shows it on that line
 * of the file (and of a PR's diff); other hosts prefix the message with
 * `file:line:col:`, which editors and Jenkins' warnings plugins read.
 */
export interface Annotation extends SourceLocation {
  readonly endLine?: number;
  readonly title?: string;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  notice(message: string, at?: Annotation): void;
  warning(message: string, at?: Annotation): void;
  error(message: string, at?: Annotation): void;
}

/** How a step ended, as runStep hands it to `Host.finish`. */
export interface StepEnding {
  readonly exitCode: number;
  /** Why it did not succeed; `at` is where in a user's file the cause is, when it is in one. */
  readonly error?: { readonly message: string; readonly category: string; readonly at?: SourceLocation };
}

/**
 * One interface over the places a step runs (README, "Contracts").
 * Steps talk only to this, never to @actions/core or the environment directly.
 */
export interface Host extends Logger {
  readonly kind: HostKind;
  readonly inputs: RawInputs;
  readonly context: RunContext;
  readonly cache: CacheStore;
  /** Collapsible section in the log (GitHub groups, GitLab collapsed sections; a header line elsewhere). */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** From now on, `value` never appears in the log. */
  setSecret(value: string): void;
  /** `type` (the spec's, default `string`) matters only where outputs are printed as one JSON document (the CLI). */
  setOutput(name: string, value: string, type?: OutputType): void;
  /**
   * Puts a folder first on PATH for the following steps of the job (GitHub:
   * GITHUB_PATH). Jenkins and a terminal have no following steps to reach:
   * there it is logged, and the caller uses the step's outputs instead.
   */
  addPath(dir: string): void;
  /** Appends markdown to the step summary (GitHub) or the summary file (elsewhere). */
  appendSummary(markdown: string): Promise<void>;
  /**
   * Called once at the end with the outcome: flushes outputs (Jenkins file,
   * CLI stdout) and records the error details for the caller.
   */
  finish(outcome: StepEnding): Promise<void>;
}
