import { readFileSync } from 'node:fs';
import os from 'node:os';
import { parentsOf, parseRepositoryUrl, remoteUrl, revParse, type GitPlace } from '../scm/git.js';
import type { HostKind, RunContext, RunIdentity } from './types.js';

const PUBLIC_API = 'https://api.github.com';
const PUBLIC_GITLAB = 'https://gitlab.com';

/** GitHub Actions: the runner's variables and the event payload. */
export function githubContext(env: NodeJS.ProcessEnv, cwd: string): RunContext {
  const payload = readEventPayload(env['GITHUB_EVENT_PATH']);
  const pullRequest = payload?.pull_request as PullRequestPayload | undefined;
  const repository = parseOwnerRepo(env['GITHUB_REPOSITORY']);
  const server = env['GITHUB_SERVER_URL'] ?? 'https://github.com';
  const runId = env['GITHUB_RUN_ID'];
  const attempt = env['GITHUB_RUN_ATTEMPT'];
  return {
    repository,
    projectId: null,
    // On pull_request events GITHUB_SHA is the test merge commit; the PR's checks live on its head.
    sha: pullRequest?.head?.sha ?? env['GITHUB_SHA'] ?? null,
    pullRequest: typeof pullRequest?.number === 'number' ? pullRequest.number : null,
    pullRequestFromFork: isFromFork(pullRequest),
    runUrl: repository && runId ? `${server}/${repository.owner}/${repository.repo}/actions/runs/${runId}${attempt ? `/attempts/${attempt}` : ''}` : null,
    eventName: env['GITHUB_EVENT_NAME'] ?? null,
    apiUrl: env['GITHUB_API_URL'] || PUBLIC_API,
    workspace: env['GITHUB_WORKSPACE'] ?? cwd,
    cwd,
    env,
    tempDir: env['RUNNER_TEMP'] || os.tmpdir(),
    run: runIdentity(env, 'github'),
  };
}

/** The parts of a pull_request event's `pull_request` object read here. */
interface PullRequestPayload {
  readonly number?: number;
  /** `repo` is null when the fork the PR came from has been deleted. */
  readonly head?: { readonly sha?: string; readonly repo?: { readonly full_name?: string } | null };
  readonly base?: { readonly repo?: { readonly full_name?: string } };
}

/** Head and base in different repositories; a head whose repository is gone was a fork too. */
function isFromFork(pullRequest: PullRequestPayload | undefined): boolean {
  const base = pullRequest?.base?.repo?.full_name;
  const head = pullRequest?.head?.repo;
  if (base === undefined || head === undefined) return false;
  if (head === null) return true;
  return head.full_name !== undefined && head.full_name.toLowerCase() !== base.toLowerCase();
}

/**
 * Jenkins (multibranch or plain): CHANGE_ID is the PR number, CHANGE_URL names
 * the repository. GIT_COMMIT is unreliable, so the sha comes from git; on a
 * PR-* build whose HEAD is a two-parent merge, statuses go on HEAD^1, the PR
 * head.
 */
export async function jenkinsContext(env: NodeJS.ProcessEnv, cwd: string): Promise<RunContext> {
  const workspace = env['WORKSPACE'] ?? cwd;
  const prNumber = parsePrNumber(env['CHANGE_ID']);
  const fromEnv = (env['CHANGE_URL'] && parseRepositoryUrl(env['CHANGE_URL'])) || (env['GIT_URL'] && parseRepositoryUrl(env['GIT_URL']));
  const checkout = { cwd: workspace, env };
  const [repository, sha] = await Promise.all([
    fromEnv || repositoryFromGit(checkout),
    jenkinsSha(checkout, prNumber !== null || (env['BRANCH_NAME'] ?? '').startsWith('PR-')),
  ]);
  return {
    repository,
    projectId: null,
    sha,
    pullRequest: prNumber,
    pullRequestFromFork: false,
    runUrl: env['BUILD_URL'] ?? null,
    eventName: null,
    apiUrl: env['GITHUB_API_URL'] || PUBLIC_API,
    workspace,
    cwd,
    env,
    tempDir: env['WORKSPACE_TMP'] || (env['WORKSPACE'] ? `${env['WORKSPACE']}@tmp` : os.tmpdir()),
    run: runIdentity(env, 'jenkins'),
  };
}

/**
 * GitLab CI/CD, from its predefined variables (docs: ci/variables/predefined_variables.md).
 * In a merged-results pipeline CI_COMMIT_SHA is the merge commit GitLab made,
 * and the MR's statuses live on its source branch's head,
 * CI_MERGE_REQUEST_SOURCE_BRANCH_SHA (empty in other pipelines); an MR
 * pipeline's CI_MERGE_REQUEST_IID is the MR its notes go on. The project is
 * named by CI_PROJECT_ID, what GitLab's API takes.
 */
