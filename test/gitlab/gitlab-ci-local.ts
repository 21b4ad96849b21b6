/**
 * gitlab-ci-local (the npm devDependency) running a pipeline of a test
 * repository, and what the tests read back from it: each job's result and
 * log, and the dotenv reports the jobs wrote.
 *
 * How it runs what the tests give it (read from its source, firecow/gitlab-ci-local):
 * - `include: component:` resolves offline when the component is the
 *   project's own at the commit checked out: its path must be the `origin`
 *   remote's group/project and its ref the HEAD sha (src/parser-includes.ts,
 *   `isLocal`). That is GitLab's documented way to use a project's own
 *   components ($CI_SERVER_FQDN/$CI_PROJECT_PATH/<c>@$CI_COMMIT_SHA), which
 *   examples/iris/.gitlab-ci.yml uses, so the template files are read from
 *   the repository's templates/ as GitLab would.
 * - `--force-shell-executor` runs the jobs with bash even though they name an
 *   image; a job's environment is this process's plus its variables, so the
 *   tests give it a clean one.
 * - `--shell-isolation` gives each job its own folder, as a runner does: the
 *   repository's tracked files copied to .gitlab-ci-local/builds/<job>/ (what
 *   an earlier run left there deleted), then the artifacts of the jobs of
 *   earlier stages copied in. Without it every job runs in the repository
 *   folder itself and no artifact is copied, so a pipeline that forgot its
 *   `artifacts:` would still pass (src/job.ts, `copyArtifactsIn`).
 * - A job's artifacts are kept in .gitlab-ci-local/artifacts/<job>/, its dotenv
 *   report under .gitlab-ci-reports/dotenv/ there; `--no-artifacts-to-source`
 *   leaves them there instead of also copying them into the repository folder.
 * - `artifacts:reports:dotenv` of earlier jobs become variables of later ones,
 *   which GitLab expands in a job's `variables:` (the component's inputs).
 * - `--variable NAME=value` overrides a variable, predefined ones included
 *   (GITLAB_CI is "false" by default, CI_PIPELINE_SOURCE "push").
 * It needs Node 22 or newer (Set.prototype.union), so it runs on the
 * provisioned Node 24, and rsync (scripts/provision/gitlab-ci-local.sh).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, spawnCollect, tempDir } from '../support/bundle.js';
import { NODE24, nodeOf, pathFor } from '../support/runtimes.js';

const CLI = path.join(ROOT, 'node_modules', 'gitlab-ci-local', 'dist', 'index.js');
/** gitlab-ci-local's state folder in the repository: job folders, artifacts, logs. */
const STATE = '.gitlab-ci-local';

export type JobResult = 'PASS' | 'FAIL' | 'WARN';

export interface PipelineRun {
  readonly code: number;
  /** What gitlab-ci-local printed (its own lines and every job's, prefixed by the job name). */
  readonly output: string;
  /** The jobs that ran, by name, with how they ended. A job that did not run is absent. */
  readonly jobs: ReadonlyMap<string, JobResult>;
  /** Each job's log, as gitlab-ci-local keeps it in .gitlab-ci-local/output/<job>.log. */
  readonly logs: ReadonlyMap<string, string>;
}

export interface PipelineOptions {
  /** The pipeline file, relative to the repository. */
  readonly file: string;
  /** CI/CD variables of the pipeline (`--variable`), predefined ones included. */
  readonly variables: Readonly<Record<string, string>>;
  /** The environment of gitlab-ci-local and so of its jobs, besides PATH and HOME. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs the whole pipeline in `repo` (a git repository whose origin names the project). */
export async function runPipeline(repo: string, options: PipelineOptions): Promise<PipelineRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm ci`);
  await requireRsync();
  const variables = Object.entries(options.variables);
  const args = [
    CLI,
    '--file',
    options.file,
    '--force-shell-executor',
    '--shell-isolation',
    '--no-artifacts-to-source',
    // Overriding a predefined variable is what these runs are for: say so, so it does not warn.
    '--ignore-predefined-vars',
    variables.map(([name]) => name).join(','),
    ...variables.flatMap(([name, value]) => ['--variable', `${name}=${value}`]),
  ];
  const env = {
    ...options.env,
    PATH: pathFor(NODE24, options.env?.['PATH'] ?? process.env['PATH'] ?? ''),
    HOME: tempDir('gitlab-ci-local-home-'),
    TMPDIR: os.tmpdir(),
    NO_COLOR: '1',
  };
  const run = await spawnCollect(nodeOf(NODE24), args, { cwd: repo, env });
  const output = `${run.stdout}${run.stderr}`;
  return { code: run.code, output, jobs: jobResults(output), logs: jobLogs(repo) };
}

/** gitlab-ci-local copies the project with rsync before any job runs; without it, say what installs it. */
async function requireRsync(): Promise<void> {
  const found = await spawnCollect('rsync', ['--version'], {}).catch(() => null);
  if (found?.code !== 0) throw new Error('rsync is missing (gitlab-ci-local needs it): run bash scripts/provision/gitlab-ci-local.sh');
}

/** The summary gitlab-ci-local ends with: ` PASS  job`, ` FAIL  job`, ` WARN  job` (allowed to fail). */
function jobResults(output: string): Map<string, JobResult> {
  const jobs = new Map<string, JobResult>();
  for (const match of output.matchAll(/^ (PASS|FAIL|WARN) {2}(\S+)\s*$/gm)) jobs.set(match[2]!, match[1] as JobResult);
  return jobs;
}

function jobLogs(repo: string): Map<string, string> {
  const folder = path.join(repo, STATE, 'output');
  const logs = new Map<string, string>();
  if (!existsSync(folder)) return logs;
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.log'))) logs.set(file.replace(/\.log$/, ''), readFileSync(path.join(folder, file), 'utf8'));
  return logs;
}

/** The folder a job ran in (`--shell-isolation`): its CI_PROJECT_DIR. */
export const jobFolder = (repo: string, job: string): string => path.join(repo, STATE, 'builds', job);

/** The artifacts a job kept, at their paths in the project, as later jobs get them. */
export const artifactsOf = (repo: string, job: string): string => path.join(repo, STATE, 'artifacts', job);

/** The dotenv report `file` (as `artifacts:reports:dotenv` names it) a job kept, as GitLab reads it: NAME=value lines. */
export function readDotenv(repo: string, job: string, file: string): Record<string, string> {
  const entries = readFileSync(path.join(artifactsOf(repo, job), '.gitlab-ci-reports', 'dotenv', file), 'utf8')
    .split('\n')
    .filter((line) => line.includes('='))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const);
  return Object.fromEntries(entries);
}

/** Why a run did not go as expected: its exit code and the end of its output. */
export function explain(run: PipelineRun): string {
  return `gitlab-ci-local exit ${run.code}; jobs ${JSON.stringify([...run.jobs])}\n${run.output.slice(-6000)}`;
}
