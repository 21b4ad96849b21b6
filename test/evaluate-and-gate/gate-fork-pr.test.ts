/**
 * A pull request from a fork: GitHub runs its pull_request workflow with a
 * read-only GITHUB_TOKEN, and answers every status or comment with 403
 * "Resource not accessible by integration". The gate still decides, writes
 * its summary, report and outputs, and says once why it could not report —
 * the real bundle (the action entrypoint) against the local GitHub API.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startGitHubApi, type GitHubApiFake } from '../support/github-api/server.js';
import { runActionEntrypoint, tempDir } from '../support/bundle.js';

const OWNER = 'acme';
const REPO = 'models';
const TOKEN = 'ghs_fork_read_only_token_0123';
const HEAD = 'a'.repeat(40);
const PR = 42;
const FORK_SAYS = 'This looks like a pull request from a fork: GITHUB_TOKEN is read-only here';

let api: GitHubApiFake;
beforeEach(async () => {
  api = await startGitHubApi({ token: TOKEN, readOnly: true });
  api.state.seedPull(OWNER, REPO, { number: PR, head: { ref: 'feature', sha: HEAD } });
});
afterEach(async () => {
  await api.close();
  expect(api.violations).toEqual([]);
});

/** A passing gate's project, and the runner's environment for a pull_request whose head lives in `headRepo`. */
function forkRun(headRepo: string): { dir: string; env: Record<string, string> } {
  const dir = tempDir('gate-fork-');
  for (const [name, accuracy] of [['rf', 0.95], ['gb', 0.93]] as const) {
    mkdirSync(path.join(dir, 'out', name), { recursive: true });
    writeFileSync(path.join(dir, 'out', name, 'metrics.json'), JSON.stringify({ accuracy }));
  }
  const eventPath = path.join(dir, 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify({
      action: 'opened',
      number: PR,
      pull_request: { number: PR, head: { sha: HEAD, ref: 'feature', repo: { full_name: headRepo } }, base: { ref: 'main', repo: { full_name: `${OWNER}/${REPO}` } } },
    }),
  );
  const runnerTemp = tempDir('runner-temp-');
  writeFileSync(path.join(runnerTemp, 'output'), '');
  writeFileSync(path.join(runnerTemp, 'summary'), '');
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: 'e'.repeat(40),
    GITHUB_API_URL: api.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '1234',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: path.join(runnerTemp, 'output'),
    GITHUB_STEP_SUMMARY: path.join(runnerTemp, 'summary'),
    'INPUT_GITHUB-TOKEN': TOKEN,
    INPUT_METRICS: 'out/*/metrics.json',
    INPUT_RULES: 'accuracy >= 0.9',
    INPUT_SELECT: 'max:accuracy',
    INPUT_REPORT: 'gate-report.md',
    'INPUT_CHECK-RUN': 'true',
  };
  return { dir, env };
}

const writes = (): string[] => api.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.operationId ?? r.path} ${r.status}`);

test('a fork PR: the verdict, summary and report as usual, and one clear warning instead of a status and comment', async () => {
  const { dir, env } = forkRun('contributor/models');
  const run = await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env });

  // The gate decided and said so where it can: exit code, outputs, summary, report.
  expect(run.code).toBe(0);
  expect(readFileSync(env['GITHUB_OUTPUT']!, 'utf8')).toContain('passed<<');
  expect(readFileSync(env['GITHUB_STEP_SUMMARY']!, 'utf8')).toContain('passed — best: **rf**');
  expect(existsSync(path.join(dir, 'gate-report.md'))).toBe(true);

  // GitHub refused the first write; nothing more was tried, and the reason is said once.
  expect(writes()).toEqual(['POST repos/create-commit-status 403']);
  const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning'));
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toContain(FORK_SAYS);
  expect(warnings[0]).toContain("README 'Fork pull requests'");
  expect(run.stdout).not.toContain('Could not report');
  expect(api.state.comments(OWNER, REPO, PR)).toEqual([]);
});

test('the same refusal on a PR from the repository itself is not blamed on a fork', async () => {
  const { dir, env } = forkRun(`${OWNER}/${REPO}`);
  const run = await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env });
  expect(run.code).toBe(0);
  expect(run.stdout).not.toContain(FORK_SAYS);
  expect(run.stdout).toContain('Could not report commit status');
  expect(run.stdout).toContain('Resource not accessible by integration');
});
