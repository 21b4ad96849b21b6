/**
 * setup-env's cache through the built bundle, with a directory cache (what
 * Jenkins agents and laptops use): a restore that installs nothing, and a
 * broken cached env discarded and rebuilt. uv envs keep these tests quick.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../support/bundle.js';
import { expectSuccess, project, PURE_SET, requireTools, setupEnv, toolEnv } from './support.js';

const PURE_FINGERPRINT = createHash('sha256').update(PURE_SET.map((line) => `${line}\n`).join('')).digest('hex');
const BUILD_TIMEOUT = 120_000;

function pythonSays(python: string, code: string): string {
  return execFileSync(python, ['-c', code], { encoding: 'utf8' }).trim();
}

beforeAll(requireTools);

describe('the cache (a directory, as on Jenkins agents)', () => {
  test('a second run restores the env, passes the health check and installs nothing', async () => {
    const dir = project('uv');
    const env = toolEnv();
    const cacheDir = tempDir('setup-env-dircache-');
    const first = await setupEnv(['--working-directory', dir, '--cache-url', cacheDir], env);
    expectSuccess(first);
    expect(first.outputs['cache-hit']).toBe('false');
    // The env is kept as a folder tree whose files a restore hard-links (the download cache stays a tar).
    expect(readdirSync(cacheDir)).toContain(`${encodeURIComponent(first.outputs['cache-key']!)}.tree`);

    rmSync(path.join(dir, '.venv'), { recursive: true });
    const second = await setupEnv(['--working-directory', dir, '--cache-url', cacheDir], env);
    expectSuccess(second);
    expect(second.outputs).toMatchObject({ 'cache-hit': 'true', 'cache-key': first.outputs['cache-key'], fingerprint: PURE_FINGERPRINT });
    expect(second.stderr).toContain('passed the health check');
    expect(second.stderr).not.toContain('Build the env');
    expect(pythonSays(second.outputs['python']!, 'import dateutil; print(dateutil.__version__)')).toBe('2.9.0.post0');
    // Restored by hard links: the env's files are the cached ones, no content was written.
    const savedEnv = path.join(cacheDir, `${encodeURIComponent(first.outputs['cache-key']!)}.tree`, dir.slice(1), '.venv');
    expect(statSync(path.join(dir, '.venv', 'pyvenv.cfg')).ino).toBe(statSync(path.join(savedEnv, 'pyvenv.cfg')).ino);

    // A third run finds the env in place (a persistent workspace) and does not even restore it.
    const third = await setupEnv(['--working-directory', dir, '--cache-url', cacheDir], env);
    expect(third.outputs['cache-hit']).toBe('true');
    expect(third.stderr).toContain('was built for this key and is healthy');
  }, BUILD_TIMEOUT);

  test('a cached env that fails the health check is discarded with a warning and rebuilt', async () => {
    const dir = project('uv');
    const env = toolEnv();
    const cacheDir = tempDir('setup-env-dircache-');
    const first = await setupEnv(['--working-directory', dir, '--cache-url', cacheDir], env);
    expectSuccess(first);
    // Break the saved env: its packages' metadata no longer matches what was built.
    const savedEnv = path.join(cacheDir, `${encodeURIComponent(first.outputs['cache-key']!)}.tree`, dir.slice(1), '.venv');
    const [pythonDir] = readdirSync(path.join(savedEnv, 'lib'));
    rmSync(path.join(savedEnv, 'lib', pythonDir!, 'site-packages', 'six-1.17.0.dist-info'), { recursive: true });
    rmSync(path.join(dir, '.venv'), { recursive: true });

    const second = await setupEnv(['--working-directory', dir, '--cache-url', cacheDir], env);
    expectSuccess(second);
    expect(second.stderr).toMatch(/warning: The cached env \S+ failed its health check \(its packages changed/);
    expect(second.outputs).toMatchObject({ 'cache-hit': 'false', fingerprint: PURE_FINGERPRINT });
    expect(pythonSays(second.outputs['python']!, 'import six; print(six.__version__)')).toBe('1.17.0');
  }, BUILD_TIMEOUT);
});

test('a changed lock misses the env but restores the download cache from the newest partial match', async () => {
  const dir = project('uv');
  const cacheDir = tempDir('setup-env-dircache-');
  // No UV_CACHE_DIR: the step owns its download cache, in a fresh temp folder per run as on a new runner.
  const freshRunner = () => {
    const env = toolEnv({ TMPDIR: tempDir('setup-env-runner-tmp-') });
    delete env['UV_CACHE_DIR'];
    return env;
  };
  const first = await setupEnv(['--working-directory', dir, '--cache-url', cacheDir], freshRunner());
  expectSuccess(first);
  const downloadsKey = first.outputs['cache-key']!.replace('mlops-ci-env-', 'mlops-ci-downloads-');
  expect(readdirSync(cacheDir)).toContain(`${encodeURIComponent(downloadsKey)}.tar`);

  appendFileSync(path.join(dir, 'uv.lock'), '# touched\n');
  rmSync(path.join(dir, '.venv'), { recursive: true });
  const second = await setupEnv(['--working-directory', dir, '--cache-url', cacheDir], freshRunner());
  expectSuccess(second);
  expect(second.outputs['cache-key']).not.toBe(first.outputs['cache-key']);
  expect(second.outputs['cache-hit']).toBe('false');
  expect(second.stderr).toContain(`Download cache restored from ${downloadsKey}.`);
  expect(second.outputs['fingerprint']).toBe(PURE_FINGERPRINT);
}, BUILD_TIMEOUT);

test('nothing downloaded: the empty download cache is not saved, and no warning says it is missing', async () => {
  const dir = project('pip-pure');
  writeFileSync(path.join(dir, 'requirements.txt'), '# no packages yet\n');
  rmSync(path.join(dir, 'constraints.txt'));
  const cacheDir = tempDir('setup-env-dircache-');
  const env = toolEnv({ TMPDIR: tempDir('setup-env-runner-tmp-') });
  const run = await setupEnv(['--working-directory', dir, '--cache-url', cacheDir], env);
  expectSuccess(run);
  expect(run.stderr).not.toContain('warning');
  expect(run.stderr).toContain('Nothing was downloaded: no download cache to save.');
  const downloadsKey = run.outputs['cache-key']!.replace('mlops-ci-env-', 'mlops-ci-downloads-');
  expect(readdirSync(cacheDir)).not.toContain(`${encodeURIComponent(downloadsKey)}.tar`);
  expect(readdirSync(cacheDir)).toContain(`${encodeURIComponent(run.outputs['cache-key']!)}.tree`);
}, BUILD_TIMEOUT);
