/**
 * The evaluate-and-gate action as users run it: a workflow with
 * `uses: ./actions/evaluate-and-gate` (the generated action.yml and the
 * committed dist/), run by act in host mode on a pull_request event, reporting
 * to the local GitHub API that validates every call against GitHub's OpenAPI.
 * On every runtime of test/support/runtimes.ts (Node 20 and 24).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findStep, runAct } from '../support/act.js';
import { ROOT, tempDir } from '../support/bundle.js';
import { RUNTIMES, versionOf } from '../support/runtimes.js';
import { startGitHubApi, type GitHubApiFake } from '../support/github-api/server.js';

const OWNER = 'acme';
const REPO = 'iris';
const TOKEN = 'ghs_act_gate_token';
const HEAD = '1234567890abcdef1234567890abcdef12345678';
const PR = 7;

const workflow = (rfAccuracy: number) => `name: gate
on: pull_request
jobs:
  gate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: train (stand-in)
        run: |
          mkdir -p out/rf out/gb
          echo '{"accuracy": ${rfAccuracy}, "f1": 0.9}' > out/rf/metrics.json
          echo '{"accuracy": 0.91, "f1": 0.9}' > out/gb/metrics.json
      - id: gate
        uses: ./actions/evaluate-and-gate
        with:
          metrics: |
            out/*/metrics.json
          rules: |
            accuracy >= 0.9
            f1 >= 0.85
          select: max:accuracy
          junit: gate-junit.xml
      - name: use the outputs
        run: echo "best=\${{ steps.gate.outputs.best }} passed=\${{ steps.gate.outputs.passed }}"
`;

function repoWith(workflowText: string): string {
  const dir = tempDir('act-gate-');
  cpSync(path.join(ROOT, 'actions'), path.join(dir, 'actions'), { recursive: true });
  cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(path.join(dir, '.github', 'workflows', 'gate.yml'), workflowText);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'init');
  return dir;
}

const payload = {
  action: 'synchronize',
  number: PR,
  pull_request: { number: PR, head: { sha: HEAD, ref: 'better-model' }, base: { ref: 'main' } },
  repository: { full_name: `${OWNER}/${REPO}`, name: REPO, owner: { login: OWNER } },
};

let api: GitHubApiFake;
beforeEach(async () => {
  api = await startGitHubApi({ token: TOKEN });
  api.state.seedPull(OWNER, REPO, { number: PR, head: { ref: 'better-model', sha: HEAD } });
});
afterEach(async () => {
  // Close first: a failed expectation must not leave the server holding jest open.
  await api.close();
  expect(api.violations).toEqual([]);
});

describe.each(RUNTIMES)('the gate action under act on $name', (runtime) => {
  test('a passing gate: status success on the PR head, a sticky comment, outputs for the next step', async () => {
    const run = await runAct({
      runtime,
      stepDebug: true,
      repoDir: repoWith(workflow(0.96)),
      workflow: '.github/workflows/gate.yml',
      event: 'pull_request',
      payload,
      env: { GITHUB_API_URL: api.url },
      secrets: { GITHUB_TOKEN: TOKEN },
      timeoutMs: 120_000,
    });
    if (run.exitCode !== 0) console.log(run.output);
    expect(run.exitCode).toBe(0);
    expect(run.output).toContain(`runs evaluate-and-gate on Node ${versionOf(runtime)}`);
    expect(findStep(run, 'gate')?.outputs).toMatchObject({ passed: 'true', best: 'rf' });
    expect(run.output).toContain('best=rf passed=true');
    expect(api.state.latestStatuses(OWNER, REPO, HEAD)[0]).toMatchObject({ state: 'success', context: 'mlops-ci/gate' });
    const comments = api.state.comments(OWNER, REPO, PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('passed — best: **rf**');
    expect(run.summary).toContain('passed — best: **rf**');
    expect(run.output).not.toContain(TOKEN);
  }, 150_000);

  test('a failing gate fails the job (exit 3) with a failure status naming the best-ranked candidate’s rule', async () => {
    const run = await runAct({
      runtime,
      repoDir: repoWith(workflow(0.85).replace('0.91', '0.8')),
      workflow: '.github/workflows/gate.yml',
      event: 'pull_request',
      payload,
      env: { GITHUB_API_URL: api.url },
      secrets: { GITHUB_TOKEN: TOKEN },
      timeoutMs: 120_000,
    });
    expect(run.exitCode).toBe(1);
    expect(run.jobResults).toEqual({ gate: 'failure' });
    expect(api.state.latestStatuses(OWNER, REPO, HEAD)[0]).toMatchObject({ state: 'failure', description: 'Failed: rf: accuracy >= 0.9 (accuracy = 0.85); 1 other candidate failed' });
    expect(api.state.comments(OWNER, REPO, PR)[0]!.body).toContain('❌ fail');
    expect(run.output).toContain('the gate did not pass');
  }, 150_000);
});
