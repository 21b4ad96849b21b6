import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { githubContext, gitlabContext, jenkinsContext, localContext, runIdentity } from '../../src/host/context.js';
import { detectHostKind } from '../../src/host/detect.js';
import { parseRepositoryUrl } from '../../src/scm/git.js';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } })
    .toString()
    .trim();

/** A repo whose HEAD merges the PR head (first parent) with main, as Jenkins' PR-* builds do. */
function repoWithPrMerge(): { dir: string; prHead: string; merge: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ctx-'));
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'remote', 'add', 'origin', 'https://github.com/acme/models.git');
  writeFileSync(path.join(dir, 'a'), '1');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'base');
  git(dir, 'checkout', '-qb', 'pr');
  writeFileSync(path.join(dir, 'b'), '2');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'pr change');
  const prHead = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-q', 'main');
  writeFileSync(path.join(dir, 'c'), '3');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'main moves on');
  git(dir, 'checkout', '-q', 'pr');
  git(dir, 'merge', '-q', '--no-edit', 'main');
  return { dir, prHead, merge: git(dir, 'rev-parse', 'HEAD') };
}

describe('detectHostKind', () => {
  test.each([
    [{ GITHUB_ACTIONS: 'true' }, 'github'],
    [{ JENKINS_URL: 'http://j/' }, 'jenkins'],
    [{ BUILD_URL: 'http://j/job/1/', WORKSPACE: '/w' }, 'jenkins'],
    [{ BUILD_URL: 'http://j/job/1/' }, 'local'],
    [{}, 'local'],
    [{ GITLAB_CI: 'true' }, 'gitlab'],
    [{ GITLAB_CI: 'true', JENKINS_URL: 'http://j/' }, 'gitlab'],
    [{ GITLAB_CI: 'false' }, 'local'],
  ])('%p → %s', (env, kind) => expect(detectHostKind(env)).toBe(kind));

  test('GitLab: the CLI is the gitlab host; a GitHub action invocation still wins', () => {
    expect(detectHostKind({ GITLAB_CI: 'true' }, 'cli')).toBe('gitlab');
    expect(detectHostKind({ GITLAB_CI: 'true', GITHUB_ACTIONS: 'true' }, 'action')).toBe('github');
    expect(detectHostKind({ GITLAB_CI: 'true', GITHUB_ACTIONS: 'true' }, 'cli')).toBe('gitlab');
  });

  test('the CLI in a workflow run: step is not the github host (its inputs are its arguments)', () => {
    expect(detectHostKind({ GITHUB_ACTIONS: 'true' }, 'cli')).toBe('local');
    expect(detectHostKind({ GITHUB_ACTIONS: 'true' }, 'action')).toBe('github');
  });
});

describe('githubContext', () => {
  test('a pull_request event puts statuses on the PR head, not the merge sha', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'evt-'));
    const event = path.join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { number: 7, head: { sha: 'a'.repeat(40) } } }));
    const ctx = githubContext({
      GITHUB_REPOSITORY: 'acme/models',
      GITHUB_SHA: 'm'.repeat(40),
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_SERVER_URL: 'https://ghe.example',
      GITHUB_API_URL: 'https://ghe.example/api/v3',
      GITHUB_RUN_ID: '99',
      GITHUB_RUN_ATTEMPT: '2',
      RUNNER_TEMP: '/runner/tmp',
    }, dir);
    expect(ctx).toMatchObject({
      repository: { owner: 'acme', repo: 'models' },
      sha: 'a'.repeat(40),
      pullRequest: 7,
      runUrl: 'https://ghe.example/acme/models/actions/runs/99/attempts/2',
      apiUrl: 'https://ghe.example/api/v3',
      tempDir: '/runner/tmp',
      eventName: 'pull_request',
    });
    rmSync(dir, { recursive: true });
  });

  test.each<[string, Record<string, unknown>, boolean]>([
    ['head in another repository', { head: { sha: 'a'.repeat(40), repo: { full_name: 'contributor/models' } }, base: { repo: { full_name: 'acme/models' } } }, true],
    ['head repository deleted', { head: { sha: 'a'.repeat(40), repo: null }, base: { repo: { full_name: 'acme/models' } } }, true],
    ['head in the same repository (any case)', { head: { sha: 'a'.repeat(40), repo: { full_name: 'Acme/Models' } }, base: { repo: { full_name: 'acme/models' } } }, false],
    ['no repositories in the payload', { head: { sha: 'a'.repeat(40) } }, false],
  ])('a pull request from a fork: %s → %s', (_name, pullRequest, fromFork) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ctx-fork-'));
    const event = path.join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { number: 7, ...pullRequest } }));
    expect(githubContext({ GITHUB_REPOSITORY: 'acme/models', GITHUB_EVENT_PATH: event }, dir).pullRequestFromFork).toBe(fromFork);
    rmSync(dir, { recursive: true });
  });

  test('a push event uses GITHUB_SHA and has no PR', () => {
    const ctx = githubContext({ GITHUB_REPOSITORY: 'acme/models', GITHUB_SHA: 'b'.repeat(40), GITHUB_EVENT_NAME: 'push' }, os.tmpdir());
    expect(ctx).toMatchObject({ sha: 'b'.repeat(40), pullRequest: null, pullRequestFromFork: false, apiUrl: 'https://api.github.com' });
  });
});

