/**
 * What the tool prints never carries a credential a user put in a URL, nor a
 * whole user value: through the real bundle on the CLI, Jenkins and GitHub
 * hosts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runActionEntrypoint, runBundle, tempDir } from '../support/bundle.js';

const PASSWORD = 'S3CRETPW';
const QUERY_TOKEN = 'QSECRET';
/** Unreachable on purpose: the step warns that it could not report, quoting the request's URL. */
const API_URL = `https://user:${PASSWORD}@127.0.0.1:1/api?access_token=${QUERY_TOKEN}`;

function project(): string {
  const dir = tempDir('redact-');
  mkdirSync(path.join(dir, 'out', 'rf'), { recursive: true });
  writeFileSync(path.join(dir, 'out', 'rf', 'metrics.json'), JSON.stringify({ accuracy: 0.9 }));
  return dir;
}

const gate = (apiUrl: string): Record<string, string> => ({
  metrics: 'out/*/metrics.json',
  rules: 'accuracy >= 0.5',
  'github-token': 'tok-not-a-secret-here',
  'github-api-url': apiUrl,
});

/** A repository context, so the gate tries to report (and fails to reach the API). */
const reportingEnv = {
  GITHUB_REPOSITORY: 'acme/models',
  GITHUB_SHA: 'a'.repeat(40),
};

function cliArgs(inputs: Record<string, string>): string[] {
  return ['evaluate-and-gate', ...Object.entries(inputs).flatMap(([name, value]) => [`--${name}`, value])];
}

function expectNoCredential(text: string): void {
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(QUERY_TOKEN);
}

describe('credentials in github-api-url', () => {
  test('CLI: the warnings that quote the request URL hide its userinfo and token', async () => {
    const dir = project();
    const run = await runBundle(cliArgs(gate(API_URL)), { cwd: dir, env: { ...reportingEnv, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Could not report');
    expect(run.stderr).toContain('https://***@127.0.0.1:1/api?access_token=***');
    expectNoCredential(run.stdout + run.stderr);
  });

  test('GitHub action: the warnings hide them too', async () => {
    const dir = project();
    const runnerTemp = tempDir('runner-temp-');
    const env: Record<string, string> = { ...reportingEnv, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir, RUNNER_TEMP: runnerTemp };
    for (const [name, value] of Object.entries(gate(API_URL))) env[`INPUT_${name.toUpperCase()}`] = value;
    const run = await runActionEntrypoint('evaluate-and-gate', { cwd: dir, env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Could not report');
    expectNoCredential(run.stdout + run.stderr);
  });

  test('Jenkins: a rejected URL is exit 2 naming the input, without the password, in the log and the error file', async () => {
    const dir = project();
    const errorFile = path.join(tempDir('jenkins-'), 'error.json');
    const run = await runBundle(['evaluate-and-gate'], {
      cwd: dir,
      env: { JENKINS_URL: 'http://jenkins.invalid/', WORKSPACE: dir, MLOPS_CI_INPUTS: JSON.stringify(gate(`ftp://user:${PASSWORD}@host/x?token=${QUERY_TOKEN}`)), MLOPS_CI_ERROR_FILE: errorFile },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: input 'github-api-url': /m);
    expectNoCredential(run.stdout + run.stderr);
    expectNoCredential(readFileSync(errorFile, 'utf8'));
  });
});

describe('errors quote a bounded excerpt of a value', () => {
  test('a 100 kB value (about the most one argument can hold) in a choice input gives one short error line naming the input', async () => {
    const dir = project();
    const huge = `warn${'x'.repeat(100_000)}`;
    const run = await runBundle(['evaluate-and-gate', '--metrics', 'out/*/metrics.json', '--rules', 'accuracy >= 0.5', '--on-fail', huge], { cwd: dir });
    expect(run.code).toBe(2);
    const errors = run.stderr.split('\n').filter((line) => line.startsWith('error:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^error: input 'on-fail': got 'warnx+… \(\d+ more characters\)', expected one of: fail, warn$/);
    expect(errors[0]!.length).toBeLessThan(400);
  });

  test('a value with a line break is quoted on one line', async () => {
    const dir = project();
    const run = await runBundle(['evaluate-and-gate', '--metrics', 'out/*/metrics.json', '--rules', 'accuracy >= 0.5', '--on-fail', 'warn\nfail'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error: input 'on-fail': got 'warn\\nfail', expected one of: fail, warn`);
  });

  test('an unknown CLI argument is quoted bounded', async () => {
    const run = await runBundle(['evaluate-and-gate', 'y'.repeat(100_000)]);
    expect(run.code).toBe(2);
    expect(run.stderr.length).toBeLessThan(400);
    expect(run.stderr).toMatch(/^error: unexpected argument 'y+… \(\d+ more characters\)'/);
  });
});
