/**
 * The iris workflow (.github/workflows/iris.yml) end to end, as GitHub would
 * run it: nektos/act in host mode, the local actions and the committed dist/,
 * training in the real Docker engine (image mlops-ci-python:bookworm), the
 * gate reporting to the local GitHub API (validated against GitHub's
 * OpenAPI), promotion to a registry folder that outlives the act runs.
 *
 * In one registry, in order: a pull_request run gates both models (status and
 * sticky comment on the PR head from the payload; no production yet, so the
 * baseline rule is skipped) and promotes to staging; a push to main promotes to
 * production (checked with `promote-model --describe iris@production` and its
 * lineage); the PR again gates against production with the statistical rule
 * and edits its comment in place; a PR whose training is degraded fails the
 * gate, the job and the status, and promotes nothing.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findStep, runAct } from '../support/act.js';
import { ROOT, runBundle, tempDir } from '../support/bundle.js';
import { startGitHubApi, type GitHubApiFake } from '../support/github-api/server.js';

const OWNER = 'acme';
const REPO = 'iris';
const TOKEN = 'ghs_e2e_iris_token';
const HEAD = 'abcdefabcdefabcdefabcdefabcdefabcdef1234';
const PR = 12;
const WORSE_HEAD = '9876543210fedcba9876543210fedcba98765432';
const WORSE_PR = 13;
const repository = { full_name: `${OWNER}/${REPO}`, name: REPO, owner: { login: OWNER } };
const prPayload = (number: number, sha: string, ref: string) => ({
  action: 'synchronize',
  number,
  pull_request: { number, head: { sha, ref }, base: { ref: 'main' } },
  repository,
});
const WORKFLOW = '.github/workflows/iris.yml';

/** A git repo holding the git-tracked files of actions/, dist/, examples/iris and the workflow. */
function repo(): string {
  const dir = tempDir('e2e-iris-');
  const tracked = execFileSync('git', ['ls-files', '-z', '--', 'actions', 'dist', 'examples/iris'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of [...tracked, WORKFLOW]) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(dir, file));
  }
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'init');
  return dir;
}

let api: GitHubApiFake;
beforeAll(async () => {
  api = await startGitHubApi({ token: TOKEN });
  api.state.seedPull(OWNER, REPO, { number: PR, head: { ref: 'tune-rf', sha: HEAD } });
  api.state.seedPull(OWNER, REPO, { number: WORSE_PR, head: { ref: 'shuffle-labels', sha: WORSE_HEAD } });
});
afterAll(async () => {
  await api.close();
  expect(api.violations).toEqual([]);
});

