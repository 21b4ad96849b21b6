import { access, constants, readdir, realpath, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../errors.js';
import { compare, numbers, satisfies, type VersionSpec } from './python-version.js';
import type { CommandRunner } from './command.js';

/** A Python interpreter found on this machine. */
export interface Interpreter {
  /** What to run: `sys.executable` as the interpreter reports it (a pyenv shim resolves to the real one). */
  readonly executable: string;
  /** `3.11.7`. */
  readonly version: string;
  /** Where it was found: `PATH`, `pyenv`, `uv`, `tool cache`. */
  readonly source: InterpreterSource;
}

export type InterpreterSource = 'PATH' | 'pyenv' | 'uv' | 'tool cache';

interface Candidate {
  readonly file: string;
  readonly source: InterpreterSource;
  /** The full version its install folder is named for (pyenv `3.11.7`, uv `cpython-3.11.7-…`, tool cache `3.11.7/x64`), when it is. */
  readonly folderVersion?: string;
}

/** A folder name that states a full version: `3.11.7`, `cpython-3.11.7-linux-x86_64-gnu`; not `3.11`, `3.13t` or `pypy3.10-…`. */
const FOLDER_VERSION = /^(?:cpython-)?(\d+\.\d+\.\d+)(?:-|$)/;

/** Printed by each candidate: executable, version, and whether it is itself inside a venv. */
const PROBE = 'import sys, platform; print(sys.executable); print(platform.python_version()); print(int(sys.prefix != sys.base_prefix))';
const PROBE_TIMEOUT_MS = 15_000;
const MINOR_NAMES = Array.from({ length: 15 }, (_, minor) => `python3.${minor + 6}`);

/**
 * Every interpreter on this machine (with `firstOnly`, the first that runs), in the order a user would expect the
 * default to come from: PATH first, then pyenv's versions, uv-managed
 * pythons and the runner's tool cache (setup-python's layout). Interpreters
 * inside a venv are left out: a venv made from another venv's python breaks
 * when that venv goes. Candidates that fail to run (a pyenv shim for a
 * version not selected) are skipped. With `matching`, installs whose folder
 * names a version outside it are not even started: each probe is a Python
 * start-up, and a machine with many versions pays for all of them every run.
 */
export async function findInterpreters(runner: CommandRunner, env: NodeJS.ProcessEnv, options: { firstOnly?: boolean; matching?: VersionSpec } = {}): Promise<Interpreter[]> {
  const firstOnly = options.firstOnly ?? false;
  const { matching } = options;
  const all = await uniqueCandidates([...(await onPath(env, { withShims: firstOnly })), ...(await managedInterpreters(env))]);
  const candidates = matching ? all.filter((candidate) => !candidate.folderVersion || satisfies(candidate.folderVersion, matching)) : all;
  if (firstOnly) return firstRunnable(runner, candidates);
  const probed = await Promise.all(candidates.map((candidate) => probe(runner, candidate)));
  const seen = new Set<string>();
  const found: Interpreter[] = [];
  for (const interpreter of probed) {
    if (!interpreter) continue;
    // python, python3 and python3.11 of one install are one interpreter.
    const real = await realpath(interpreter.executable).catch(() => interpreter.executable);
    if (seen.has(real)) continue;
    seen.add(real);
    found.push(interpreter);
  }
  return found;
}

/** Without a version to match, the default is the first that runs: no need to start every Python there is. */
async function firstRunnable(runner: CommandRunner, candidates: readonly Candidate[]): Promise<Interpreter[]> {
  for (const candidate of candidates) {
    const interpreter = await probe(runner, candidate);
    if (interpreter) return [interpreter];
  }
  return [];
}

/**
 * The interpreter to build with: the highest version satisfying `spec`
 * (ties: discovery order), or, without a spec, the first found (PATH's python3).
 */
export function chooseInterpreter(found: readonly Interpreter[], spec: VersionSpec | null): Interpreter | undefined {
  if (!spec) return found[0];
  const matching = found.filter((interpreter) => satisfies(interpreter.version, spec));
  return [...matching].sort((a, b) => compare(numbers(b.version), numbers(a.version)))[0];
}

/**
 * The oldest Python setup-env makes an env from: the env's package list and
 * fingerprint are read with `importlib.metadata`, new in 3.8. An older one
 * would be built and then end in a Python traceback, so it is refused while
 * planning, before anything is made.
 */
export const MIN_PYTHON = '3.8';

/**
 * The chosen interpreter, when setup-env supports it; an older one is bad
 * input (exit 2) of `input`, the input that chose it or, when nothing was
 * asked for, the one that would choose another.
 */
export function requireSupported(chosen: Interpreter, input: string, asked: VersionSpec | null): Interpreter {
  if (compare(numbers(chosen.version), numbers(MIN_PYTHON)) >= 0) return chosen;
  const found = `Python ${describeInterpreters([chosen])}`;
  const why = `older than ${MIN_PYTHON}, the oldest setup-env supports (it reads the env's packages with importlib.metadata)`;
  if (asked) throw new InputError(input, `'${asked.text}' chose ${found}, ${why}: ask for ${MIN_PYTHON} or newer`);
  throw new InputError(input, `not given, and the default interpreter is ${found}, ${why}: give ${input} ${MIN_PYTHON} or newer, or put a newer python3 first on PATH`);
}

/** "3.11.7 (/usr/bin/python3, PATH)", for the error that lists what was found. */
export function describeInterpreters(found: readonly Interpreter[]): string {
  if (found.length === 0) return 'no Python interpreter at all';
  return found.map((interpreter) => `${interpreter.version} (${interpreter.executable}, ${interpreter.source})`).join('; ');
}

async function probe(runner: CommandRunner, candidate: Candidate): Promise<Interpreter | null> {
  try {
    const result = await runner.capture(candidate.file, ['-c', PROBE], { ignoreReturnCode: true, timeoutMs: PROBE_TIMEOUT_MS, env: { PYTHONHOME: undefined, PYTHONPATH: undefined } });
    const [executable, version, inVenv] = result.stdout.trim().split('\n').map((line) => line.trim());
    if (result.exitCode !== 0 || !executable || !version || inVenv !== '0') return null;
    return { executable, version, source: candidate.source };
  } catch {
    return null; // not runnable: not an interpreter we can use
  }
}

/**
 * Interpreters in PATH order. pyenv's shims start a shell and pyenv itself
 * (slow) and stand for pyenv's versions, probed directly anyway: they are
 * only asked when the default python3 is wanted, which is the shim's answer.
 */
async function onPath(env: NodeJS.ProcessEnv, options: { withShims: boolean }): Promise<Candidate[]> {
  const shims = path.join(pyenvRoot(env), 'shims');
  const dirs = (env['PATH'] ?? '').split(path.delimiter).filter((dir) => dir !== '' && (options.withShims || path.resolve(dir) !== shims));
  const names = ['python3', 'python', ...MINOR_NAMES];
  const found: Candidate[] = [];
  for (const dir of dirs) {
    for (const name of names) {
      const file = path.join(dir, name);
      if (await isExecutable(file)) found.push({ file, source: 'PATH' });
    }
  }
  return found;
}

/** pyenv's versions, uv's managed pythons and the runner tool cache (`Python/<version>/<arch>/bin`). */
async function managedInterpreters(env: NodeJS.ProcessEnv): Promise<Candidate[]> {
  const home = env['HOME'] ?? os.homedir();
  const uvRoot = env['UV_PYTHON_INSTALL_DIR'] ?? path.join(env['XDG_DATA_HOME'] ?? path.join(home, '.local', 'share'), 'uv', 'python');
  const toolCaches = [env['RUNNER_TOOL_CACHE'], env['AGENT_TOOLSDIRECTORY']].filter((dir): dir is string => Boolean(dir));
  const found: Candidate[] = [];
  for (const dir of await subdirs(path.join(pyenvRoot(env), 'versions'))) found.push({ file: path.join(dir, 'bin', 'python3'), source: 'pyenv', folderVersion: folderVersion(dir) });
  for (const dir of await subdirs(uvRoot)) found.push({ file: path.join(dir, 'bin', 'python3'), source: 'uv', folderVersion: folderVersion(dir) });
  for (const cache of toolCaches) {
    for (const version of await subdirs(path.join(cache, 'Python'))) {
      for (const arch of await subdirs(version)) found.push({ file: path.join(arch, 'bin', 'python3'), source: 'tool cache', folderVersion: folderVersion(version) });
    }
  }
  const runnable: Candidate[] = [];
  for (const candidate of found) if (await isExecutable(candidate.file)) runnable.push(candidate);
  return runnable;
}

function folderVersion(dir: string): string | undefined {
  return FOLDER_VERSION.exec(path.basename(dir))?.[1];
}

function pyenvRoot(env: NodeJS.ProcessEnv): string {
  return env['PYENV_ROOT'] ?? path.join(env['HOME'] ?? os.homedir(), '.pyenv');
}

/**
 * One candidate per real file (python3 and python3.11 are often the same
 * binary). Venvs go first: their python is a link to the very interpreter a
 * later candidate names, which must not be dropped as its duplicate.
 */
async function uniqueCandidates(candidates: Candidate[]): Promise<Candidate[]> {
  const seen = new Set<string>();
  const unique: Candidate[] = [];
  for (const candidate of candidates) {
    if (await isFile(path.join(path.dirname(path.dirname(candidate.file)), 'pyvenv.cfg'))) continue;
    const real = await realpath(candidate.file).catch(() => candidate.file);
    if (seen.has(real)) continue;
    seen.add(real);
    unique.push(candidate);
  }
  return unique;
}

async function subdirs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory() || entry.isSymbolicLink())
    .map((entry) => path.join(dir, entry.name))
    .sort();
}

async function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}
