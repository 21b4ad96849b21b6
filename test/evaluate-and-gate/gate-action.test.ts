/**
 * The evaluate-and-gate action as users run it: a workflow with
 * `uses: ./actions/evaluate-and-gate` (the generated action.yml and the
 * committed dist/), run by act in host mode on a pull_request event, reporting
 * to the local GitHub API that validates every call against GitHub's OpenAPI.
 * On every runtime of test/support/runtimes.ts (Node 20 and 24). And the
 * annotations GitHub receives: a syntax error in a rules file and the rules
 * the closest candidate failed come out as `::error file=…,line=…` workflow
 * commands, the file relative to the workspace, so GitHub shows them on that
 * line of the file and of the PR's diff (act prints each one it reads).
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

/** A committed repository with the actions, dist/, the workflow and `files` (path → text). */
function repoWith(workflowText: string, files: Record<string, string> = {}): string {
  const dir = tempDir('act-gate-');
  cpSync(path.join(ROOT, 'actions'), path.join(dir, 'actions'), { recursive: true });
  cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(path.join(dir, '.github', 'workflows', 'gate.yml'), workflowText);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
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

const ANNOTATIONS_WORKFLOW = `name: gate
on: pull_request
jobs:
  gate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: train (stand-in)
        run: |
          mkdir -p out/rf out/gb
          echo '{"accuracy": 0.85, "f1": 0.9}' > out/rf/metrics.json
          echo '{"accuracy": 0.8, "f1": 0.7}' > out/gb/metrics.json
      - id: broken
        continue-on-error: true
        uses: ./actions/evaluate-and-gate
        with:
          metrics: out/*/metrics.json
          rules-file: gate/broken.rules
          comment: 'off'
      - id: failing
        continue-on-error: true
        uses: ./actions/evaluate-and-gate
        with:
          metrics: out/*/metrics.json
          rules-file: gate/gate.rules
          comment: 'off'
`;

test('a rule syntax error and a failed rule are annotations on their line of the rules file', async () => {
  const run = await runAct({
    repoDir: repoWith(ANNOTATIONS_WORKFLOW, {
      'gate/broken.rules': '# the gate\naccuracy >= 0.9\nf1 >> 0.85\n',
      'gate/gate.rules': '# the gate\nf1 >= 0.85\naccuracy >= 0.9\n',
    }),
    workflow: '.github/workflows/gate.yml',
    event: 'pull_request',
    payload,
    env: { GITHUB_API_URL: api.url },
    secrets: { GITHUB_TOKEN: TOKEN },
    timeoutMs: 120_000,
  });
  if (!run.output.includes('file=gate/gate.rules,line=3')) console.log(run.output);
  expect(findStep(run, 'broken')?.result).toBe('failure');
  expect(findStep(run, 'failing')?.result).toBe('failure');

  // The syntax error: the file relative to the workspace, its line and column.
  expect(run.output).toMatch(/::error file=gate\/broken\.rules,line=3,col=5::input 'rules-file': gate\/broken\.rules: line 3, column 5: /);
  // rf failed one rule, gb two: rf's failed rule, on its line, as an error (on-fail is fail).
  expect(run.output).toMatch(/::error title=mlops-ci\/gate,file=gate\/gate\.rules,line=3::rf failed the rule 'accuracy >= 0\.9' \(accuracy = 0\.85\)/);
  expect(run.output).not.toMatch(/::error [^\n]*line=2::rf failed/);
}, 150_000);
