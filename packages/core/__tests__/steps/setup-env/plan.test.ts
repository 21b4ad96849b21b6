import { quietHost } from '../../support/quiet-host.js';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../../../src/errors.js';
import { envInputs, jsonInputs } from '../../../src/host/raw-inputs.js';
import { InputReader } from '../../../src/spec/inputs.js';
import { planSetupEnv } from '../../../src/steps/setup-env/plan.js';
import { setupEnvSpec } from '../../../src/steps/setup-env/spec.js';

/**
 * A conda project plans without starting any program (python comes from
 * environment.yml, the tool is only looked up on PATH), so these tests see
 * the plan whole: where relative paths land and which environment is read.
 */
let root: string;
let bin: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'setup-env-plan-'));
  mkdirSync(path.join(root, 'proj'));
  writeFileSync(path.join(root, 'proj', 'environment.yml'), 'dependencies:\n  - python=3.11\n');
  bin = path.join(root, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'micromamba'), '#!/bin/sh\nexit 0\n');
  chmodSync(path.join(bin, 'micromamba'), 0o755);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));


function plan(inputs: Record<string, unknown>, env: NodeJS.ProcessEnv = { PATH: bin }) {
  return planSetupEnv(new InputReader(setupEnvSpec, jsonInputs({ manager: 'conda', cache: 'false', ...inputs })), quietHost({ cwd: root, workspace: path.join(root, 'workspace'), env, tempDir: path.join(root, 'tmp') }));
}