test('iris.yml: a PR gates onto its head and promotes to staging, main promotes to production, a degraded PR fails the gate', async () => {
  const dir = repo();
  const example = path.join(dir, 'examples', 'iris');
  const registry = path.join(example, '.mlops-ci', 'registry');
  const cacheDir = tempDir('e2e-iris-actcache-');
  // The commit a push to main runs on (act's GITHUB_SHA: HEAD of the repo); GitHub knows it.
  const mainSha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
  api.state.setBranch(OWNER, REPO, 'main', mainSha);
  const common = {
    repoDir: dir,
    workflow: WORKFLOW,
    env: { GITHUB_API_URL: api.url, MLOPS_CI_REGISTRY: registry },
    secrets: { GITHUB_TOKEN: TOKEN },
    cacheDir, // the second run restores the env from act's cache server
    timeoutMs: 600_000,
  };

  // --- pull_request ---
  const pr = await runAct({
    ...common,
    event: 'pull_request',
    payload: prPayload(PR, HEAD, 'tune-rf'),
  });
  if (pr.exitCode !== 0) console.log(pr.output);
  expect(pr.exitCode).toBe(0);
  expect(pr.jobResults).toEqual({ pipeline: 'success' });
  expect(findStep(pr, 'train-rf')?.outputs).toMatchObject({ 'exit-code': '0' });
  expect(findStep(pr, 'train-gb')?.outputs).toMatchObject({ 'exit-code': '0' });
  expect(findStep(pr, 'gate')?.outputs).toMatchObject({ passed: 'true', best: 'rf' });
  expect(findStep(pr, 'promote')?.outputs).toMatchObject({ version: '1' });
  expect(pr.output).toContain('promoted iris version 1 (rf) to staging');
  expect(api.state.latestStatuses(OWNER, REPO, HEAD)[0]).toMatchObject({ state: 'success', context: 'mlops-ci/gate' });
  const comments = api.state.comments(OWNER, REPO, PR);
  expect(comments).toHaveLength(1);
  expect(comments[0]!.body).toContain('passed — best: **rf**');
  expect(pr.output).not.toContain(TOKEN);

  // --- push to main ---
  const push = await runAct({
    ...common,
    event: 'push',
    payload: { ref: 'refs/heads/main', before: '0'.repeat(40), after: mainSha, deleted: false, repository },
  });
  if (push.exitCode !== 0) console.log(push.output);
  expect(push.exitCode).toBe(0);
  expect(findStep(push, 'gate')?.outputs).toMatchObject({ passed: 'true', best: 'rf' });
  expect(findStep(push, 'promote')?.outputs).toMatchObject({ version: '2' });
  expect(push.output).toContain('promoted iris version 2 (rf) to production');
  // The push run's status goes on the pushed commit; a push has no PR, so no new comment.
  expect(api.state.latestStatuses(OWNER, REPO, mainSha)[0]).toMatchObject({ state: 'success', context: 'mlops-ci/gate' });
  expect(api.state.comments(OWNER, REPO, PR)).toHaveLength(1);

  expect(existsSync(registry)).toBe(true);
  const described = await runBundle(['promote-model', '--describe', 'iris@production'], { cwd: example });
  if (described.code !== 0) console.log(described.stderr);
  expect(described.code).toBe(0);
  const production = JSON.parse(described.stdout) as Record<string, unknown>;
  expect(production).toMatchObject({ version: '2' });
  // The lineage ties the version to what this run used.
  const lineage = JSON.parse(readFileSync(production['lineage'] as string, 'utf8')) as {
    data: { digest: string };
    image: { digest: string };
    files: { path: string }[];
  };
  expect(lineage).toMatchObject({
    status: 'ready',
    model: 'iris',
    git: { commit: mainSha, repository: `${OWNER}/${REPO}` },
    data: { digest: findStep(push, 'data')?.outputs['digest'] },
    env: { fingerprint: findStep(push, 'env')?.outputs['fingerprint'] },
    image: { digest: findStep(push, 'train-rf')?.outputs['image-digest'] },
    gate: { passed: true, best: 'rf' },
  });
  expect(lineage.data.digest).toMatch(/^[0-9a-f]{64}$/);
  expect(lineage.image.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(lineage.files.map((f) => f.path).sort()).toEqual(['correct.json', 'metrics.json', 'model.pkl']);

  // --- the PR again, now that production exists: the statistical rule runs against
  // version 2's per-row scores, and the sticky comment is edited in place ---
  const again = await runAct({ ...common, event: 'pull_request', payload: prPayload(PR, HEAD, 'tune-rf') });
  if (again.exitCode !== 0) console.log(again.output);
  expect(again.exitCode).toBe(0);
  expect(again.output).toContain('baseline: iris@production = version 2');
  const verdict = JSON.parse(findStep(again, 'gate')?.outputs['results'] ?? '{}') as {
    passed: boolean;
    best: string;
    candidates: Record<string, { rules: { rule: string; verdict: string }[] }>;
  };
  expect(verdict).toMatchObject({ passed: true, best: 'rf' });
  const statistical = (name: string) => verdict.candidates[name]!.rules.find((r) => r.rule.includes('@ 95%'))!.verdict;
  expect(statistical('rf')).toBe('passed');
  expect(statistical('gb')).not.toBe('skipped');
  expect(findStep(again, 'promote')?.outputs).toMatchObject({ version: '3' });
  expect(again.output).toContain('promoted iris version 3 (rf) to staging');
  expect(api.state.comments(OWNER, REPO, PR)).toHaveLength(1);
  expect(api.state.latestStatuses(OWNER, REPO, HEAD)[0]).toMatchObject({ state: 'success', context: 'mlops-ci/gate' });

  // --- a PR whose training is degraded (labels shuffled before fit): the gate fails,
  // the job fails, the status and comment say which rule, nothing is promoted ---
  const trainPy = path.join(example, 'train.py');
  const source = readFileSync(trainPy, 'utf8');
  expect(source).toContain('model.fit(X_train, y_train)');
  writeFileSync(trainPy, source.replace('model.fit(X_train, y_train)', 'model.fit(X_train, y_train.sample(frac=1, random_state=0).to_numpy())'));
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-qam', 'degrade training'], { cwd: dir });
  const worse = await runAct({ ...common, event: 'pull_request', payload: prPayload(WORSE_PR, WORSE_HEAD, 'shuffle-labels') });
  expect(worse.exitCode).toBe(1);
  expect(worse.jobResults).toEqual({ pipeline: 'failure' });
  expect(findStep(worse, 'gate')?.outputs).toMatchObject({ passed: 'false', best: '' });
  expect(findStep(worse, 'promote')?.outputs['version']).toBeUndefined();
  const failed = api.state.latestStatuses(OWNER, REPO, WORSE_HEAD)[0]!;
  expect(failed).toMatchObject({ state: 'failure', context: 'mlops-ci/gate' });
  expect(failed.description).toContain('accuracy >= 0.9');
  const worseComments = api.state.comments(OWNER, REPO, WORSE_PR);
  expect(worseComments).toHaveLength(1);
  expect(worseComments[0]!.body).toContain('❌ fail');
  expect(worseComments[0]!.body).toContain('accuracy >= 0.9');
  // production and staging did not move
  const after = await runBundle(['promote-model', '--describe', 'iris@production'], { cwd: example });
  expect(JSON.parse(after.stdout)).toMatchObject({ version: '2' });
  const staging = await runBundle(['promote-model', '--describe', 'iris@staging'], { cwd: example });
  expect(JSON.parse(staging.stdout)).toMatchObject({ version: '3' });

  rmSync(dir, { recursive: true, force: true }); // kept when an expectation failed, for a look
  rmSync(cacheDir, { recursive: true, force: true });
}, 1_300_000);