describe('jenkinsContext', () => {
  test('a PR-* build whose HEAD is a merge reports on HEAD^1, the PR head', async () => {
    const { dir, prHead, merge } = repoWithPrMerge();
    const ctx = await jenkinsContext({
      WORKSPACE: dir,
      CHANGE_ID: '12',
      BRANCH_NAME: 'PR-12',
      CHANGE_URL: 'https://github.com/acme/models/pull/12',
      BUILD_URL: 'https://jenkins.example/job/models/job/PR-12/3/',
      GIT_COMMIT: 'f'.repeat(40),
    }, dir);
    expect(ctx.sha).toBe(prHead);
    expect(ctx.sha).not.toBe(merge);
    expect(ctx).toMatchObject({ pullRequest: 12, repository: { owner: 'acme', repo: 'models' }, runUrl: 'https://jenkins.example/job/models/job/PR-12/3/' });
    rmSync(dir, { recursive: true });
  });

  test('a branch build keeps HEAD even when it is a merge, and finds the repo from git', async () => {
    const { dir, merge } = repoWithPrMerge();
    const ctx = await jenkinsContext({ WORKSPACE: dir, BRANCH_NAME: 'main' }, dir);
    expect(ctx).toMatchObject({ sha: merge, pullRequest: null, repository: { owner: 'acme', repo: 'models' }, tempDir: `${dir}@tmp` });
    rmSync(dir, { recursive: true });
  });
});

describe('gitlabContext', () => {
  const pipeline = {
    CI_PROJECT_ID: '42',
    CI_PROJECT_PATH: 'acme/vision/models',
    CI_PROJECT_DIR: '/builds/acme/vision/models',
    CI_COMMIT_SHA: 'm'.repeat(40),
    CI_PIPELINE_ID: '1001',
    CI_PIPELINE_URL: 'https://gitlab.example/acme/vision/models/-/pipelines/1001',
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_API_V4_URL: 'https://gitlab.example/api/v4',
  };

  test('a merge request pipeline: the MR, the pipeline link, the API, the project by id and by path', () => {
    const ctx = gitlabContext({ ...pipeline, CI_MERGE_REQUEST_IID: '7' }, '/builds/acme/vision/models/sub');
    expect(ctx).toMatchObject({
      repository: { owner: 'acme/vision', repo: 'models' },
      projectId: '42',
      sha: 'm'.repeat(40),
      pullRequest: 7,
      pullRequestFromFork: false,
      runUrl: 'https://gitlab.example/acme/vision/models/-/pipelines/1001',
      eventName: 'merge_request_event',
      apiUrl: 'https://gitlab.example/api/v4',
      workspace: '/builds/acme/vision/models',
      cwd: '/builds/acme/vision/models/sub',
      run: { id: 'gitlab:42/1001', source: 'gitlab' },
    });
  });

  test('a merged-results pipeline reports on the source branch head, not the merge commit GitLab made', () => {
    const ctx = gitlabContext({ ...pipeline, CI_MERGE_REQUEST_IID: '7', CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: 'a'.repeat(40) }, '/w');
    expect(ctx.sha).toBe('a'.repeat(40));
  });

  test('a branch pipeline: CI_COMMIT_SHA, no MR (GitLab leaves the MR variables empty or unset)', () => {
    const ctx = gitlabContext({ ...pipeline, CI_PIPELINE_SOURCE: 'push', CI_MERGE_REQUEST_IID: '', CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: '' }, '/w');
    expect(ctx).toMatchObject({ sha: 'm'.repeat(40), pullRequest: null, eventName: 'push' });
  });

  test('without CI_API_V4_URL the API is under CI_SERVER_URL, else gitlab.com; an unknown project has no repository', () => {
    expect(gitlabContext({ CI_SERVER_URL: 'https://gl.internal' }, '/w')).toMatchObject({ apiUrl: 'https://gl.internal/api/v4', repository: null, projectId: null, sha: null });
    expect(gitlabContext({}, '/w').apiUrl).toBe('https://gitlab.com/api/v4');
  });
});