describe('setup-env plan', () => {
  test('a relative working-directory starts at the run context’s cwd; env-name and its default start there', async () => {
    const planned = await plan({ 'working-directory': 'proj', 'env-name': ' ' });
    expect(planned.plan.envPath).toBe(path.join(root, 'proj', '.venv'));
    expect(planned.plan.files.lockInputs).toEqual([path.join(root, 'proj', 'environment.yml')]);
    expect(planned.cache).toBeNull();
    expect(planned.cacheKeySuffix).toBeUndefined();
  });

  test('a working-directory that is no folder under the run context’s cwd is bad input', async () => {
    await expect(plan({ 'working-directory': 'nowhere' })).rejects.toThrow(new InputError('working-directory', `got 'nowhere', which is not a folder (${path.join(root, 'nowhere')})`));
  });

  test('tools are looked up on the run context’s PATH, not this process’s', async () => {
    expect((await plan({ 'working-directory': 'proj' })).plan.manager).toBe('micromamba');
    await expect(plan({ 'working-directory': 'proj' }, { PATH: path.join(root, 'proj') })).rejects.toThrow(/needs micromamba, mamba, conda on PATH/);
  });

  test('the download cache is the run’s own unless the run context’s environment names the user’s', async () => {
    const own = await plan({ 'working-directory': 'proj' });
    expect(own.plan.downloadCache).toBe(path.join(root, 'tmp', 'mlops-ci', 'setup-env', 'downloads', 'micromamba'));
    expect(own.cacheDownloads).toBe(true);
    const users = await plan({ 'working-directory': 'proj' }, { PATH: bin, CONDA_PKGS_DIRS: '/pkgs' });
    expect(users.plan.downloadCache).toBe('/pkgs');
    expect(users.cacheDownloads).toBe(false);
  });

  describe('python-version-file', () => {
    const venvPlan = (inputs: Record<string, unknown>) => {
      writeFileSync(path.join(root, 'proj', 'requirements.txt'), 'six\n');
      return planSetupEnv(new InputReader(setupEnvSpec, jsonInputs({ manager: 'venv', cache: 'false', 'working-directory': 'proj', ...inputs })), quietHost({ cwd: root, workspace: path.join(root, 'workspace'), env: { PATH: process.env['PATH'] } }));
    };

    test('on GitHub, which passes the default file name as if given, python-version alone is not a conflict', () => {
      const github = envInputs({ 'INPUT_PYTHON-VERSION': '3.11', 'INPUT_PYTHON-VERSION-FILE': '.python-version', INPUT_MANAGER: 'auto' });
      const reader = new InputReader(setupEnvSpec, github);
      expect([reader.get('python-version'), reader.given('python-version-file')]).toEqual(['3.11', false]);
    });

    test('is exclusive with python-version, as the spec says', () => {
      expect(() => new InputReader(setupEnvSpec, jsonInputs({ 'python-version': '3.11', 'python-version-file': 'v.txt' }))).toThrow(
        new InputError('python-version-file', "was given together with 'python-version': give 'python-version' or 'python-version-file', not both"),
      );
    });

    test('a named file is read for a conda project too, whose python comes from environment.yml', async () => {
      await expect(plan({ 'working-directory': 'proj', 'python-version-file': 'nope.txt' })).rejects.toMatchObject({
        input: 'python-version-file',
        message: `input 'python-version-file': cannot read Python version file '${path.join(root, 'proj', 'nope.txt')}': no such file`,
      });
    });

    test('the version in a named file is the one asked for', async () => {
      writeFileSync(path.join(root, 'proj', 'py.txt'), '# the team pins\n2.7\n');
      await expect(venvPlan({ 'python-version-file': 'py.txt' })).rejects.toThrow(/^input 'python-version-file': no interpreter matches '2\.7'; found .* or change python-version-file$/);
    });

    test('a named pipe is refused, not waited on', async () => {
      execFileSync('mkfifo', [path.join(root, 'proj', 'pipe')]);
      await expect(venvPlan({ 'python-version-file': 'pipe' })).rejects.toMatchObject({
        input: 'python-version-file',
        message: `input 'python-version-file': cannot read Python version file '${path.join(root, 'proj', 'pipe')}': it is a named pipe (FIFO), not a regular file`,
      });
    });

    test('a file named there must exist; the default one is read only when present', async () => {
      await expect(venvPlan({ 'python-version-file': 'versions/python.txt' })).rejects.toMatchObject({
        input: 'python-version-file',
        message: `input 'python-version-file': cannot read Python version file '${path.join(root, 'proj', 'versions', 'python.txt')}': no such file`,
      });
      writeFileSync(path.join(root, 'proj', 'py.txt'), '# pinned\nbanana\n');
      await expect(venvPlan({ 'python-version-file': 'py.txt' })).rejects.toThrow(/^input 'python-version-file': got 'banana' \(from .*py\.txt\), expected a version/);
    });
  });

  describe('a Python older than the minimum (3.7 once built an env and died in a traceback)', () => {
    /** Only a python3 answering the discovery probe as `version` is on PATH. */
    const planWithPython = (version: string, inputs: Record<string, unknown> = {}) => {
      writeFileSync(path.join(root, 'proj', 'requirements.txt'), 'six\n');
      writeFileSync(path.join(bin, 'python3'), `#!/bin/sh\nprintf '%s\\n' "$0" '${version}' 0\n`);
      chmodSync(path.join(bin, 'python3'), 0o755);
      const env = { PATH: bin, HOME: root };
      return planSetupEnv(new InputReader(setupEnvSpec, jsonInputs({ manager: 'venv', cache: 'false', 'working-directory': 'proj', ...inputs })), quietHost({ cwd: root, workspace: path.join(root, 'workspace'), env }));
    };
    const python3 = () => path.join(bin, 'python3');

    test('the default python3 is refused naming python-version, the interpreter and the minimum', async () => {
      await expect(planWithPython('3.7.17')).rejects.toThrow(
        new InputError(
          'python-version',
          `not given, and the default interpreter is Python 3.7.17 (${python3()}, PATH), older than 3.8, the oldest setup-env supports (it reads the env's packages with importlib.metadata): give python-version 3.8 or newer, or put a newer python3 first on PATH`,
        ),
      );
    });

    test('one asked for is refused naming what asked for it', async () => {
      await expect(planWithPython('3.7.17', { 'python-version': '3.7' })).rejects.toThrow(
        new InputError('python-version', `'3.7' chose Python 3.7.17 (${python3()}, PATH), older than 3.8, the oldest setup-env supports (it reads the env's packages with importlib.metadata): ask for 3.8 or newer`),
      );
    });

    test('the minimum itself is taken', async () => {
      expect((await planWithPython('3.8.0')).plan.interpreter?.version).toBe('3.8.0');
    });
  });
});
