/**
 * Annotations as GitHub receives them, under act: a syntax error in a
 * rules file and the rules the closest candidate failed come out as
 * `::error file=…,line=…` workflow commands, the file relative to the
 * workspace, so GitHub shows them on that line of the file and of the PR's
 * diff. act prints each such command it reads in its log (`❗  ::error …`).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findStep, runAct } from '../support/act.js';
import { ROOT, tempDir } from '../support/bundle.js';
import { startGitHubApi, type GitHubApiFake } from '../support/github-api/server.js';

const OWNER = 'acme';
const REPO = 'iris';
const TOKEN = 'ghs_act_annotations_token';
const HEAD = '1234567890abcdef1234567890abcdef12345678';
const PR = 7;

const WORKFLOW = `name: gate
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

function repo(): string {
  const dir = tempDir('act-annotations-');
  cpSync(path.join(ROOT, 'actions'), path.join(dir, 'actions'), { recursive: true });
  cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(path.join(dir, '.github', 'workflows', 'gate.yml'), WORKFLOW);
  mkdirSync(path.join(dir, 'gate'));
  writeFileSync(path.join(dir, 'gate', 'broken.rules'), '# the gate\naccuracy >= 0.9\nf1 >> 0.85\n');
  writeFileSync(path.join(dir, 'gate', 'gate.rules'), '# the gate\nf1 >= 0.85\naccuracy >= 0.9\n');
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
  await api.close();
  expect(api.violations).toEqual([]);
});

test('a rule syntax error and a failed rule are annotations on their line of the rules file', async () => {
  const run = await runAct({
    repoDir: repo(),
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
