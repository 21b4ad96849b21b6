import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../../errors.js';
import { readInputText, readInputTextIfExists } from '../../fs-input.js';
import { CommandRunner } from '../../env/command.js';
import { replaceableEnvPath } from '../../env/env-folder.js';
import { detectManager, onPath, readProjectFiles, resolveCondaTool, type FileOverrides } from '../../env/detect.js';
import { chooseInterpreter, describeInterpreters, findInterpreters, requireSupported, type Interpreter } from '../../env/python-discovery.js';
import { ACCEPTED_FORMS, parseVersionSpec, type VersionSpec } from '../../env/python-version.js';
import { DOWNLOAD_CACHE_VARIABLE, type EnvPlan, type ManagerName, type ProjectFiles } from '../../env/types.js';
import { cacheStoreFor } from '../../cache/open.js';
import type { CacheStore } from '../../cache/types.js';
import type { Host } from '../../host/types.js';
import type { InputReader } from '../../spec/inputs.js';
import type { setupEnvSpec } from './spec.js';

type SetupEnvReader = InputReader<typeof setupEnvSpec>;
type Env = Readonly<NodeJS.ProcessEnv>;

export interface SetupEnvPlan {
  readonly plan: EnvPlan;
  /** null when `cache` is false. */
  readonly cache: CacheStore | null;
  readonly cacheKeySuffix: string | undefined;
  /** Where the lock export is written. */
  readonly lockExportFile: string;
  /**
   * Whether the download cache folder is ours to restore and save. When the
   * user points the tool at their own (PIP_CACHE_DIR, UV_CACHE_DIR...), it is
   * already warm and shared: restoring over a live cache would corrupt it.
   */
  readonly cacheDownloads: boolean;
}

/** Installed by the user, not by us: a missing one is named with how to get it. */
const TOOL_OF: Partial<Record<ManagerName, string>> = { pipenv: 'pipenv', poetry: 'poetry', uv: 'uv' };

/**
 * Reads every input and every file they lead to before any work: the
 * manager and its lock file (parsed), the interpreter matching
 * python-version, the cache. A lock file that does not parse, a version no
 * interpreter has, a forced manager without its lock file: exit 2 here,
 * with what was found, and nothing created.
 *
 * Every input is read before the project folder is looked at, so bad input
 * is named as such even in a folder with nothing to build from.
 */
export async function planSetupEnv(reader: SetupEnvReader, host: Host): Promise<SetupEnvPlan> {
  const { env, tempDir } = host.context;
  const choice = reader.get('manager');
  const workDir = await workingDirectory(reader.get('working-directory'), host.context.cwd);
  const overrides = fileOverrides(reader, workDir);
  const envPath = await replaceableEnvPath(reader.get('env-name'), workDir);
  const extras = reader.get('extras').map(checkExtra);
  const cacheKeySuffix = checkSuffix(reader.get('cache-key-suffix'));
  const cache = await cacheStore(reader, host);
  const version = await askedVersion(reader, workDir);

  const detected = choice === 'auto' ? await detectManager(workDir, overrides) : choice;
  const files = await readProjectFiles(detected, workDir, overrides);
  const manager: ManagerName = files.condaEnv ? await resolveCondaTool(detected, env) : detected;
  const interpreter = await interpreterFor(manager, files, version, host);
  const usersDownloads = env[DOWNLOAD_CACHE_VARIABLE[manager]];
  const downloadCache = usersDownloads || ownDownloadCache(manager, tempDir);
  const plan: EnvPlan = { manager, tool: files.condaEnv ? manager : (TOOL_OF[manager] ?? 'python'), files, envPath, interpreter, extras, downloadCache };
  return { plan, cache, cacheKeySuffix, lockExportFile: lockExportFile(manager, envPath, tempDir), cacheDownloads: !usersDownloads };
}

/** The project folder; a relative one starts where the step was started. */
async function workingDirectory(given: string, cwd: string): Promise<string> {
  const dir = path.resolve(cwd, given);
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new InputError('working-directory', `got '${given}', which is not a folder (${dir})`);
  return dir;
}

/** The lock file and requirements the user named; relative ones start in the project folder. */
function fileOverrides(reader: SetupEnvReader, workDir: string): FileOverrides {
  const lockFile = reader.get('lock-file');
  return {
    lockFile: lockFile === undefined ? null : path.resolve(workDir, lockFile),
    requirements: reader.get('requirements').map((file) => path.resolve(workDir, file)),
  };
}

/** The cache store `cache-url` names, the host's own when it names none; null when caching is off. */
async function cacheStore(reader: SetupEnvReader, host: Host): Promise<CacheStore | null> {
  if (!reader.get('cache')) return null;
  const url = reader.get('cache-url');
  return url === undefined ? host.cache : cacheStoreFor(url, host);
}

function checkExtra(extra: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(extra)) throw new InputError('extras', `got '${extra}', expected names of letters, digits, '.', '_' and '-'`);
  return extra;
}

