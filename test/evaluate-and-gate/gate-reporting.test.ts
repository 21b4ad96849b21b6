/**
 * evaluate-and-gate reporting to GitHub, end to end: the real bundle (the
 * action entrypoint on a GitHub-like environment, the CLI on a Jenkins-like
 * one) against the local GitHub API whose every request and response is
 * validated against GitHub's OpenAPI description.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startGitHubApi, type GitHubApiFake } from '../support/github-api/server.js';
import { runActionEntrypoint, runBundle, tempDir } from '../support/bundle.js';

const OWNER = 'acme';
const REPO = 'models';
const TOKEN = 'ghs_test_token_0123456789';
const HEAD = 'a'.repeat(40);
const MERGE = 'e'.repeat(40);
const PR = 42;

let api: GitHubApiFake;
beforeEach(async () => {
  api = await startGitHubApi({ token: TOKEN });
});
afterEach(async () => {
  // Close first: a failed expectation must not leave the server holding jest open.
  await api.close();
  expect(api.violations).toEqual([]);
});

function metricsProject(rf: number, gb: number): string {
  const dir = tempDir('gate-gh-');
  for (const [name, accuracy] of [['rf', rf], ['gb', gb]] as const) {
    mkdirSync(path.join(dir, 'out', name), { recursive: true });
    writeFileSync(path.join(dir, 'out', name, 'metrics.json'), JSON.stringify({ accuracy }));
  }
  return dir;
}

/** The environment the Actions runner gives a JavaScript action on a pull_request event. */
function githubEnv(dir: string, event: 'pull_request' | 'push', inputs: Record<string, string>): Record<string, string> {
  const eventPath = path.join(dir, 'event.json');
  const payload =
    event === 'pull_request'
      ? { action: 'synchronize', number: PR, pull_request: { number: PR, head: { sha: HEAD, ref: 'feature' }, base: { ref: 'main' } } }
      : { ref: 'refs/heads/main', after: HEAD };
  writeFileSync(eventPath, JSON.stringify(payload));
  const runnerTemp = tempDir('runner-temp-');
  writeFileSync(path.join(runnerTemp, 'output'), '');
  writeFileSync(path.join(runnerTemp, 'summary'), '');
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: event === 'pull_request' ? MERGE : HEAD,
    GITHUB_API_URL: api.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '1234',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: path.join(runnerTemp, 'output'),
    GITHUB_STEP_SUMMARY: path.join(runnerTemp, 'summary'),
    'INPUT_GITHUB-TOKEN': TOKEN,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
}

/** Parses GITHUB_OUTPUT's `name<<DELIMITER` blocks as the runner does. */
function readGitHubOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const value: string[] = [];
    while (lines[++i] !== match[2]) value.push(lines[i]!);
    outputs[match[1]!] = value.join('\n');
  }
  return outputs;
}

const gateInputs = { metrics: 'out/*/metrics.json', rules: 'accuracy >= 0.9', select: 'max:accuracy' };