export function gitlabContext(env: NodeJS.ProcessEnv, cwd: string): RunContext {
  const value = (name: string) => env[name]?.trim() || null;
  return {
    repository: parseProjectPath(value('CI_PROJECT_PATH')),
    projectId: value('CI_PROJECT_ID'),
    sha: value('CI_MERGE_REQUEST_SOURCE_BRANCH_SHA') ?? value('CI_COMMIT_SHA'),
    pullRequest: parsePrNumber(value('CI_MERGE_REQUEST_IID') ?? undefined),
    pullRequestFromFork: false,
    runUrl: value('CI_PIPELINE_URL'),
    eventName: value('CI_PIPELINE_SOURCE'),
    apiUrl: value('CI_API_V4_URL') ?? `${value('CI_SERVER_URL') ?? PUBLIC_GITLAB}/api/v4`,
    workspace: value('CI_PROJECT_DIR') ?? cwd,
    cwd,
    env,
    // GitLab has no per-job temp folder variable; the runner's builds folder is the checkout's parent, not scratch.
    tempDir: os.tmpdir(),
    run: runIdentity(env, 'gitlab'),
  };
}

/** `group/subgroup/project` → owner `group/subgroup`, repo `project`. */
function parseProjectPath(projectPath: string | null): RunContext['repository'] {
  const cut = projectPath?.lastIndexOf('/') ?? -1;
  if (!projectPath || cut <= 0 || cut === projectPath.length - 1) return null;
  return { owner: projectPath.slice(0, cut), repo: projectPath.slice(cut + 1) };
}

/** A terminal: whatever git says about the current folder; the CLI in a workflow's `run:` step: the workflow's context. */
export async function localContext(env: NodeJS.ProcessEnv, cwd: string): Promise<RunContext> {
  if (env['GITHUB_ACTIONS'] === 'true') return githubContext(env, cwd);
  // Two git processes at once: their start-up is paid on every step.
  const here = { cwd, env };
  const [repository, sha] = await Promise.all([repositoryFromGit(here), revParse(here, 'HEAD')]);
  return {
    repository,
    projectId: null,
    sha,
    pullRequest: parsePrNumber(env['MLOPS_CI_PULL_REQUEST']),
    pullRequestFromFork: false,
    runUrl: null,
    eventName: null,
    apiUrl: env['GITHUB_API_URL'] || PUBLIC_API,
    workspace: cwd,
    cwd,
    env,
    tempDir: os.tmpdir(),
    run: runIdentity(env, 'local'),
  };
}

/**
 * Made once per process: a step that nothing ties to a run (no CI variables,
 * no MLOPS_CI_RUN_ID) is a run of its own, started now.
 */
const THIS_PROCESS: RunIdentity = { id: `process:${new Date().toISOString()}/${process.pid}`, source: 'process' };

/**
 * Which run the step belongs to (RunIdentity): the CI's own run first — its
 * id is the one thing every step of the run sees alike — then MLOPS_CI_RUN_ID,
 * which a script chaining steps outside CI exports once, else this process.
 * A GitHub re-run (GITHUB_RUN_ATTEMPT) is a run of its own: on a self-hosted
 * runner it finds the first attempt's records in the workspace.
 */
export function runIdentity(env: NodeJS.ProcessEnv, ci: HostKind): RunIdentity {
  const value = (name: string) => env[name]?.trim() || null;
  const githubRun = ci === 'github' ? value('GITHUB_RUN_ID') : null;
  if (githubRun) return { id: `github:${githubRun}.${value('GITHUB_RUN_ATTEMPT') ?? '1'}`, source: 'github' };
  // Every job of a GitLab pipeline, a retried one too, shares its pipeline id: the jobs are steps of one run.
  const gitlabPipeline = ci === 'gitlab' ? value('CI_PIPELINE_ID') : null;
  if (gitlabPipeline) return { id: `gitlab:${value('CI_PROJECT_ID') ?? '?'}/${gitlabPipeline}`, source: 'gitlab' };
  const jenkinsBuild = ci === 'jenkins' ? (value('BUILD_TAG') ?? value('BUILD_URL')) : null;
  if (jenkinsBuild) return { id: `jenkins:${jenkinsBuild}`, source: 'jenkins' };
  const chosen = value('MLOPS_CI_RUN_ID');
  return chosen ? { id: `env:${chosen}`, source: 'env' } : THIS_PROCESS;
}

async function jenkinsSha(workspace: GitPlace, isPullRequest: boolean): Promise<string | null> {
  const head = await revParse(workspace, 'HEAD');
  if (!head || !isPullRequest) return head;
  const parents = await parentsOf(workspace, head);
  return parents.length === 2 ? (parents[0] as string) : head;
}

async function repositoryFromGit(at: GitPlace): Promise<RunContext['repository']> {
  const url = await remoteUrl(at);
  return url ? parseRepositoryUrl(url) : null;
}

function parseOwnerRepo(value: string | undefined): RunContext['repository'] {
  const [owner, repo, ...rest] = (value ?? '').split('/');
  return owner && repo && rest.length === 0 ? { owner, repo } : null;
}

function parsePrNumber(value: string | undefined): number | null {
  return value && /^\d+$/.test(value) ? Number(value) : null;
}

function readEventPayload(file: string | undefined): Record<string, unknown> | null {
  if (!file) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}