function checkSuffix(suffix: string | undefined): string | undefined {
  if (suffix !== undefined && !/^[A-Za-z0-9._-]+$/.test(suffix)) throw new InputError('cache-key-suffix', `got '${suffix}', expected letters, digits, '.', '_' and '-'`);
  return suffix;
}

type VersionInput = 'python-version' | 'python-version-file';

/** The Python version asked for, and the input that asked: the user's (`byUser`), or the project's default `.python-version`. */
interface AskedVersion {
  readonly spec: VersionSpec;
  readonly input: VersionInput;
  readonly byUser: boolean;
}

/**
 * python-version, else the version file: a file named in python-version-file
 * must exist; the default one is read when present. Its first line that is
 * not a comment holds the version, as pyenv reads `.python-version`.
 */
async function askedVersion(reader: SetupEnvReader, workDir: string): Promise<AskedVersion | null> {
  const given = reader.get('python-version');
  if (given !== undefined) return { spec: parseSpec(given, 'python-version', 'python-version'), input: 'python-version', byUser: true };
  const named = reader.given('python-version-file');
  const file = path.resolve(workDir, reader.get('python-version-file'));
  // Read as every input file is (a regular file, bounded): a named FIFO or device is refused, not waited on.
  const place = { input: 'python-version-file', what: 'Python version file', file, cwd: workDir };
  const text = named ? await readInputText(place) : ((await readInputTextIfExists(place)) ?? '');
  const first = text.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== '' && !line.startsWith('#'));
  if (first === undefined) return null;
  const input = named ? 'python-version-file' : 'python-version';
  return { spec: parseSpec(first, file, input), input, byUser: named };
}

/** `text` as a version spec; `source` names where it came from when that is a file, not the input. */
function parseSpec(text: string, source: string, input: VersionInput): VersionSpec {
  const spec = parseVersionSpec(text);
  if (!spec) throw new InputError(input, `got '${text}'${source === input ? '' : ` (from ${source})`}, expected a version such as ${ACCEPTED_FORMS}`);
  return spec;
}

/** The download cache folder when the user's environment names none (PIP_CACHE_DIR...): the run's, one per manager. */
function ownDownloadCache(manager: ManagerName, tempDir: string): string {
  return path.join(tempDir, 'mlops-ci', 'setup-env', 'downloads', manager);
}

/** One lock export per env path, so two envs set up in one run keep their own. */
function lockExportFile(manager: ManagerName, envPath: string, tempDir: string): string {
  const tag = createHash('sha256').update(envPath).digest('hex').slice(0, 12);
  return path.join(tempDir, 'mlops-ci', 'setup-env', `${manager}-${tag}-lock.txt`);
}

/**
 * The interpreter a venv is made from: the version asked for, else the
 * default python3. Conda brings its own python from environment.yml, so a
 * version the user asked for is only warned about there.
 */
async function interpreterFor(manager: ManagerName, files: ProjectFiles, version: AskedVersion | null, host: Host): Promise<Interpreter | null> {
  if (files.condaEnv) {
    if (version?.byUser) host.warning(`${version.input} '${version.spec.text}' is not used by ${manager}: the interpreter comes from ${path.basename(files.condaEnv.file)} (python ${files.condaEnv.python ?? 'unpinned'}).`);
    return null;
  }
  await requireTool(manager, host.context.env);
  return findInterpreter(version, host);
}

/**
 * The interpreter for `spec`: only the candidates that may match are started
 * (see findInterpreters); when none does, every one is, so the error lists
 * all there are.
 */
async function findInterpreter(version: AskedVersion | null, host: Host): Promise<Interpreter> {
  const spec = version?.spec ?? null;
  const { env, cwd } = host.context;
  const runner = new CommandRunner(host, { cwd, env });
  const found = await host.group('Find a Python interpreter', async () => {
    const interpreters = await findInterpreters(runner, env, spec ? { matching: spec } : { firstOnly: true });
    for (const interpreter of interpreters) host.info(`${interpreter.version}  ${interpreter.executable}  (${interpreter.source})`);
    return interpreters;
  });
  const chosen = chooseInterpreter(found, spec);
  if (!chosen) {
    if (!spec) throw new Error('no Python interpreter was found on PATH, in pyenv, among uv-managed pythons or in the runner tool cache: install one before this step (actions/setup-python, pyenv install, uv python install)');
    const every = await findInterpreters(runner, env);
    const input = version?.input ?? 'python-version';
    throw new InputError(input, `no interpreter matches '${spec.text}'; found ${describeInterpreters(every)}. Install one (actions/setup-python, pyenv install, uv python install) or change ${input}`);
  }
  requireSupported(chosen, version?.input ?? 'python-version', spec);
  host.info(`Using Python ${chosen.version} at ${chosen.executable}${spec ? ` (python-version ${spec.text})` : ''}`);
  return chosen;
}

async function requireTool(manager: ManagerName, env: Env): Promise<void> {
  const tool = TOOL_OF[manager];
  if (tool && !(await onPath(tool, env))) throw new Error(`${manager} is not on PATH: install it before this step (pipx install ${tool})`);
}
