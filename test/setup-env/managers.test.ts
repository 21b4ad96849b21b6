/**
 * setup-env through the built bundle (`node dist/mlops-ci.js setup-env`):
 * real envs from the fixture projects with real pip, pipenv, poetry and uv
 * from PyPI, each usable through the step's outputs.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expectSuccess, project, PURE_SET, requireTools, setupEnv } from './support.js';

const PURE_FINGERPRINT = createHash('sha256').update(PURE_SET.map((line) => `${line}\n`).join('')).digest('hex');
const BUILD_TIMEOUT = 120_000;

/** Runs the env's interpreter: the env must be usable by a later step through the `python` output. */
function pythonSays(python: string, code: string): string {
  return execFileSync(python, ['-c', code], { encoding: 'utf8' }).trim();
}

beforeAll(requireTools);

describe.each([
  ['venv', 'pip-pure'],
  ['pipenv', 'pipenv'],
  ['poetry', 'poetry'],
  ['uv', 'uv'],
])('%s: a real env from the %s fixture', (manager, fixture) => {
  test('is detected, built, usable through the outputs, fingerprinted and exported', async () => {
    const dir = project(fixture);
    const run = await setupEnv(['--working-directory', dir, '--cache', 'false']);
    expectSuccess(run);
    const { outputs } = run;
    expect(outputs).toMatchObject({ manager, 'env-path': path.join(dir, '.venv'), python: path.join(dir, '.venv', 'bin', 'python'), 'cache-hit': 'false' });
    expect(pythonSays(outputs['python']!, 'import dateutil, six; print(dateutil.__version__, six.__version__)')).toBe('2.9.0.post0 1.17.0');
    expect(outputs['python-version']).toBe(pythonSays(outputs['python']!, 'import platform; print(platform.python_version())'));
    // Every manager resolved the same set, so they share one fingerprint.
    expect(outputs['fingerprint']).toBe(PURE_FINGERPRINT);
    const exported = readFileSync(outputs['lock-export']!, 'utf8');
    for (const line of PURE_SET) expect(exported.toLowerCase()).toContain(line);
    expect(outputs['cache-key']).toMatch(new RegExp(`^mlops-ci-env-linux-${process.arch}-\\d+\\.\\d+\\.\\d+-${manager}-[0-9a-f]{64}$`));
  }, BUILD_TIMEOUT);
});

test('venv: a hash-pinned, wheel-only compiled dependency installs from its wheel', async () => {
  const dir = project('pip-wheel');
  const run = await setupEnv(['--working-directory', dir, '--cache', 'false', '--env-name', 'env']);
  expectSuccess(run);
  expect(run.outputs['env-path']).toBe(path.join(dir, 'env'));
  // _speedups is the compiled extension: present only when the platform wheel was installed.
  expect(pythonSays(run.outputs['python']!, 'import markupsafe._speedups, markupsafe; print(markupsafe.__version__)')).toBe('3.0.2');
  expect(readFileSync(run.outputs['lock-export']!, 'utf8').toLowerCase()).toContain('markupsafe==3.0.2');
}, BUILD_TIMEOUT);


test('pipenv: the env is made as pipenv makes it, by the virtualenv beside pipenv (not ensurepip), with pip in it', async () => {
  const dir = project('pipenv');
  const run = await setupEnv(['--working-directory', dir, '--cache', 'false']);
  expectSuccess(run);
  expect(run.stderr).toMatch(/virtualenv --no-periodic-update --python \S+ \S+\.venv/);
  expect(readFileSync(path.join(dir, '.venv', 'pyvenv.cfg'), 'utf8')).toMatch(/^virtualenv = \d+/m);
  expect(pythonSays(run.outputs['python']!, 'import pip; print("pip")')).toBe('pip');
}, BUILD_TIMEOUT);

test('uv: extras install their optional dependencies', async () => {
  const dir = project('uv');
  const run = await setupEnv(['--working-directory', dir, '--cache', 'false', '--extras', 'yaml']);
  expectSuccess(run);
  expect(pythonSays(run.outputs['python']!, 'import yaml; print(yaml.__version__)')).toBe('6.0.2');
  expect(run.outputs['fingerprint']).not.toBe(PURE_FINGERPRINT);
}, BUILD_TIMEOUT);

test('python-version picks the matching interpreter, reported in the outputs', async () => {
  const dir = project('uv');
  const wanted = execFileSync('python3', ['-c', 'import platform; print(platform.python_version())'], { encoding: 'utf8' }).trim();
  const run = await setupEnv(['--working-directory', dir, '--cache', 'false', '--python-version', `==${wanted}`]);
  expectSuccess(run);
  expect(run.outputs['python-version']).toBe(wanted);
  expect(run.stderr).toContain(`Using Python ${wanted} at `);
}, BUILD_TIMEOUT);
