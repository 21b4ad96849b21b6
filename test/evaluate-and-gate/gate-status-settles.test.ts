/**
 * The commit status the gate posts never stays "pending": whatever the step
 * exits with, the last status for the commit is a verdict (success, failure)
 * or an error, or nothing at all when the inputs were refused before any call
 * to GitHub. Runs the real action entrypoint against the local GitHub API that
 * validates every request against GitHub's OpenAPI description.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startGitHubApi, type GitHubApiFake } from '../support/github-api/server.js';
import { ROOT, runActionEntrypoint, tempDir } from '../support/bundle.js';

const OWNER = 'acme';
const REPO = 'models';
const TOKEN = 'ghs_settle_token_0123456789';
const SHA = 'b'.repeat(40);
const CONTEXT = 'mlops-ci/gate';

let api: GitHubApiFake;
beforeEach(async () => {
  api = await startGitHubApi({ token: TOKEN });
});
afterEach(async () => {
  await api.close();
  expect(api.violations).toEqual([]);
});

/** Two candidates (rf 0.95, gb 0.93) with per-example scores, and a baseline with its own. */
function project(): string {
  const dir = tempDir('gate-settle-');
  for (const [name, accuracy] of [['rf', 0.95], ['gb', 0.93]] as const) {
    mkdirSync(path.join(dir, 'out', name), { recursive: true });
    writeFileSync(path.join(dir, 'out', name, 'metrics.json'), JSON.stringify({ accuracy }));
    writeFileSync(path.join(dir, 'out', name, 'scores.json'), JSON.stringify([1, 1, 0, 1]));
  }
  writeFileSync(path.join(dir, 'baseline.json'), JSON.stringify({ accuracy: 0.9 }));
  writeFileSync(path.join(dir, 'baseline-scores.json'), JSON.stringify([1, 0, 0, 1]));
  return dir;
}

/** A push on GitHub Actions: the status goes on GITHUB_SHA. */
function githubEnv(dir: string, inputs: Record<string, string>): Record<string, string> {
  const runnerTemp = tempDir('runner-temp-');
  const eventPath = path.join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify({ ref: 'refs/heads/main', after: SHA }));
  writeFileSync(path.join(runnerTemp, 'output'), '');
  writeFileSync(path.join(runnerTemp, 'summary'), '');
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: SHA,
    GITHUB_API_URL: api.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '77',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: path.join(runnerTemp, 'output'),
    GITHUB_STEP_SUMMARY: path.join(runnerTemp, 'summary'),
    'INPUT_GITHUB-TOKEN': TOKEN,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
}

const base = { metrics: 'out/*/metrics.json', select: 'max:accuracy' };

/** The states posted for the commit, oldest first. */
function states(): string[] {
  return api.state.statuses(OWNER, REPO, SHA).filter((s) => s.context === CONTEXT).map((s) => s.state);
}

test('exit 0: pending, then success', async () => {
  const dir = project();
  const run = await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env: githubEnv(dir, { ...base, rules: 'accuracy >= 0.9' }) });
  expect(run.code).toBe(0);
  expect(states()).toEqual(['pending', 'success']);
});

test('exit 3: pending, then failure', async () => {
  const dir = project();
  const run = await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env: githubEnv(dir, { ...base, rules: 'accuracy >= 0.99' }) });
  expect(run.code).toBe(3);
  expect(states()).toEqual(['pending', 'failure']);
});

test('exit 2: samples naming no candidate is refused before any call to GitHub', async () => {
  const dir = project();
  const inputs = {
    ...base,
    rules: 'accuracy >= baseline.accuracy @ 95%',
    baseline: 'baseline.json',
    samples: 'rf=out/rf/scores.json\nrff=out/gb/scores.json\nbaseline=baseline-scores.json',
  };
  const run = await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env: githubEnv(dir, inputs) });
  expect(run.code).toBe(2);
  expect(run.stdout).toContain("input 'samples': scores are given for 'rff', which is not a candidate");
  expect(api.requests).toEqual([]);
  expect(states()).toEqual([]);
});

test('exit 2: an empty series of scores is refused before any call to GitHub', async () => {
  const dir = project();
  writeFileSync(path.join(dir, 'empty.json'), '[]');
  const inputs = {
    ...base,
    rules: 'accuracy >= baseline.accuracy @ 95%',
    baseline: 'baseline.json',
    samples: 'rf=empty.json\ngb=empty.json\nbaseline=empty.json',
  };
  const run = await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env: githubEnv(dir, inputs) });
  expect(run.code).toBe(2);
  expect(run.stdout).toMatch(/input 'samples': .*empty/);
  expect(api.requests).toEqual([]);
});

test('exit 1: a fault after pending was posted turns the status into an error saying why', async () => {
  const dir = project();
  const env = githubEnv(dir, { ...base, rules: 'accuracy >= 0.9' });
  // The runner's step summary file is a folder: appending to it fails after the status went pending.
  const summary = env['GITHUB_STEP_SUMMARY']!;
  writeFileSync(summary, '');
  const folder = `${summary}.d`;
  mkdirSync(folder);
  env['GITHUB_STEP_SUMMARY'] = folder;
  const run = await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env });
  expect(run.code).toBe(1);
  expect(states()).toEqual(['pending', 'error']);
  const last = api.state.latestStatuses(OWNER, REPO, SHA)[0]!;
  expect(last.description).toMatch(/^The gate could not finish: /);
  expect(last.description!.length).toBeLessThanOrEqual(140);
  expect(last.description).not.toContain(TOKEN);
});

test('a verdict refused once by GitHub (502) is sent again: the commit does not stay pending', async () => {
  const dir = project();
  api.failNext('repos/create-commit-status', (body) => (body as { state?: string }).state === 'success');
  const run = await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env: githubEnv(dir, { ...base, rules: 'accuracy >= 0.9' }) });
  expect(run.code).toBe(0);
  expect(api.requests.filter((r) => r.operationId === 'repos/create-commit-status').map((r) => r.status)).toEqual([201, 502, 201]);
  expect(states()).toEqual(['pending', 'success']);
});

test.each<[NodeJS.Signals, number]>([
  ['SIGTERM', 143],
  ['SIGINT', 130],
])('a run stopped by %s while the status is pending settles it as error, then exits %i', async (signal, code) => {
  const dir = project();
  // The pending status is recorded but its answer held: the run is stopped with the call in flight.
  const pending = api.holdNext('repos/create-commit-status');
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'evaluate-and-gate.js')], {
    cwd: dir,
    env: { PATH: process.env['PATH'] ?? '', HOME: dir, ...githubEnv(dir, { ...base, rules: 'accuracy >= 0.9' }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  const stopping = new Promise<void>((resolve) =>
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes(`Stopped by ${signal}`)) resolve();
    }),
  );
  const exited = new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
  await pending.reached;
  child.kill(signal);
  // Released once the run said it is stopping (or has already died): never before the signal was handled.
  await Promise.race([stopping, exited]);
  pending.release();
  expect(await exited).toBe(code);
  expect(states()).toEqual(['pending', 'error']);
  expect(api.state.latestStatuses(OWNER, REPO, SHA)[0]!.description).toBe(`The gate could not finish: the run was stopped (${signal})`);
});