describe('on GitHub Actions (the action entrypoint)', () => {
  beforeEach(() => {
    api.state.seedPull(OWNER, REPO, { number: PR, head: { ref: 'feature', sha: HEAD } });
  });

  test('a pull_request: pending then success on the PR head, a sticky comment, outputs and summary', async () => {
    const dir = metricsProject(0.95, 0.93);
    const env = githubEnv(dir, 'pull_request', gateInputs);
    const run = await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env });
    expect(run.code).toBe(0);

    const statuses = api.state.statuses(OWNER, REPO, HEAD).map((s) => [s.state, s.context]);
    expect(statuses).toEqual(expect.arrayContaining([['pending', 'mlops-ci/gate'], ['success', 'mlops-ci/gate']]));
    expect(api.state.statuses(OWNER, REPO, MERGE)).toEqual([]);
    const final = api.state.latestStatuses(OWNER, REPO, HEAD)[0]!;
    expect(final.description).toBe('Passed: best rf (2/2 candidates pass)');
    expect(final.targetUrl).toBe(`https://github.com/${OWNER}/${REPO}/actions/runs/1234`);

    const comments = api.state.comments(OWNER, REPO, PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('<!-- mlops-ci:evaluate-and-gate:mlops-ci/gate -->');
    expect(comments[0]!.body).toContain('passed — best: **rf**');
    expect(comments[0]!.body).toContain('```mermaid');

    expect(readGitHubOutputs(env.GITHUB_OUTPUT!)).toMatchObject({ passed: 'true', best: 'rf' });
    expect(readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8')).toContain('passed — best: **rf**');
    // The token is registered with the runner's masking command and appears nowhere else.
    const mentions = (run.stdout + run.stderr).split('\n').filter((line) => line.includes(TOKEN));
    expect(mentions).toEqual([`::add-mask::${TOKEN}`]);
  });

  test('the sticky comment is found past 150 other comments and updated in place, not duplicated', async () => {
    const dir = metricsProject(0.95, 0.93);
    api.state.seedComments(OWNER, REPO, PR, 20);
    await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env: githubEnv(dir, 'pull_request', gateInputs) });
    api.state.seedComments(OWNER, REPO, PR, 150);
    const sticky = api.state.comments(OWNER, REPO, PR).filter((c) => c.body.includes('mlops-ci:evaluate-and-gate'));
    expect(sticky).toHaveLength(1);

    // when the PR changes and the gate runs again, now failing
    const worse = metricsProject(0.85, 0.8);
    const rerun = await runActionEntrypoint('evaluate-and-gate', { cwd: worse, env: githubEnv(worse, 'pull_request', gateInputs) });

    // then the same comment carries the new verdict, and the status is a failure naming the best-ranked candidate's rule
    expect(rerun.code).toBe(3);
    const after = api.state.comments(OWNER, REPO, PR);
    expect(after).toHaveLength(171);
    const updated = after.filter((c) => c.body.includes('mlops-ci:evaluate-and-gate'));
    expect(updated.map((c) => c.id)).toEqual([sticky[0]!.id]);
    expect(updated[0]!.body).toContain('did not pass — **rf** failed `accuracy >= 0.9` (accuracy = 0.85) · 1 other candidate failed');
    expect(updated[0]!.body).toContain('❌ fail');
    const listCalls = api.requests.filter((r) => r.operationId === 'issues/list-comments' && r.method === 'GET');
    expect(listCalls.length).toBeGreaterThanOrEqual(2);
    expect(api.state.latestStatuses(OWNER, REPO, HEAD)[0]).toMatchObject({ state: 'failure', description: 'Failed: rf: accuracy >= 0.9 (accuracy = 0.85); 1 other candidate failed' });
  });

  test('two gates on one PR keep two sticky comments (the context is in the marker)', async () => {
    const dir = metricsProject(0.95, 0.93);
    await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env: githubEnv(dir, 'pull_request', gateInputs) });
    await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env: githubEnv(dir, 'pull_request', { ...gateInputs, 'status-context': 'mlops-ci/latency' }) });
    await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env: githubEnv(dir, 'pull_request', gateInputs) });
    expect(api.state.comments(OWNER, REPO, PR)).toHaveLength(2);
  });

  test('comment: new adds a comment per run; off adds none', async () => {
    const dir = metricsProject(0.95, 0.93);
    for (let i = 0; i < 2; i++) await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env: githubEnv(dir, 'pull_request', { ...gateInputs, comment: 'new' }) });
    await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env: githubEnv(dir, 'pull_request', { ...gateInputs, comment: 'off' }) });
    expect(api.state.comments(OWNER, REPO, PR)).toHaveLength(2);
  });

  test('check-run: true creates a completed check run with the report', async () => {
    const dir = metricsProject(0.95, 0.93);
    const run = await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env: githubEnv(dir, 'pull_request', { ...gateInputs, 'check-run': 'true' }) });
    expect(run.code).toBe(0);
    const [check] = api.state.checkRuns(OWNER, REPO, HEAD);
    expect(check).toMatchObject({ name: 'mlops-ci/gate', status: 'completed', conclusion: 'success' });
    expect(check!.output.summary).toContain('passed — best: **rf**');
  });

  test('a report over GitHub’s limits is cut with a note in the check run and the comment, never refused', async () => {
    const dir = tempDir('gate-big-');
    for (let i = 0; i < 300; i++) {
      const name = `candidate-with-a-rather-long-descriptive-name-${String(i).padStart(3, '0')}`;
      mkdirSync(path.join(dir, 'out', name), { recursive: true });
      writeFileSync(path.join(dir, 'out', name, 'metrics.json'), JSON.stringify({ accuracy: 0.9 + i / 10_000, f1: 0.9, loss: 0.1 }));
    }
    const inputs = { metrics: 'out/*/metrics.json', rules: 'accuracy >= 0.9\nf1 >= 0.85\nloss <= 0.2', select: 'max:accuracy', 'check-run': 'true' };
    const run = await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env: githubEnv(dir, 'pull_request', inputs) });
    expect(run.code).toBe(0);
    const [check] = api.state.checkRuns(OWNER, REPO, HEAD);
    expect(check!.output.summary!.length).toBeLessThanOrEqual(65_535);
    expect(check!.output.summary).toContain('The report was cut to fit GitHub’s 65,535-character limit');
    const [comment] = api.state.comments(OWNER, REPO, PR);
    expect(comment!.body.length).toBeLessThanOrEqual(65_536);
    expect(comment!.body).toContain('The report was cut to fit GitHub’s comment size limit');
  });

  test('a push event: status on the pushed sha, no comment', async () => {
    const dir = metricsProject(0.95, 0.93);
    const run = await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env: githubEnv(dir, 'push', gateInputs) });
    expect(run.code).toBe(0);
    expect(api.state.latestStatuses(OWNER, REPO, HEAD)[0]?.state).toBe('success');
    expect(api.state.comments(OWNER, REPO, PR)).toEqual([]);
    expect(run.stdout).toContain('No pull request in this run: no PR comment.');
  });

  test('no token: a clear notice, no call to GitHub, the gate still decides', async () => {
    const dir = metricsProject(0.95, 0.93);
    const env = githubEnv(dir, 'pull_request', gateInputs);
    delete env['INPUT_GITHUB-TOKEN'];
    const run = await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('::notice::Not reporting to GitHub (no github-token was given)');
    expect(api.requests).toEqual([]);
  });
});

