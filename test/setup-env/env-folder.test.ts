/**
 * setup-env replaces its env folder wholesale, so it must only ever replace
 * a folder it made itself (or an empty one): never the project's data, a
 * sibling folder, or `/`. Through the built bundle, with real folders.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../support/bundle.js';
import { explain, expectSuccess, project, setupEnv, toolEnv } from './support.js';

const BUILD_TIMEOUT = 180_000;

/** A folder holding one file of the user's: what must survive. */
function userFolder(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'train.csv'), 'a,b\n1,2\n');
  return dir;
}

describe('env-name: only an empty folder or an env this step made is replaced', () => {
  test.each([
    ['the project’s own data folder', () => 'data'],
    ['a sibling folder of the project', (dir: string) => `../${path.basename(dir)}-sibling`],
  ])('%s is refused (exit 2 naming env-name) and left as it was', async (_name, envNameFor) => {
    const dir = project('pip-pure');
    const envName = envNameFor(dir);
    const target = userFolder(path.resolve(dir, envName));
    const run = await setupEnv(['--working-directory', dir, '--env-name', envName, '--cache', 'false'], toolEnv());
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: expect.stringMatching(/input 'env-name': got '[^']+', which holds files this step did not make/) });
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(target)).toEqual(['train.csv']);
    expect(readFileSync(path.join(target, 'train.csv'), 'utf8')).toBe('a,b\n1,2\n');
  }, 30_000);

  test('`/` is refused before anything is touched', async () => {
    const dir = project('pip-pure');
    // python-version 2.1 matches no interpreter: if the env-name guard let `/` through, the step stops
    // there (exit 2 naming python-version) instead of reaching the removal of the old env.
    const run = await setupEnv(['--working-directory', dir, '--env-name', '/', '--python-version', '2.1', '--cache', 'false'], toolEnv());
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: expect.stringMatching(/input 'env-name': got '\/', which is the project folder or above it/) });
  }, 30_000);

  test('a file where the env folder goes is refused', async () => {
    const dir = project('pip-pure');
    writeFileSync(path.join(dir, 'notes'), 'mine\n');
    const run = await setupEnv(['--working-directory', dir, '--env-name', 'notes', '--python-version', '2.1', '--cache', 'false'], toolEnv());
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: expect.stringMatching(/input 'env-name': got 'notes', which is not a folder/) });
    expect(readFileSync(path.join(dir, 'notes'), 'utf8')).toBe('mine\n');
  }, 30_000);

  test('an empty folder is used, and the env built there is replaced on the next run with another lock', async () => {
    const dir = project('pip-pure');
    const envDir = path.join(dir, 'envs', 'ci');
    mkdirSync(envDir, { recursive: true });
    const first = await setupEnv(['--working-directory', dir, '--env-name', 'envs/ci', '--cache', 'false'], toolEnv());
    expectSuccess(first);
    expect(first.outputs['env-path']).toBe(envDir);

    // The lock changed: the env this step made is not the one wanted any more, and it is replaced.
    writeFileSync(path.join(dir, 'requirements.txt'), 'six==1.17.0\n');
    writeFileSync(path.join(dir, 'constraints.txt'), '');
    const second = await setupEnv(['--working-directory', dir, '--env-name', 'envs/ci', '--cache', 'false'], toolEnv());
    if (second.code !== 0) throw new Error(explain(second));
    expect(second.outputs['fingerprint']).not.toBe(first.outputs['fingerprint']);
    expect(existsSync(path.join(envDir, 'pyvenv.cfg'))).toBe(true);
  }, BUILD_TIMEOUT);
});

test('a half-built env (killed before it was whole) carries the unfinished mark, so the next run replaces it', async () => {
  const dir = project('pip-pure');
  // What a build killed after `python -m venv` leaves: the venv skeleton and the unfinished mark, no completion marker.
  const envDir = path.join(dir, '.venv');
  mkdirSync(path.join(envDir, 'bin'), { recursive: true });
  writeFileSync(path.join(envDir, 'pyvenv.cfg'), 'home = /nowhere\n');
  writeFileSync(path.join(envDir, '.mlops-ci-unfinished'), '');
  const run = await setupEnv(['--working-directory', dir, '--cache', 'false'], toolEnv({ MLOPS_CI_CACHE_DIR: tempDir('setup-env-cache-') }));
  expectSuccess(run);
  expect(existsSync(path.join(envDir, '.mlops-ci-unfinished'))).toBe(false);
}, BUILD_TIMEOUT);

/**
 * Hard-links the files of `saved` into `target` as the directory cache's
 * restore does, skipping those `skip` names: what a restore killed before it
 * reached them leaves behind.
 */
function restorePartly(saved: string, target: string, skip: (file: string) => boolean): void {
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(saved, { withFileTypes: true })) {
    const from = path.join(saved, entry.name);
    const to = path.join(target, entry.name);
    if (entry.isDirectory()) restorePartly(from, to, skip);
    else if (!skip(from)) linkSync(from, to);
  }
}

test('a restore killed halfway leaves an env the next run does not accept', async () => {
  const dir = project('pip-pure');
  const cacheDir = tempDir('setup-env-dircache-');
  const env = toolEnv();
  const first = await setupEnv(['--working-directory', dir, '--cache-url', cacheDir], env);
  expectSuccess(first);

  // The state a restore leaves when it is killed after its first file and before its last: the
  // unfinished mark (written before anything is restored), the completion marker and every package's
  // metadata already back, but six's module not yet. Its metadata alone would pass `pip check` and the
  // fingerprint, so only the mark can tell.
  const envDir = path.join(dir, '.venv');
  rmSync(envDir, { recursive: true });
  mkdirSync(envDir);
  writeFileSync(path.join(envDir, '.mlops-ci-unfinished'), '');
  const saved = path.join(cacheDir, `${encodeURIComponent(first.outputs['cache-key']!)}.tree`, envDir.slice(1));
  restorePartly(saved, envDir, (file) => path.basename(file) === 'six.py');

  const second = await setupEnv(['--working-directory', dir, '--cache-url', cacheDir], env);
  expectSuccess(second);
  expect(second.stderr).not.toContain('was built for this key and is healthy');
  expect(existsSync(path.join(envDir, '.mlops-ci-unfinished'))).toBe(false);
  expect(execFileSync(second.outputs['python']!, ['-c', 'import six; print(six.__version__)'], { encoding: 'utf8' }).trim()).toBe('1.17.0');
}, BUILD_TIMEOUT);
