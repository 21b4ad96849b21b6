import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../../errors.js';
import { CommandRunner } from '../../env/command.js';
import { replaceableEnvPath } from '../../env/env-folder.js';
import { detectManager, onPath, readProjectFiles, resolveCondaTool, type FileOverrides } from '../../env/detect.js';
import { chooseInterpreter, describeInterpreters, findInterpreters, type Interpreter } from '../../env/python-discovery.js';
import { ACCEPTED_FORMS, parseVersionSpec, type VersionSpec } from '../../env/python-version.js';
import { DOWNLOAD_CACHE_VARIABLE, type EnvPlan, type ManagerName, type ProjectFiles } from '../../env/types.js';
import { cacheStoreFor } from '../../cache/open.js';
import type { CacheStore } from '../../cache/types.js';
import type { Host } from '../../host/types.js';
import type { InputReader } from '../../spec/inputs.js';

export interface SetupEnvInputs {
  readonly plan: EnvPlan;
  /** null when `cache` is false. */
  readonly cache: CacheStore | null;
  readonly cacheKeySuffix: string;
  /** Where the lock export is written. */
  readonly lockExportFile: string;
  /**
   * Whether the download cache folder is ours to restore and save. When the
   * user points the tool at their own (PIP_CACHE_DIR, UV_CACHE_DIR...), it is
   * already warm and shared: restoring over a live cache would corrupt it.
   */
  readonly cacheDownloads: boolean;
}

type ManagerChoice = 'auto' | ManagerName;

/** Installed by the user, not by us: a missing one is named with how to get it. */
const TOOL_OF: Partial<Record<ManagerName, string>> = { pipenv: 'pipenv', poetry: 'poetry', uv: 'uv' };

/**
 * Reads every input and every file they lead to before any work: the
 * manager and its lock file (parsed), the interpreter matching
 * python-version, the cache. A lock file that does not parse, a version no
 * interpreter has, a forced manager without its lock file: exit 2 here,
 * with what was found, and nothing created.
 */
export async function readSetupEnvInputs(reader: InputReader, host: Host): Promise<SetupEnvInputs> {
  const env = process.env;
  const choice = reader.choice<ManagerChoice>('manager');
  const workDir = await workingDirectory(reader.string('working-directory'));
  const overrides: FileOverrides = {
    lockFile: reader.string('lock-file').trim() ? path.resolve(workDir, reader.string('lock-file').trim()) : null,
    requirements: reader.list('requirements').map((file) => path.resolve(workDir, file)),
  };
  const envPath = await replaceableEnvPath(reader.string('env-name'), workDir);
  const extras = reader.list('extras').map(checkExtra);
  const cacheKeySuffix = checkSuffix(reader.string('cache-key-suffix').trim());
  const cache = reader.boolean('cache') ? await cacheStoreFor(reader.string('cache-url'), host) : null;
  const versionSpec = parseSpec(reader.string('python-version').trim(), 'python-version');

  const detected = choice === 'auto' ? await detectManager(workDir, overrides) : choice;
  const files = await readProjectFiles(detected, workDir, overrides);
  const manager: ManagerName = files.condaEnv ? await resolveCondaTool(detected, env) : detected;
  const interpreter = await interpreterFor(manager, files, versionSpec, workDir, host);
  const variable = DOWNLOAD_CACHE_VARIABLE[manager];
  const ownDownloads = !env[variable];
  const downloadCache = env[variable] || path.join(host.context.tempDir, 'mlops-ci', 'setup-env', 'downloads', manager);
  const plan: EnvPlan = { manager, tool: files.condaEnv ? manager : (TOOL_OF[manager] ?? 'python'), files, envPath, interpreter, extras, downloadCache };
  const tag = createHash('sha256').update(envPath).digest('hex').slice(0, 12);
  const lockExportFile = path.join(host.context.tempDir, 'mlops-ci', 'setup-env', `${manager}-${tag}-lock.txt`);
  return { plan, cache, cacheKeySuffix, lockExportFile, cacheDownloads: ownDownloads };
}

