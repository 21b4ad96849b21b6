import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CommandRunner, type CommandOptions, type CommandResult } from '../../src/env/command.js';
import { createManager } from '../../src/env/managers/factory.js';
import { parseEnvironmentYml } from '../../src/env/project-files.js';
import type { EnvPlan, ManagerName, ProjectFiles } from '../../src/env/types.js';
import type { Logger } from '../../src/host/types.js';

const quiet: Logger = { debug: () => undefined, info: () => undefined, notice: () => undefined, warning: () => undefined, error: () => undefined };
const FIXTURES = path.resolve(__dirname_of(), '..', '..', '..', '..', 'test', 'setup-env', 'fixtures');

function __dirname_of(): string {
  return path.dirname(new URL(import.meta.url).pathname);
}

interface Call {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string | undefined;
  readonly env: CommandOptions['env'];
}

/** The seam every manager runs through, recording instead of running: conda cannot run here, its commands are the test. */
class RecordingRunner extends CommandRunner {
  readonly calls: Call[] = [];
  constructor(private readonly answer: (call: Call) => string = () => '') {
    super(quiet, { cwd: '/', env: { PATH: '/usr/bin' } });
  }
  override async capture(command: string, args: readonly string[], options: CommandOptions = {}): Promise<CommandResult> {
    return this.record(command, args, options);
  }
  override async stream(command: string, args: readonly string[], options: CommandOptions = {}): Promise<CommandResult> {
    return this.record(command, args, options);
  }
  private record(command: string, args: readonly string[], options: CommandOptions): CommandResult {
    const call = { command, args, cwd: options.cwd, env: options.env };
    this.calls.push(call);
    return { exitCode: 0, stdout: this.answer(call), stderr: '' };
  }
}

const project = '/work/proj';
// A real folder: create() empties and marks the env folder before it runs any (here recorded) command.
const envPath = path.join(mkdtempSync(path.join(os.tmpdir(), 'managers-test-')), '.venv');
const interpreter = { executable: '/usr/bin/python3.11', version: '3.11.2', source: 'PATH' as const };
const noFiles: ProjectFiles = { projectDir: project, lockInputs: [], requirements: [], constraints: null, condaEnv: null };

function plan(manager: ManagerName, files: Partial<ProjectFiles> = {}, extras: string[] = []): EnvPlan {
  const conda = ['conda', 'mamba', 'micromamba'].includes(manager);
  return { manager, tool: manager, files: { ...noFiles, ...files }, envPath, interpreter: conda ? null : interpreter, extras, downloadCache: '/tmp/dl' };
}

async function commandsOf(envPlan: EnvPlan): Promise<Array<[string, ...string[]]>> {
  const runner = new RecordingRunner();
  await createManager(envPlan, runner).create();
  return runner.calls.map((call) => [call.command, ...call.args]);
}