describe('check runs with a personal token', () => {
  test('are refused by GitHub: a warning that says why, the status still lands', async () => {
    await api.close();
    api = await startGitHubApi({ token: TOKEN, tokenType: 'personal' });
    api.state.seedPull(OWNER, REPO, { number: PR, head: { ref: 'feature', sha: HEAD } });
    const dir = metricsProject(0.95, 0.93);
    const run = await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env: githubEnv(dir, 'pull_request', { ...gateInputs, 'check-run': 'true' }) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/::warning::Could not report check run 'mlops-ci\/gate': .*only a GitHub App token or GITHUB_TOKEN can create check runs/);
    expect(api.state.latestStatuses(OWNER, REPO, HEAD)[0]?.state).toBe('success');
  });
});

describe('on Jenkins (the CLI bundle with a Jenkins environment)', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, env: { ...process.env, GIT_AUTHOR_NAME: 'j', GIT_AUTHOR_EMAIL: 'j@j', GIT_COMMITTER_NAME: 'j', GIT_COMMITTER_EMAIL: 'j@j' } })
      .toString()
      .trim();

  /** A workspace as a multibranch PR build leaves it: HEAD merges main into the PR head. */
  function prMergeWorkspace(): { dir: string; prHead: string; merge: string } {
    const dir = metricsProject(0.95, 0.93);
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'base');
    git(dir, 'checkout', '-qb', 'feature');
    writeFileSync(path.join(dir, 'change.txt'), 'pr');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'the PR');
    const prHead = git(dir, 'rev-parse', 'HEAD');
    git(dir, 'checkout', '-q', 'main');
    writeFileSync(path.join(dir, 'main.txt'), 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'main moves');
    git(dir, 'checkout', '-q', '--detach', prHead);
    git(dir, 'merge', '-q', '--no-edit', 'main');
    return { dir, prHead, merge: git(dir, 'rev-parse', 'HEAD') };
  }

  test('the status and comment land on the PR head (HEAD^1), outputs come back in MLOPS_CI_OUTPUTS', async () => {
    const { dir, prHead, merge } = prMergeWorkspace();
    api.state.seedPull(OWNER, REPO, { number: PR, head: { ref: 'feature', sha: prHead } });
    const outputs = path.join(tempDir('jenkins-out-'), 'outputs.json');
    const run = await runBundle(['evaluate-and-gate'], {
      cwd: dir,
      env: {
        JENKINS_URL: 'https://jenkins.example/',
        BUILD_URL: `https://jenkins.example/job/models/job/PR-${PR}/7/`,
        WORKSPACE: dir,
        BRANCH_NAME: `PR-${PR}`,
        CHANGE_ID: String(PR),
        CHANGE_URL: `https://github.com/${OWNER}/${REPO}/pull/${PR}`,
        GIT_COMMIT: merge,
        GITHUB_API_URL: api.url,
        MLOPS_CI_INPUTS: JSON.stringify({ metrics: ['out/*/metrics.json'], rules: 'accuracy >= 0.9', select: 'max:accuracy' }),
        MLOPS_CI_SECRET_GITHUB_TOKEN: TOKEN,
        MLOPS_CI_OUTPUTS: outputs,
      },
    });
    expect(run.code).toBe(0);
    expect(api.state.statuses(OWNER, REPO, prHead).map((s) => s.state)).toEqual(expect.arrayContaining(['pending', 'success']));
    expect(api.state.statuses(OWNER, REPO, merge)).toEqual([]);
    expect(api.state.latestStatuses(OWNER, REPO, prHead)[0]?.targetUrl).toBe(`https://jenkins.example/job/models/job/PR-${PR}/7/`);
    expect(api.state.comments(OWNER, REPO, PR)).toHaveLength(1);
    expect(JSON.parse(readFileSync(outputs, 'utf8'))).toMatchObject({ passed: 'true', best: 'rf' });
    expect(run.stderr + run.stdout).not.toContain(TOKEN);
  });
});