/**
 * The interpreter a venv is made from: python-version, else the project's
 * .python-version, else the default python3. Conda brings its own python
 * from environment.yml, so a python-version there is only warned about.
 */
async function interpreterFor(manager: ManagerName, files: ProjectFiles, versionSpec: VersionSpec | null, workDir: string, host: Host): Promise<Interpreter | null> {
  if (files.condaEnv) {
    if (versionSpec) host.warning(`python-version '${versionSpec.text}' is not used by ${manager}: the interpreter comes from ${path.basename(files.condaEnv.file)} (python ${files.condaEnv.python ?? 'unpinned'}).`);
    return null;
  }
  await requireTool(manager, process.env);
  return findInterpreter(versionSpec ?? (await pythonVersionFile(workDir)), host);
}

async function workingDirectory(text: string): Promise<string> {
  const dir = path.resolve(text.trim() || '.');
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new InputError('working-directory', `got '${text}', which is not a folder (${dir})`);
  return dir;
}

function checkExtra(extra: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(extra)) throw new InputError('extras', `got '${extra}', expected names of letters, digits, '.', '_' and '-'`);
  return extra;
}

function checkSuffix(suffix: string): string {
  if (suffix !== '' && !/^[A-Za-z0-9._-]+$/.test(suffix)) throw new InputError('cache-key-suffix', `got '${suffix}', expected letters, digits, '.', '_' and '-'`);
  return suffix;
}

function parseSpec(text: string, source: string): VersionSpec | null {
  if (text === '') return null;
  const spec = parseVersionSpec(text);
  if (!spec) throw new InputError('python-version', `got '${text}'${source === 'python-version' ? '' : ` (from ${source})`}, expected a version such as ${ACCEPTED_FORMS}`);
  return spec;
}

/** pyenv's `.python-version` in the project, when python-version is not given. */
async function pythonVersionFile(workDir: string): Promise<VersionSpec | null> {
  const file = path.join(workDir, '.python-version');
  const text = await readFile(file, 'utf8').catch(() => '');
  const first = text.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== '' && !line.startsWith('#')) ?? '';
  return parseSpec(first, file);
}

/**
 * The interpreter for `spec`: only the candidates that may match are started
 * (see findInterpreters); when none does, every one is, so the error lists
 * all there are.
 */
async function findInterpreter(spec: VersionSpec | null, host: Host): Promise<Interpreter> {
  const runner = new CommandRunner(host);
  const found = await host.group('Find a Python interpreter', async () => {
    const interpreters = await findInterpreters(runner, process.env, spec ? { matching: spec } : { firstOnly: true });
    for (const interpreter of interpreters) host.info(`${interpreter.version}  ${interpreter.executable}  (${interpreter.source})`);
    return interpreters;
  });
  const chosen = chooseInterpreter(found, spec);
  if (!chosen) {
    if (!spec) throw new Error('no Python interpreter was found on PATH, in pyenv, among uv-managed pythons or in the runner tool cache: install one before this step (actions/setup-python, pyenv install, uv python install)');
    const every = await findInterpreters(runner, process.env);
    throw new InputError('python-version', `no interpreter matches '${spec.text}'; found ${describeInterpreters(every)}. Install one (actions/setup-python, pyenv install, uv python install) or change python-version`);
  }
  host.info(`Using Python ${chosen.version} at ${chosen.executable}${spec ? ` (python-version ${spec.text})` : ''}`);
  return chosen;
}

async function requireTool(manager: ManagerName, env: NodeJS.ProcessEnv): Promise<void> {
  const tool = TOOL_OF[manager];
  if (tool && !(await onPath(tool, env))) throw new Error(`${manager} is not on PATH: install it before this step (pipx install ${tool})`);
}