describe('localContext', () => {
  test('outside a git repository there is no repo and no sha', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nogit-'));
    const ctx = await localContext({ GIT_CEILING_DIRECTORIES: path.dirname(dir) }, dir);
    expect(ctx).toMatchObject({ repository: null, sha: null, pullRequest: null, runUrl: null });
    rmSync(dir, { recursive: true });
  });
});

describe('runIdentity: which run a step belongs to', () => {
  test.each([
    ['a GitHub run and its attempt', 'github', { GITHUB_RUN_ID: '99', GITHUB_RUN_ATTEMPT: '2' }, { id: 'github:99.2', source: 'github' }],
    ['a GitHub run without an attempt is attempt 1', 'github', { GITHUB_RUN_ID: '99' }, { id: 'github:99.1', source: 'github' }],
    ['GitHub: the run wins over MLOPS_CI_RUN_ID', 'github', { GITHUB_RUN_ID: '99', MLOPS_CI_RUN_ID: 'mine' }, { id: 'github:99.1', source: 'github' }],
    ['a Jenkins build by its BUILD_TAG', 'jenkins', { BUILD_TAG: 'jenkins-iris-41', BUILD_URL: 'https://j/job/iris/41/' }, { id: 'jenkins:jenkins-iris-41', source: 'jenkins' }],
    ['a Jenkins build without BUILD_TAG by its BUILD_URL', 'jenkins', { BUILD_URL: 'https://j/job/iris/41/' }, { id: 'jenkins:https://j/job/iris/41/', source: 'jenkins' }],
    ['a GitLab pipeline by its project and pipeline ids', 'gitlab', { CI_PROJECT_ID: '42', CI_PIPELINE_ID: '1001', MLOPS_CI_RUN_ID: 'mine' }, { id: 'gitlab:42/1001', source: 'gitlab' }],
    ['a GitLab job without CI_PIPELINE_ID falls back to MLOPS_CI_RUN_ID', 'gitlab', { CI_PROJECT_ID: '42', MLOPS_CI_RUN_ID: 'mine' }, { id: 'env:mine', source: 'env' }],
    ['a terminal with MLOPS_CI_RUN_ID', 'local', { MLOPS_CI_RUN_ID: ' nightly-7 ' }, { id: 'env:nightly-7', source: 'env' }],
    ['a terminal ignores the CI variables it does not run under', 'local', { GITHUB_RUN_ID: '99', BUILD_TAG: 'jenkins-x-1' }, { source: 'process' }],
  ] as const)('%s', (_name, ci, env, expected) => {
    expect(runIdentity(env, ci)).toMatchObject(expected);
  });

  test('with nothing to name the run, this process is the run: the same id for its whole life', () => {
    const first = runIdentity({}, 'local');
    expect(first.id).toMatch(new RegExp(`^process:\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z/${process.pid}$`));
    expect(runIdentity({ MLOPS_CI_RUN_ID: '' }, 'local')).toEqual(first);
  });

  test('the CLI in a workflow run: step belongs to the workflow run', async () => {
    const ctx = await localContext({ GITHUB_ACTIONS: 'true', GITHUB_RUN_ID: '5', GITHUB_RUN_ATTEMPT: '3' }, os.tmpdir());
    expect(ctx.run).toEqual({ id: 'github:5.3', source: 'github' });
  });
});

describe('parseRepositoryUrl', () => {
  test.each([
    ['https://github.com/acme/models.git', 'acme/models'],
    ['https://github.com/acme/models', 'acme/models'],
    ['git@github.com:acme/models.git', 'acme/models'],
    ['https://github.com/acme/models/pull/12', 'acme/models'],
    ['ssh://git@ghe.example/acme/models.git', 'acme/models'],
    ['not a url', null],
  ])('%s → %s', (url, expected) => {
    const parsed = parseRepositoryUrl(url);
    expect(parsed ? `${parsed.owner}/${parsed.repo}` : null).toBe(expected);
  });
});