describe('the exact commands each manager runs', () => {
  test('venv: python -m venv, then pip with every requirements file and the constraints', async () => {
    const files = { requirements: [`${project}/requirements.txt`, `${project}/requirements-ml.txt`], constraints: `${project}/constraints.txt` };
    expect(await commandsOf(plan('venv', files))).toEqual([
      ['/usr/bin/python3.11', '-m', 'venv', envPath],
      [`${envPath}/bin/python`, '-m', 'pip', 'install', '--progress-bar', 'off', '--requirement', `${project}/requirements.txt`, '--requirement', `${project}/requirements-ml.txt`, '--constraint', `${project}/constraints.txt`],
    ]);
  });

  test('venv without requirements installs the project with its extras', async () => {
    expect((await commandsOf(plan('venv', {}, ['train', 'gpu'])))[1]).toEqual([`${envPath}/bin/python`, '-m', 'pip', 'install', '--progress-bar', 'off', '.[train,gpu]']);
  });

  test('pipenv syncs (never install) into our venv, found through VIRTUAL_ENV', async () => {
    const runner = new RecordingRunner();
    await createManager(plan('pipenv', {}, ['dev-packages']), runner).create();
    const sync = runner.calls[1]!;
    expect([sync.command, ...sync.args]).toEqual(['pipenv', 'sync', '--categories', 'packages dev-packages']);
    expect(sync.cwd).toBe(project);
    expect(sync.env).toMatchObject({ VIRTUAL_ENV: envPath, PIPENV_PIPFILE: `${project}/Pipfile`, PIP_CACHE_DIR: '/tmp/dl', PIPENV_IGNORE_VIRTUALENVS: undefined });
  });

  test('poetry syncs into the active env with each extra', async () => {
    const runner = new RecordingRunner();
    await createManager(plan('poetry', {}, ['train']), runner).create();
    expect(runner.calls[0]?.args).toEqual(['-m', 'venv', '--without-pip', envPath]);
    const sync = runner.calls[1]!;
    expect([sync.command, ...sync.args]).toEqual(['poetry', 'sync', '--no-interaction', '--extras', 'train']);
    expect(sync.env).toMatchObject({ VIRTUAL_ENV: envPath, POETRY_VIRTUALENVS_CREATE: 'false', POETRY_CACHE_DIR: '/tmp/dl' });
  });

  test('uv makes a relocatable venv with the chosen interpreter, then syncs the lock as locked', async () => {
    const runner = new RecordingRunner();
    await createManager(plan('uv', {}, ['yaml']), runner).create();
    expect(runner.calls.map((call) => [call.command, ...call.args])).toEqual([
      ['uv', 'venv', '--relocatable', '--allow-existing', '--python', '/usr/bin/python3.11', envPath],
      ['uv', 'sync', '--locked', '--python', `${envPath}/bin/python`, '--extra', 'yaml'],
    ]);
    expect(runner.calls[1]?.env).toMatchObject({ UV_PROJECT_ENVIRONMENT: envPath, UV_PYTHON_DOWNLOADS: 'never', UV_CACHE_DIR: '/tmp/dl' });
  });

  test('uv trims its download cache to the wheels before it is saved', async () => {
    const runner = new RecordingRunner();
    await createManager(plan('uv'), runner).trimDownloadCache();
    expect(runner.calls.map((call) => [call.command, ...call.args])).toEqual([['uv', 'cache', 'prune', '--ci']]);
    expect(runner.calls[0]?.env).toMatchObject({ UV_CACHE_DIR: '/tmp/dl' });
  });
});

describe('conda, mamba and micromamba (no channel is reachable here: their commands are the test)', () => {
  const file = path.join(FIXTURES, 'conda', 'environment.yml');
  const condaEnv = parseEnvironmentYml(readFileSync(file, 'utf8'), file, 'lock-file');

  test.each([
    ['micromamba', ['micromamba', 'create', '--yes', '--prefix', envPath, '--file', file]],
    ['mamba', ['mamba', 'env', 'create', '--prefix', envPath, '--file', file]],
    ['conda', ['conda', 'env', 'create', '--prefix', envPath, '--file', file]],
  ] as const)('%s creates the env from environment.yml in one command, pip section included', async (tool, command) => {
    const runner = new RecordingRunner();
    await createManager(plan(tool, { condaEnv, projectDir: path.dirname(file) }), runner).create();
    expect(runner.calls.map((call) => [call.command, ...call.args])).toEqual([command]);
    expect(runner.calls[0]?.env).toMatchObject({ CONDA_PKGS_DIRS: '/tmp/dl', VIRTUAL_ENV: undefined });
  });

  test.each([
    ['micromamba', ['micromamba', 'env', 'export', '--explicit', '--prefix', envPath]],
    ['conda', ['conda', 'list', '--explicit', '--md5', '--prefix', envPath]],
  ] as const)('%s exports the explicit package list as the lock export', async (tool, command) => {
    const explicit = '@EXPLICIT\nhttps://conda.anaconda.org/conda-forge/linux-64/python-3.11.9-hb806964_0_cpython.conda#0123\n';
    const runner = new RecordingRunner(() => explicit);
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'conda-export-')), 'lock.txt');
    await createManager(plan(tool, { condaEnv }), runner).exportLock(out);
    expect(runner.calls.map((call) => [call.command, ...call.args])).toEqual([command]);
    expect(readFileSync(out, 'utf8')).toBe(explicit);
  });
});

test('the factory throws on a manager it does not know', () => {
  expect(() => createManager(plan('npm' as ManagerName), new RecordingRunner())).toThrow("no env manager named 'npm'");
});
